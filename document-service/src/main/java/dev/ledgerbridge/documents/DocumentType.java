package dev.ledgerbridge.documents;

/** The QBO transaction kinds this service writes; only {@link #INVOICE} is built so far (issue 3). */
public enum DocumentType {
    INVOICE,
    ESTIMATE,
    SALES_RECEIPT,
    PAYMENT,
    PURCHASE,
    REFUND_RECEIPT
}
