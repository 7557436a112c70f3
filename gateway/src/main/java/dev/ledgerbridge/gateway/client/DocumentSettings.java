package dev.ledgerbridge.gateway.client;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A company's document settings as document-service holds them: sales receipt deposit account and payment method,
 * and the DocNumber pattern used while the company has custom transaction numbers on.
 *
 * @param realmId          QBO company id (null in a PUT body)
 * @param depositAccountId QBO Bank or Other Current Asset account, null when not configured
 * @param paymentMethodId  QBO payment method, null when not configured
 * @param docNumberPattern e.g. {@code HS-{objectId}}; null in a PUT body means the default
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DocumentSettings(String realmId, String depositAccountId, String paymentMethodId,
        String docNumberPattern) {
}
