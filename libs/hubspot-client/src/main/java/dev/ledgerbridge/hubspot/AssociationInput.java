package dev.ledgerbridge.hubspot;

import java.util.List;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** Association sent with a v3 create ({@code PublicAssociationsForObject}): target record and types. */
@RegisterForReflection // Jackson (de)serialises it inside this library, outside Quarkus REST.
public record AssociationInput(ObjectId to, List<AssociationSpec> types) {

    public AssociationInput {
        types = types == null ? List.of() : List.copyOf(types);
    }

    /** Links the new record to {@code toId} with the given association types. */
    public static AssociationInput to(String toId, AssociationSpec... types) {
        return new AssociationInput(new ObjectId(toId), List.of(types));
    }
}
