package dev.ledgerbridge.gateway.client;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * What resolving the customer would do (contact-sync-service {@code POST /v1/customers/preview}); fields that do not
 * apply to the outcome are null.
 *
 * @param outcome LINK, MATCH, CREATE or REFUSE
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CustomerPreview(String outcome, String contactId, String customerId, String displayName,
        Boolean reactivate, String code, String message, String mode, Long settingsVersion, List<String> takenNames) {

    /** A refusal the gateway itself determines (company, record, contact choice), before contact-sync is asked. */
    public static CustomerPreview refused(String code, String message) {
        return new CustomerPreview("REFUSE", null, null, null, null, code, message, null, null, null);
    }
}
