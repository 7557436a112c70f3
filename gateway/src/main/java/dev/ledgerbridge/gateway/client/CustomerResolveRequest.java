package dev.ledgerbridge.gateway.client;

import java.util.List;

/**
 * Body of contact-sync-service {@code POST /v1/customers/resolve}.
 *
 * @param contactChoice null (the first contact), {@code "first"} or a contact id (R3)
 * @param contacts      the record's contacts in association order
 */
public record CustomerResolveRequest(String realmId, long portalId, String contactChoice, List<Contact> contacts) {

    /** A HubSpot contact as the gateway loaded it. */
    public record Contact(String id, String firstName, String lastName, String email, String company, String phone) {
    }
}
