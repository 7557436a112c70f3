package dev.ledgerbridge.payments.client;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.math.BigDecimal;

/**
 * Answer of document-service: the QBO document for the idempotency key.
 *
 * @param paymentId the QBO Payment applied to a paid invoice, else null
 * @param replayed  true when the document already existed and no QBO call was made
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record CreatedDocument(String documentId, String docNumber, String type, BigDecimal totalAmount,
        String customerId, String paymentId, boolean replayed) {
}
