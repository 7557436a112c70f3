package dev.ledgerbridge.contacts;

/**
 * The QBO customer a contact resolved to.
 *
 * @param contactId          the HubSpot contact that was chosen (R3)
 * @param customerId         QBO Customer Id
 * @param displayName        the customer's DisplayName in QBO
 * @param resolution         how it was found
 * @param replacedCustomerId the stale customer whose link this resolution replaced (link repair), else null
 */
public record ResolvedCustomer(String contactId, String customerId, String displayName, Resolution resolution,
        String replacedCustomerId) {

    /** A resolution that repaired nothing. */
    public ResolvedCustomer(String contactId, String customerId, String displayName, Resolution resolution) {
        this(contactId, customerId, displayName, resolution, null);
    }
}
