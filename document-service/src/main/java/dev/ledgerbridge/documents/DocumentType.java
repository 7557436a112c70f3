package dev.ledgerbridge.documents;

/** The QBO transaction kinds this service writes; invoices, estimates and sales receipts are built so far. */
public enum DocumentType {
    INVOICE,
    ESTIMATE,
    SALES_RECEIPT,
    PAYMENT,
    PURCHASE,
    REFUND_RECEIPT;

    /** Whether this service builds the type today. */
    public boolean isSalesDocument() {
        return this == INVOICE || this == ESTIMATE || this == SALES_RECEIPT;
    }
}
