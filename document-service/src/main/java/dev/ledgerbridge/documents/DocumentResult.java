package dev.ledgerbridge.documents;

import java.math.BigDecimal;

/**
 * A document QBO confirmed.
 *
 * @param idempotencyKey the caller's key
 * @param documentId     QBO id
 * @param docNumber      QBO document number, null when the company numbers nothing
 * @param type           kind of transaction
 * @param totalAmount    QBO's total (tax included)
 * @param customerId     QBO customer id
 * @param replayed       true when this answer comes from the row stored by an earlier request, without a QBO write
 */
public record DocumentResult(String idempotencyKey, String documentId, String docNumber, DocumentType type,
        BigDecimal totalAmount, String customerId, boolean replayed) {

    /** The stored result of a CREATED row. */
    public static DocumentResult replayOf(Document document) {
        return new DocumentResult(document.idempotencyKey, document.qboId, document.docNumber, document.type,
                document.totalAmount, document.customerId, true);
    }
}
