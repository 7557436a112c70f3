package dev.ledgerbridge.hubspot;

import java.util.List;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** One associated record in a v4 association read ({@code MultiAssociatedObjectWithLabel}). */
@RegisterForReflection // Jackson (de)serialises it inside this library, outside Quarkus REST.
public record AssociatedObject(String toObjectId, List<AssociationType> associationTypes) {

    public AssociatedObject {
        associationTypes = associationTypes == null ? List.of() : List.copyOf(associationTypes);
    }

    /** True if one of the association types carries {@code label} (e.g. a portal-defined "Billing contact"). */
    public boolean hasLabel(String label) {
        return associationTypes.stream().anyMatch(t -> label.equals(t.label()));
    }
}
