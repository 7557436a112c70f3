package dev.ledgerbridge.gateway.client;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * Body of document-service {@code POST /v1/documents}.
 *
 * @param idempotencyKey {@code <portalId>:<callbackId>:invoice}: one document per execution (R16)
 * @param type           {@code INVOICE} for A1
 * @param termName       QBO term name, or null for the company's default
 * @param txnDate        null for QBO's default (today in the company's time zone)
 */
public record DocumentRequest(String idempotencyKey, String realmId, String type, String customerId, String termName,
        LocalDate txnDate, Source source, List<Line> lines) {

    /** The HubSpot execution the document comes from; it ends up in the document's PrivateNote marker. */
    public record Source(long portalId, String objectType, String objectId, String callbackId) {
    }

    /** One document line: a QBO item, a description and exact quantity and unit price. */
    public record Line(String itemId, String description, BigDecimal quantity, BigDecimal unitPrice) {
    }
}
