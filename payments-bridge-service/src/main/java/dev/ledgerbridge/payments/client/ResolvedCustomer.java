package dev.ledgerbridge.payments.client;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** Answer of contact-sync-service: the QBO customer of the payment's contact. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ResolvedCustomer(String contactId, String customerId, String displayName, String resolution) {
}
