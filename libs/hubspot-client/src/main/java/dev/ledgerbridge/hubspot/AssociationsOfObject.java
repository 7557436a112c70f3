package dev.ledgerbridge.hubspot;

import java.util.List;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** Associations of one source record in a v4 batch read ({@code PublicAssociationMultiWithLabel}). */
@RegisterForReflection // Jackson (de)serialises it inside this library, outside Quarkus REST.
public record AssociationsOfObject(ObjectId from, List<AssociatedObject> to, Paging paging) {

    public AssociationsOfObject {
        to = to == null ? List.of() : List.copyOf(to);
    }
}
