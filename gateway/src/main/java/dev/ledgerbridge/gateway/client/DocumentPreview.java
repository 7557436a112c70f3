package dev.ledgerbridge.gateway.client;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * Answer of document-service {@code POST /v1/documents/preview}: the document a create would send to QBO.
 *
 * @param docNumber   the DocNumber it would send (custom transaction numbers on), null when QBO would number it
 * @param termId      QBO id of the resolved payment term (invoices), null when none was asked
 * @param totalAmount the sum of the line amounts (before any tax QBO adds)
 * @param qboDocument the QBO entity body as it would be POSTed, passed on as it came
 */
public record DocumentPreview(String type, String customerId, String docNumber, String termId, String termName,
        LocalDate txnDate, LocalDate expirationDate, String depositAccountId, String paymentMethodId,
        String privateNote, List<Line> lines, BigDecimal totalAmount, JsonNode qboDocument) {

    public DocumentPreview {
        lines = lines == null ? List.of() : List.copyOf(lines);
    }

    /** One line as QBO would receive it; {@code amount = quantity x unitPrice} exactly. */
    public record Line(String itemId, String description, BigDecimal quantity, BigDecimal unitPrice,
            BigDecimal amount) {
    }
}
