package dev.ledgerbridge.hubspot;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** Association created by the v4 default-association call ({@code PublicDefaultAssociation}). */
@RegisterForReflection // Jackson (de)serialises it inside this library, outside Quarkus REST.
public record DefaultAssociation(ObjectId from, ObjectId to, AssociationSpec associationSpec) {
}
