package dev.ledgerbridge.hubspot;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** One associated record in a v3 object read ({@code AssociatedId}): its id and the association type name. */
@RegisterForReflection // Jackson (de)serialises it inside this library, outside Quarkus REST.
public record CrmAssociationRef(String id, String type) {
}
