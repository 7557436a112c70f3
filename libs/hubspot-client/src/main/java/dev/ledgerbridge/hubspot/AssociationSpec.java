package dev.ledgerbridge.hubspot;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** Association type to create ({@code AssociationSpec}): category such as {@code HUBSPOT_DEFINED} and type id. */
@RegisterForReflection // Jackson (de)serialises it inside this library, outside Quarkus REST.
public record AssociationSpec(String associationCategory, int associationTypeId) {

    /** A HubSpot-defined association type, e.g. 214 for note to deal. */
    public static AssociationSpec hubspotDefined(int associationTypeId) {
        return new AssociationSpec("HUBSPOT_DEFINED", associationTypeId);
    }
}
