package dev.ledgerbridge.documents.rest;

import dev.ledgerbridge.documents.DocumentResult;
import dev.ledgerbridge.documents.DocumentType;
import java.math.BigDecimal;

/**
 * A created (or replayed) QBO document.
 *
 * @param documentId  QBO id
 * @param docNumber   QBO document number
 * @param type        document kind
 * @param totalAmount QBO's total
 * @param customerId  QBO customer id
 * @param replayed    true when an earlier request created it
 */
public record DocumentResponse(String documentId, String docNumber, DocumentType type, BigDecimal totalAmount,
        String customerId, boolean replayed) {

    static DocumentResponse of(DocumentResult result) {
        return new DocumentResponse(result.documentId(), result.docNumber(), result.type(), result.totalAmount(),
                result.customerId(), result.replayed());
    }
}
