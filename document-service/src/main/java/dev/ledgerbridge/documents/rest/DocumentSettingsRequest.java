package dev.ledgerbridge.documents.rest;

import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * {@code PUT /v1/companies/{realmId}/document-settings} body; it replaces the stored settings, so an omitted field is
 * cleared (sales receipts are then refused until it is set again; an omitted pattern means the default).
 *
 * @param depositAccountId QBO Bank or Other Current Asset account sales receipts are deposited to
 * @param paymentMethodId  QBO payment method written on sales receipts
 * @param docNumberPattern DocNumber pattern used while the company has custom transaction numbers on
 */
public record DocumentSettingsRequest(
        @Pattern(regexp = "[0-9]{1,32}", message = "must be a numeric QBO account id") String depositAccountId,
        @Pattern(regexp = "[0-9]{1,32}", message = "must be a numeric QBO payment method id") String paymentMethodId,
        @Size(min = 1, max = 64) String docNumberPattern) {
}
