package dev.ledgerbridge.documents;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * A document to create in one QBO company, as the caller described it (already validated for shape).
 *
 * @param realmId    QBO company
 * @param type       kind of transaction
 * @param customerId QBO customer id
 * @param termName   QBO payment term name, or null for the customer's default (invoices only)
 * @param txnDate    transaction date, or null for QBO's server date
 * @param expirationDate    estimate expiry, or null (estimates only)
 * @param depositAccountId  QBO account a sales receipt is deposited to, or null for the company's settings
 * @param paymentMethodId   QBO payment method of a sales receipt, or null for the company's settings
 * @param source     the HubSpot record and execution that asked for it (PrivateNote marker)
 * @param lines      sales lines in order
 */
public record NewDocument(String realmId, DocumentType type, String customerId, String termName, LocalDate txnDate,
        LocalDate expirationDate, String depositAccountId, String paymentMethodId, Source source,
        List<SalesLine> lines) {

    /** Lists are copied so the record never changes after construction. */
    public NewDocument {
        lines = List.copyOf(lines);
    }

    /**
     * The HubSpot origin of a document.
     *
     * @param portalId   HubSpot portal (account) id
     * @param objectType enrolled record type, e.g. {@code DEAL}
     * @param objectId   enrolled record id
     * @param callbackId HubSpot execution id
     */
    public record Source(long portalId, String objectType, String objectId, String callbackId) {
    }

    /**
     * One sales line; {@code Amount = quantity x unitPrice} is computed when the QBO line is built.
     *
     * @param itemId      QBO item id
     * @param description line text, or null
     * @param quantity    units sold
     * @param unitPrice   price per unit
     */
    public record SalesLine(String itemId, String description, BigDecimal quantity, BigDecimal unitPrice) {
    }
}
