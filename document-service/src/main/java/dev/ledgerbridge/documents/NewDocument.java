package dev.ledgerbridge.documents;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * A document to create in one QBO company, as the caller described it (already validated for shape).
 *
 * @param realmId    QBO company
 * @param type       kind of transaction
 * @param customerId QBO customer id; null for a fee expense
 * @param termName   QBO payment term name, or null for the customer's default (invoices and paid invoices only)
 * @param txnDate    transaction date, or null for QBO's server date
 * @param expirationDate    estimate expiry, or null (estimates only)
 * @param depositAccountId  QBO account a sales receipt is deposited to (null: the company's settings), or the account
 *                          a refund receipt is paid from (required there)
 * @param paymentMethodId   QBO payment method of a sales or refund receipt, or null
 * @param source     the HubSpot record and execution that asked for it (PrivateNote marker)
 * @param lines      sales lines in order; empty for a fee expense
 * @param payment    the payment applied to a paid invoice; null for the other types
 * @param expense    the fee of a fee expense; null for the other types
 */
public record NewDocument(String realmId, DocumentType type, String customerId, String termName, LocalDate txnDate,
        LocalDate expirationDate, String depositAccountId, String paymentMethodId, Source source,
        List<SalesLine> lines, PaymentDetails payment, ExpenseDetails expense) {

    /** Lists are copied so the record never changes after construction. */
    public NewDocument {
        lines = List.copyOf(lines);
    }

    /** A sales document (invoice, estimate, sales receipt, refund receipt) without payment or expense. */
    public NewDocument(String realmId, DocumentType type, String customerId, String termName, LocalDate txnDate,
            LocalDate expirationDate, String depositAccountId, String paymentMethodId, Source source,
            List<SalesLine> lines) {
        this(realmId, type, customerId, termName, txnDate, expirationDate, depositAccountId, paymentMethodId, source,
                lines, null, null);
    }

    /** The same document with another HubSpot origin: the marker of the attempt that first claimed the key. */
    public NewDocument withSource(Source otherSource) {
        return new NewDocument(realmId, type, customerId, termName, txnDate, expirationDate, depositAccountId,
                paymentMethodId, otherSource, lines, payment, expense);
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

    /**
     * The QBO Payment of a paid invoice, applied in full to the invoice.
     *
     * @param amount           money received (Payment.TotalAmt and the amount applied to the invoice)
     * @param txnDate          payment date, or null for the document's txnDate (else QBO's date)
     * @param referenceNumber  Payment.PaymentRefNum (at most 21 characters), or null
     * @param depositAccountId Payment.DepositToAccountRef, or null for QBO's Undeposited Funds
     * @param paymentMethodId  Payment.PaymentMethodRef, or null
     */
    public record PaymentDetails(BigDecimal amount, LocalDate txnDate, String referenceNumber, String depositAccountId,
            String paymentMethodId) {
    }

    /**
     * The fee booked by a fee expense.
     *
     * @param amount           the fee
     * @param expenseAccountId the account the expense line is booked to
     * @param paymentAccountId the account that paid it (Bank: PaymentType Cash; Credit Card: PaymentType CreditCard)
     * @param vendorId         the payee (Purchase.EntityRef, a Vendor)
     * @param description      text of the expense line, or null
     */
    public record ExpenseDetails(BigDecimal amount, String expenseAccountId, String paymentAccountId, String vendorId,
            String description) {
    }
}
