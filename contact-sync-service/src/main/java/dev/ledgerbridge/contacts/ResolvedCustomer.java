package dev.ledgerbridge.contacts;

/**
 * The QBO customer a contact resolved to.
 *
 * @param contactId   the HubSpot contact that was chosen (R3)
 * @param customerId  QBO Customer Id
 * @param displayName the customer's DisplayName in QBO
 * @param resolution  how it was found
 */
public record ResolvedCustomer(String contactId, String customerId, String displayName, Resolution resolution) {
}
