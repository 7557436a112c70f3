package dev.ledgerbridge.gateway.client;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;

/**
 * Body of contact-sync-service {@code POST /v1/customers/resolve} and {@code /preview}.
 *
 * @param contactChoice   null (the first contact), {@code "first"} or a contact id (R3); the gateway turns
 *                        {@code "primary"} into the id of the deal's primary contact before sending
 * @param contacts        the record's contacts in association order
 * @param staleCustomerId a customer QBO refused with 610 on the document write: contact-sync checks it and, when QBO
 *                        deleted or merged it, links the contact anew; absent normally
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CustomerResolveRequest(String realmId, long portalId, String contactChoice, List<Contact> contacts,
        String staleCustomerId) {

    /** A request without a stale customer. */
    public CustomerResolveRequest(String realmId, long portalId, String contactChoice, List<Contact> contacts) {
        this(realmId, portalId, contactChoice, contacts, null);
    }

    /** The same request, reporting {@code customerId} as stale. */
    public CustomerResolveRequest reportingStale(String customerId) {
        return new CustomerResolveRequest(realmId, portalId, contactChoice, contacts, customerId);
    }

    /**
     * A HubSpot contact as the gateway loaded it.
     *
     * @param properties the properties the company's sync filters read (null values: unknown in HubSpot); absent when
     *                   the company's filters read none
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Contact(String id, String firstName, String lastName, String email, String company, String phone,
            Map<String, String> properties) {

        /** A contact without filter properties. */
        public Contact(String id, String firstName, String lastName, String email, String company, String phone) {
            this(id, firstName, lastName, email, company, phone, null);
        }
    }
}
