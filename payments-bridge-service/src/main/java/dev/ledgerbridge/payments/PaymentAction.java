package dev.ledgerbridge.payments;

import java.util.Locale;

/**
 * The four payment actions A4-A7 and what each writes to QuickBooks through document-service.
 */
public enum PaymentAction {

    /** A4: an invoice for the payment's line items plus a QBO Payment applied to it. */
    PAID_INVOICE("Invoice", "PAID_INVOICE"),
    /** A5: a sales receipt from the payment. */
    SALES_RECEIPT("SalesReceipt", "SALES_RECEIPT"),
    /** A6: a QBO Purchase for the payment's processing fee. */
    FEE_EXPENSE("Purchase", "FEE_EXPENSE"),
    /** A7: a refund receipt for a fully refunded payment. */
    REFUND_RECEIPT("RefundReceipt", "REFUND_RECEIPT");

    private final String documentType;
    private final String documentServiceType;

    PaymentAction(String documentType, String documentServiceType) {
        this.documentType = documentType;
        this.documentServiceType = documentServiceType;
    }

    /** The QBO entity the action creates, as the API names it ({@code Invoice}, {@code Purchase}, ...). */
    public String documentType() {
        return documentType;
    }

    /** The {@code type} of document-service's {@code POST /v1/documents}. */
    public String documentServiceType() {
        return documentServiceType;
    }

    /** The action's part of the idempotency key, e.g. {@code paid-invoice}. */
    public String keySuffix() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** True when the action needs the payment's customer and line items. */
    public boolean needsCustomerAndLines() {
        return this != FEE_EXPENSE;
    }
}
