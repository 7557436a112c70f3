package dev.ledgerbridge.documents.rest;

import dev.ledgerbridge.documents.service.DocumentSettingsService.EffectiveSettings;

/**
 * A company's document settings as documents use them.
 *
 * @param realmId          QBO company
 * @param depositAccountId sales receipt deposit account, null when not configured
 * @param paymentMethodId  sales receipt payment method, null when not configured
 * @param docNumberPattern the DocNumber pattern (the default when none was saved)
 */
public record DocumentSettingsResponse(String realmId, String depositAccountId, String paymentMethodId,
        String docNumberPattern) {

    static DocumentSettingsResponse of(String realmId, EffectiveSettings settings) {
        return new DocumentSettingsResponse(realmId, settings.depositAccountId(), settings.paymentMethodId(),
                settings.docNumberPattern());
    }
}
