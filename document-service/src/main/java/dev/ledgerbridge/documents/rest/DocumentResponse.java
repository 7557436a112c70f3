package dev.ledgerbridge.documents.rest;

import dev.ledgerbridge.documents.DocumentResult;
import dev.ledgerbridge.documents.DocumentType;
import java.math.BigDecimal;

/**
 * A created (or replayed) QBO document.
 *
 * @param documentId  QBO id (the invoice of a paid invoice, the Purchase of a fee expense)
 * @param docNumber   QBO document number; null when QBO numbers nothing (always for a fee expense)
 * @param type        document kind
 * @param totalAmount QBO's total (the invoice's for a paid invoice, the fee for a fee expense)
 * @param customerId  QBO customer id; null for a fee expense
 * @param paymentId   QBO id of the Payment applied to a paid invoice; null for the other types
 * @param replayed    true when an earlier request created it
 */
public record DocumentResponse(String documentId, String docNumber, DocumentType type, BigDecimal totalAmount,
        String customerId, String paymentId, boolean replayed) {

    static DocumentResponse of(DocumentResult result) {
        return new DocumentResponse(result.documentId(), result.docNumber(), result.type(), result.totalAmount(),
                result.customerId(), result.paymentId(), result.replayed());
    }
}
