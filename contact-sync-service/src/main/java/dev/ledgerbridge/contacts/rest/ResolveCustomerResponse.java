package dev.ledgerbridge.contacts.rest;

import dev.ledgerbridge.contacts.Resolution;
import dev.ledgerbridge.contacts.ResolvedCustomer;

/**
 * The customer a contact resolved to.
 *
 * @param contactId   the chosen contact
 * @param customerId  QBO Customer Id
 * @param displayName the customer's DisplayName
 * @param resolution  LINKED (no QBO call), MATCHED or CREATED
 */
public record ResolveCustomerResponse(String contactId, String customerId, String displayName, Resolution resolution) {

    static ResolveCustomerResponse from(ResolvedCustomer resolved) {
        return new ResolveCustomerResponse(resolved.contactId(), resolved.customerId(), resolved.displayName(),
                resolved.resolution());
    }
}
