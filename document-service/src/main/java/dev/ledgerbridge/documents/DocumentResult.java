package dev.ledgerbridge.documents;

import java.math.BigDecimal;

/**
 * A document QBO confirmed.
 *
 * @param idempotencyKey the caller's key
 * @param documentId     QBO id (of the invoice for a paid invoice, of the Purchase for a fee expense)
 * @param docNumber      QBO document number, null when the company numbers nothing (and for a fee expense)
 * @param type           kind of transaction
 * @param totalAmount    QBO's total (tax included)
 * @param customerId     QBO customer id; null for a fee expense
 * @param paymentId      QBO id of the Payment applied to a paid invoice; null for the other types
 * @param replayed       true when this answer comes from the row stored by an earlier request, without a QBO write
 */
public record DocumentResult(String idempotencyKey, String documentId, String docNumber, DocumentType type,
        BigDecimal totalAmount, String customerId, String paymentId, boolean replayed) {

    /** A result without a payment (every type but the paid invoice). */
    public DocumentResult(String idempotencyKey, String documentId, String docNumber, DocumentType type,
            BigDecimal totalAmount, String customerId, boolean replayed) {
        this(idempotencyKey, documentId, docNumber, type, totalAmount, customerId, null, replayed);
    }

    /** The stored result of a CREATED row. */
    public static DocumentResult replayOf(Document document) {
        return new DocumentResult(document.idempotencyKey, document.qboId, document.docNumber, document.type,
                document.totalAmount, document.customerId, document.paymentId, true);
    }
}
