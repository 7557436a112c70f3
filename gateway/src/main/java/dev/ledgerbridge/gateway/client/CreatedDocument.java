package dev.ledgerbridge.gateway.client;

import java.math.BigDecimal;

/**
 * Answer of document-service: the QBO document for the idempotency key.
 *
 * @param replayed true when the document already existed (200) and no QBO call was made
 */
public record CreatedDocument(String documentId, String docNumber, String type, BigDecimal totalAmount,
        String customerId, boolean replayed) {
}
