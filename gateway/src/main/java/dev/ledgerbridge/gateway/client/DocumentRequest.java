package dev.ledgerbridge.gateway.client;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * Body of document-service {@code POST /v1/documents}; absent optional fields are left out of the JSON, because
 * document-service refuses a type's field sent for another type (FIELD_NOT_APPLICABLE).
 *
 * @param idempotencyKey   {@code <portalId>:<callbackId>:<type>}, e.g. {@code ...:invoice}: one document per execution (R16)
 * @param type             {@code INVOICE}, {@code ESTIMATE} or {@code SALES_RECEIPT}
 * @param termName         QBO term name, or null for the company's default; invoices only
 * @param txnDate          null for QBO's default (today in the company's time zone)
 * @param expirationDate   the estimate's expiration date; estimates only
 * @param depositAccountId the sales receipt's deposit account, null for the company's document settings
 * @param paymentMethodId  the sales receipt's payment method, null for the company's document settings
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DocumentRequest(String idempotencyKey, String realmId, String type, String customerId, String termName,
        LocalDate txnDate, LocalDate expirationDate, String depositAccountId, String paymentMethodId, Source source,
        List<Line> lines) {

    /** An invoice request (no estimate or sales receipt fields). */
    public DocumentRequest(String idempotencyKey, String realmId, String type, String customerId, String termName,
            LocalDate txnDate, Source source, List<Line> lines) {
        this(idempotencyKey, realmId, type, customerId, termName, txnDate, null, null, null, source, lines);
    }

    /** The same request under another key for another customer (a repaired customer link). */
    public DocumentRequest withCustomer(String key, String otherCustomerId) {
        return new DocumentRequest(key, realmId, type, otherCustomerId, termName, txnDate, expirationDate,
                depositAccountId, paymentMethodId, source, lines);
    }

    /** The HubSpot execution the document comes from; it ends up in the document's PrivateNote marker. */
    public record Source(long portalId, String objectType, String objectId, String callbackId) {
    }

    /** One document line: a QBO item, a description and exact quantity and unit price. */
    public record Line(String itemId, String description, BigDecimal quantity, BigDecimal unitPrice) {
    }
}
