package dev.ledgerbridge.gateway.client;

/**
 * Answer of contact-sync-service: the QBO customer for the chosen contact.
 *
 * @param resolution {@code LINKED}, {@code MATCHED} or {@code CREATED}
 */
public record ResolvedCustomer(String contactId, String customerId, String displayName, String resolution) {
}
