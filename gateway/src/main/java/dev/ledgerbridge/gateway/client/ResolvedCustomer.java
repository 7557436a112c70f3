package dev.ledgerbridge.gateway.client;

/**
 * Answer of contact-sync-service: the QBO customer for the chosen contact.
 *
 * @param resolution         {@code LINKED}, {@code MATCHED} or {@code CREATED}
 * @param replacedCustomerId the stale customer this resolution replaced (link repair), else null
 */
public record ResolvedCustomer(String contactId, String customerId, String displayName, String resolution,
        String replacedCustomerId) {

    /** An answer that repaired nothing. */
    public ResolvedCustomer(String contactId, String customerId, String displayName, String resolution) {
        this(contactId, customerId, displayName, resolution, null);
    }
}
