package dev.ledgerbridge.documents.rest;

import dev.ledgerbridge.documents.DocumentType;
import dev.ledgerbridge.documents.NewDocument;
import dev.ledgerbridge.documents.mapping.PaymentDocumentBuilder;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code POST /v1/documents} body (issue3.md, issue 7). Shape errors are 400 INVALID_REQUEST, also the fields one
 * type needs or must not have ({@link #typeProblems()}); business checks on the lines (zero quantity, fractions of a
 * cent) are 422 INVALID_LINES from the service.
 *
 * @param idempotencyKey one document per key, e.g. {@code 40213377:ap-1-2-3:invoice}; printable ASCII without
 *                       {@code |} (it is hashed into the QBO requestid)
 * @param realmId        QBO company id
 * @param type           document kind
 * @param customerId     QBO customer id; required, except for FEE_EXPENSE where it must be absent
 * @param termName       QBO payment term name, optional; invoices and paid invoices only
 * @param txnDate        transaction date, optional (QBO uses its own date)
 * @param expirationDate estimate expiry (e.g. the quote's hs_expiration_date), optional; estimates only
 * @param depositAccountId QBO account a sales receipt is deposited to (optional, else the company's settings), or
 *                         the account a refund receipt is paid from (required for REFUND_RECEIPT)
 * @param paymentMethodId  QBO payment method of a sales or refund receipt; optional
 * @param source         HubSpot origin, stamped into the PrivateNote
 * @param lines          sales lines in order; required and non-empty except for FEE_EXPENSE, where it is empty or
 *                       absent
 * @param payment        PAID_INVOICE only, required there: the QBO Payment applied to the invoice
 * @param expense        FEE_EXPENSE only, required there: the fee to book as a QBO Purchase
 */
public record CreateDocumentRequest(
        @NotNull @Size(min = 1, max = 200) @Pattern(regexp = "[\\x21-\\x7B\\x7D\\x7E]+",
                message = "must be printable ASCII without spaces or '|'") String idempotencyKey,
        @NotNull @Pattern(regexp = "[0-9]{1,32}", message = "must be a numeric QBO company id") String realmId,
        @NotNull DocumentType type,
        @Pattern(regexp = "[0-9]{1,32}", message = "must be a numeric QBO customer id") String customerId,
        @Size(min = 1, max = 31) String termName,
        LocalDate txnDate,
        LocalDate expirationDate,
        @Pattern(regexp = "[0-9]{1,32}", message = "must be a numeric QBO account id") String depositAccountId,
        @Pattern(regexp = "[0-9]{1,32}", message = "must be a numeric QBO payment method id") String paymentMethodId,
        @NotNull @Valid SourceRequest source,
        @Size(max = 750) List<@NotNull @Valid LineRequest> lines,
        @Valid PaymentRequest payment,
        @Valid ExpenseRequest expense) {

    /**
     * The HubSpot origin.
     *
     * @param portalId   HubSpot portal id
     * @param objectType enrolled record type, e.g. {@code DEAL}
     * @param objectId   enrolled record id
     * @param callbackId HubSpot execution id
     */
    public record SourceRequest(
            @NotNull @Positive Long portalId,
            @NotNull @Pattern(regexp = "[A-Za-z_]{1,32}", message = "must be a HubSpot object type such as DEAL") String objectType,
            @NotNull @Pattern(regexp = "[\\x21-\\x7E]{1,64}", message = "must be printable ASCII without spaces") String objectId,
            @NotNull @Pattern(regexp = "[\\x21-\\x7E]{1,200}", message = "must be printable ASCII without spaces") String callbackId) {
    }

    /**
     * One sales line.
     *
     * @param itemId      QBO item id
     * @param description line text, optional
     * @param quantity    units sold
     * @param unitPrice   price per unit
     */
    public record LineRequest(
            @NotNull @Pattern(regexp = "[0-9]{1,32}", message = "must be a numeric QBO item id") String itemId,
            @Size(max = 4000) String description,
            @NotNull BigDecimal quantity,
            @NotNull BigDecimal unitPrice) {
    }

    /**
     * The payment of a paid invoice: one QBO Payment of {@code amount}, applied in full to the invoice.
     *
     * @param amount           money received, more than 0 and whole cents; at most the invoice's total
     * @param txnDate          payment date, optional (else the request's txnDate)
     * @param referenceNumber  Payment.PaymentRefNum, optional, at most 21 characters (QBO's limit)
     * @param depositAccountId the account the money went to, optional (QBO then uses Undeposited Funds)
     * @param paymentMethodId  QBO payment method, optional
     */
    public record PaymentRequest(
            @NotNull @Positive BigDecimal amount,
            LocalDate txnDate,
            @Size(min = 1, max = PaymentDocumentBuilder.MAX_PAYMENT_REF_NUM_LENGTH) String referenceNumber,
            @Pattern(regexp = "[0-9]{1,32}", message = "must be a numeric QBO account id") String depositAccountId,
            @Pattern(regexp = "[0-9]{1,32}", message = "must be a numeric QBO payment method id") String paymentMethodId) {
    }

    /**
     * The fee of a fee expense: one QBO Purchase with one expense line.
     *
     * @param amount           the fee, more than 0 and whole cents
     * @param expenseAccountId the account the fee is booked to
     * @param paymentAccountId the account that paid it: Bank (PaymentType Cash) or Credit Card (PaymentType CreditCard)
     * @param vendorId         the payee, a QBO vendor
     * @param description      text of the expense line, optional
     */
    public record ExpenseRequest(
            @NotNull @Positive BigDecimal amount,
            @NotNull @Pattern(regexp = "[0-9]{1,32}", message = "must be a numeric QBO account id") String expenseAccountId,
            @NotNull @Pattern(regexp = "[0-9]{1,32}", message = "must be a numeric QBO account id") String paymentAccountId,
            @NotNull @Pattern(regexp = "[0-9]{1,32}", message = "must be a numeric QBO vendor id") String vendorId,
            @Size(max = 4000) String description) {
    }

    /**
     * What the request's type needs and what it must not have, each naming the field; empty when the request fits
     * its type. (Fields that only some sales documents take, such as a term on an estimate, are the service's 422
     * FIELD_NOT_APPLICABLE, as before.)
     */
    List<String> typeProblems() {
        List<String> problems = new ArrayList<>();
        if (type == null) {
            return problems;
        }
        boolean fee = type == DocumentType.FEE_EXPENSE;
        if (fee) {
            if (customerId != null) {
                problems.add("customerId must be absent for FEE_EXPENSE (a fee expense has no customer)");
            }
            if (lines != null && !lines.isEmpty()) {
                problems.add("lines must be empty for FEE_EXPENSE (the fee is the expense object)");
            }
            if (expense == null) {
                problems.add("expense must not be null for FEE_EXPENSE");
            } else if (!wholeCents(expense.amount())) {
                problems.add("expense.amount must have at most 2 decimals");
            }
        } else {
            if (customerId == null) {
                problems.add("customerId must not be null for " + type);
            }
            if (lines == null) {
                problems.add("lines must not be null for " + type);
            }
            if (expense != null) {
                problems.add("expense applies to FEE_EXPENSE only");
            }
        }
        if (type == DocumentType.PAID_INVOICE) {
            if (payment == null) {
                problems.add("payment must not be null for PAID_INVOICE");
            } else if (!wholeCents(payment.amount())) {
                problems.add("payment.amount must have at most 2 decimals");
            }
        } else if (payment != null) {
            problems.add("payment applies to PAID_INVOICE only");
        }
        if (type == DocumentType.REFUND_RECEIPT && depositAccountId == null) {
            problems.add("depositAccountId must not be null for REFUND_RECEIPT (the account the refund is paid from)");
        }
        if (fee && (depositAccountId != null || paymentMethodId != null)) {
            problems.add("depositAccountId and paymentMethodId do not apply to FEE_EXPENSE"
                    + " (use expense.paymentAccountId)");
        }
        return problems;
    }

    private static boolean wholeCents(BigDecimal amount) {
        return amount == null || amount.stripTrailingZeros().scale() <= 2;
    }

    /** The service's view of the request; the term name is trimmed and a blank one means none. */
    NewDocument toNewDocument() {
        String term = termName == null || termName.isBlank() ? null : termName.trim();
        List<LineRequest> requested = lines == null ? List.of() : lines;
        return new NewDocument(realmId, type, customerId, term, txnDate, expirationDate, depositAccountId,
                paymentMethodId,
                new NewDocument.Source(source.portalId(), source.objectType(), source.objectId(), source.callbackId()),
                requested.stream()
                        .map(line -> new NewDocument.SalesLine(line.itemId(), line.description(), line.quantity(),
                                line.unitPrice()))
                        .toList(),
                payment == null ? null : new NewDocument.PaymentDetails(payment.amount(), payment.txnDate(),
                        payment.referenceNumber(), payment.depositAccountId(), payment.paymentMethodId()),
                expense == null ? null : new NewDocument.ExpenseDetails(expense.amount(), expense.expenseAccountId(),
                        expense.paymentAccountId(), expense.vendorId(), expense.description()));
    }
}
