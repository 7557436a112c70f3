package dev.ledgerbridge.contacts.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.ledgerbridge.contacts.Resolution;
import dev.ledgerbridge.contacts.ResolvedCustomer;

/**
 * The customer a contact resolved to.
 *
 * @param contactId   the chosen contact
 * @param customerId  QBO Customer Id
 * @param displayName the customer's DisplayName
 * @param resolution  LINKED (no QBO call), MATCHED or CREATED
 * @param replacedCustomerId the stale customer whose link was replaced, when the request named one and it was linked;
 *                    absent otherwise
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ResolveCustomerResponse(String contactId, String customerId, String displayName, Resolution resolution,
        String replacedCustomerId) {

    static ResolveCustomerResponse from(ResolvedCustomer resolved) {
        return new ResolveCustomerResponse(resolved.contactId(), resolved.customerId(), resolved.displayName(),
                resolved.resolution(), resolved.replacedCustomerId());
    }
}
