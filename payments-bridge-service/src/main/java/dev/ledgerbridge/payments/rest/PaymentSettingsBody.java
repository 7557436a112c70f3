package dev.ledgerbridge.payments.rest;

import dev.ledgerbridge.payments.PaymentSettings;
import jakarta.validation.constraints.Pattern;

/**
 * Body of {@code GET/PUT /v1/companies/{realmId}/payment-settings}: QBO ids, each optional (null: not configured).
 */
public record PaymentSettingsBody(
        @Pattern(regexp = "[0-9]{1,32}", message = "must be a QBO account id") String depositAccountId,
        @Pattern(regexp = "[0-9]{1,32}", message = "must be a QBO account id") String feeExpenseAccountId,
        @Pattern(regexp = "[0-9]{1,32}", message = "must be a QBO account id") String feePaymentAccountId,
        @Pattern(regexp = "[0-9]{1,32}", message = "must be a QBO vendor id") String feeVendorId,
        @Pattern(regexp = "[0-9]{1,32}", message = "must be a QBO account id") String refundFromAccountId,
        @Pattern(regexp = "[0-9]{1,32}", message = "must be a QBO payment method id") String paymentMethodId) {

    static PaymentSettingsBody of(PaymentSettings settings) {
        return new PaymentSettingsBody(settings.depositAccountId(), settings.feeExpenseAccountId(),
                settings.feePaymentAccountId(), settings.feeVendorId(), settings.refundFromAccountId(),
                settings.paymentMethodId());
    }

    PaymentSettings toSettings() {
        return new PaymentSettings(depositAccountId, feeExpenseAccountId, feePaymentAccountId, feeVendorId,
                refundFromAccountId, paymentMethodId);
    }
}
