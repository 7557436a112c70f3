package dev.ledgerbridge.documents;

/**
 * The documents this service writes to QBO: the sales documents of the deal and quote actions (A1-A3) and the
 * payment documents of issue 7 (A4, A6, A7).
 */
public enum DocumentType {
    /** A QBO Invoice. */
    INVOICE,
    /** A QBO Estimate. */
    ESTIMATE,
    /** A QBO SalesReceipt. */
    SALES_RECEIPT,
    /** A QBO Invoice, then a QBO Payment applied to it (two writes, one idempotency key). */
    PAID_INVOICE,
    /** A QBO RefundReceipt: money paid back to a customer from a bank or current asset account. */
    REFUND_RECEIPT,
    /** A QBO Purchase: a payment processor's fee booked as an expense, no customer. */
    FEE_EXPENSE;

    /** Whether the document is made of sales lines for a customer (everything but the fee expense). */
    public boolean hasSalesLines() {
        return this != FEE_EXPENSE;
    }

    /** Whether the document's first (or only) QBO entity is an Invoice. */
    public boolean isInvoice() {
        return this == INVOICE || this == PAID_INVOICE;
    }
}
