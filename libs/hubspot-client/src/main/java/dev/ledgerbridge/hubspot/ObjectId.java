package dev.ledgerbridge.hubspot;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** Reference to a HubSpot record by id ({@code PublicObjectId}). */
@RegisterForReflection // Jackson (de)serialises it inside this library, outside Quarkus REST.
public record ObjectId(String id) {
}
