package dev.ledgerbridge.payments.client;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * Body of document-service {@code POST /v1/documents} for the payment types (payments contract, section A); absent
 * optional fields are left out, because document-service refuses a field of another type.
 *
 * @param idempotencyKey {@code <portalId>:payment-<paymentId>:<action>}: one document per (portal, payment, action),
 *                       whichever workflow or execution asks
 * @param type           {@code PAID_INVOICE}, {@code SALES_RECEIPT}, {@code REFUND_RECEIPT} or {@code FEE_EXPENSE}
 * @param payment        the QBO Payment of a paid invoice
 * @param expense        the Purchase of a fee expense
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DocumentRequest(String idempotencyKey, String realmId, String type, String customerId, String termName,
        LocalDate txnDate, String depositAccountId, String paymentMethodId, Source source, List<Line> lines,
        PaymentPart payment, ExpensePart expense) {

    /** The HubSpot execution the document comes from; it ends up in the document's PrivateNote marker. */
    public record Source(long portalId, String objectType, String objectId, String callbackId) {
    }

    /** One document line: a QBO item, a description and exact quantity and unit price. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Line(String itemId, String description, BigDecimal quantity, BigDecimal unitPrice) {
    }

    /** The payment applied to a paid invoice; {@code paymentMethodId} is sent as null when not configured. */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record PaymentPart(BigDecimal amount, LocalDate txnDate, String referenceNumber, String depositAccountId,
            String paymentMethodId) {
    }

    /** A fee expense: amount, the expense and paying accounts, the payee vendor and the line's description. */
    public record ExpensePart(BigDecimal amount, String expenseAccountId, String paymentAccountId, String vendorId,
            String description) {
    }
}
