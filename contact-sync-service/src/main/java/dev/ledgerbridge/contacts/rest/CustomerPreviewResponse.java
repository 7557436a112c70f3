package dev.ledgerbridge.contacts.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.ledgerbridge.contacts.CustomerPreview;
import dev.ledgerbridge.contacts.MatchingMode;
import java.util.List;

/**
 * {@code POST /v1/customers/preview}: what a resolution would do; fields that do not apply to the outcome are absent.
 *
 * @param outcome         LINK, MATCH, CREATE or REFUSE
 * @param contactId       the chosen contact
 * @param customerId      LINK, MATCH: the customer that would be used
 * @param displayName     LINK, MATCH: its DisplayName; CREATE: the DisplayName the new customer would get
 * @param reactivate      MATCH: true when the customer is inactive and would be made active again
 * @param code            REFUSE: the code the resolution would answer (e.g. CONTACT_NOT_ELIGIBLE)
 * @param message         a sentence for a finance user saying what would happen and why
 * @param mode            the company's matching mode
 * @param settingsVersion the settings version applied
 * @param takenNames      CREATE: more readable names QBO already uses
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CustomerPreviewResponse(CustomerPreview.Outcome outcome, String contactId, String customerId,
        String displayName, Boolean reactivate, String code, String message, MatchingMode mode, long settingsVersion,
        List<String> takenNames) {

    static CustomerPreviewResponse from(CustomerPreview preview) {
        return new CustomerPreviewResponse(preview.outcome(), preview.contactId(), preview.customerId(),
                preview.displayName(), preview.outcome() == CustomerPreview.Outcome.MATCH ? preview.reactivate() : null,
                preview.code(), preview.message(), preview.mode(), preview.settingsVersion(),
                preview.outcome() == CustomerPreview.Outcome.CREATE ? preview.takenNames() : null);
    }
}
