package dev.ledgerbridge.gateway.client;

import java.math.BigDecimal;

/**
 * payments-bridge-service's 200 answer to {@code POST /v1/payment-actions} (contract B): every business outcome.
 *
 * @param outcome      {@code CREATED}, {@code REPLAYED} (the ledger's first result for the payment and action),
 *                     {@code REFUSED} or {@code NO_OP} (a fee expense of a payment without fee)
 * @param documentType QBO entity written: {@code Invoice}, {@code SalesReceipt}, {@code Purchase},
 *                     {@code RefundReceipt}; null for a refusal or no-op
 * @param paymentId    the QBO Payment applied to a paid invoice; null otherwise
 * @param code         the refusal's or no-op's code (e.g. {@code TAXABLE_LINE_ITEMS}, {@code NO_FEE}); null otherwise
 * @param message      a sentence for a finance user explaining a refusal or no-op
 */
public record PaymentActionResult(String outcome, String documentType, String documentId, String docNumber,
        BigDecimal total, String paymentId, String code, String message) {

    public static final String CREATED = "CREATED";
    public static final String REPLAYED = "REPLAYED";
    public static final String REFUSED = "REFUSED";
    public static final String NO_OP = "NO_OP";

    /** True when a QBO document exists for the payment and action (written now or before). */
    public boolean hasDocument() {
        return CREATED.equals(outcome) || REPLAYED.equals(outcome);
    }
}
