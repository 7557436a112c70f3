package dev.ledgerbridge.contacts;

import java.util.List;

/**
 * A request to resolve one of a record's contacts to a QBO customer.
 *
 * @param realmId         QBO company
 * @param portalId        HubSpot portal
 * @param contactChoice   null or {@code "first"} for the first associated contact, else a contact id (R3)
 * @param contacts        the record's contacts in association order
 * @param correlationId   HubSpot callbackId passed to QBO calls, or null
 * @param staleCustomerId a customer QBO no longer accepts (fault 610 on a document write): a link to it is dropped
 *                        and the contact matched again without it; null normally
 */
public record ResolveCustomerCommand(String realmId, long portalId, String contactChoice, List<Contact> contacts,
        String correlationId, String staleCustomerId) {

    /** Copies the contact list; a null list is an empty one. */
    public ResolveCustomerCommand {
        contacts = contacts == null ? List.of() : List.copyOf(contacts);
    }

    /** A resolution without a stale customer. */
    public ResolveCustomerCommand(String realmId, long portalId, String contactChoice, List<Contact> contacts,
            String correlationId) {
        this(realmId, portalId, contactChoice, contacts, correlationId, null);
    }
}
