package dev.ledgerbridge.documents.mapping;

import dev.ledgerbridge.documents.DocumentRefusedException;
import dev.ledgerbridge.documents.DocumentType;
import dev.ledgerbridge.documents.NewDocument;
import dev.ledgerbridge.documents.NewDocument.SalesLine;
import dev.ledgerbridge.quickbooks.model.Estimate;
import dev.ledgerbridge.quickbooks.model.Invoice;
import dev.ledgerbridge.quickbooks.model.Line;
import dev.ledgerbridge.quickbooks.model.Payment;
import dev.ledgerbridge.quickbooks.model.Purchase;
import dev.ledgerbridge.quickbooks.model.QboEntity;
import dev.ledgerbridge.quickbooks.model.Ref;
import dev.ledgerbridge.quickbooks.model.RefundReceipt;
import dev.ledgerbridge.quickbooks.model.SalesReceipt;
import dev.ledgerbridge.quickbooks.model.Term;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Turns a {@link NewDocument} into the QBO invoice, estimate, sales receipt or refund receipt to create (R14, R2, R21):
 * the same sales lines for every type, the payment term only on invoices (also the invoice of a paid invoice), the
 * expiry only on estimates, deposit account and payment method only on sales and refund receipts.
 */
@ApplicationScoped
public class SalesDocumentBuilder {

    // QBO stores line amounts with at most 15 digits, 2 of them decimals.
    private static final BigDecimal MAX_AMOUNT = new BigDecimal("9999999999999.99");

    /**
     * The QBO document: one sales line per line (Amount = Qty x UnitPrice exactly), the customer, the date when given,
     * the PrivateNote marker, the number when the company numbers its own documents, and the type's own fields.
     *
     * @param term      the resolved payment term of an invoice, or null to let QBO use the customer's default
     * @param docNumber the DocNumber to send, or null to let QBO number the document
     * @param receipt   deposit account and payment method of a sales receipt, or the refund-from account and optional
     *                  payment method of a refund receipt; null for the other types
     * @throws DocumentRefusedException INVALID_LINES when a line cannot be written as asked
     */
    public QboEntity build(NewDocument document, Term term, String docNumber, ReceiptAccounts receipt) {
        List<Line> lines = salesLines(document.lines());
        Ref customer = Ref.of(document.customerId());
        String note = PrivateNoteMarker.of(document.source());
        return switch (document.type()) {
            case INVOICE, PAID_INVOICE -> Invoice.builder()
                    .docNumber(docNumber)
                    .customerRef(customer)
                    .salesTermRef(term == null ? null : Ref.of(term.id()))
                    .txnDate(document.txnDate())
                    .privateNote(note)
                    .lines(lines)
                    .build();
            case ESTIMATE -> Estimate.builder()
                    .docNumber(docNumber)
                    .customerRef(customer)
                    .txnDate(document.txnDate())
                    .expirationDate(document.expirationDate())
                    .privateNote(note)
                    .lines(lines)
                    .build();
            case SALES_RECEIPT -> SalesReceipt.builder()
                    .docNumber(docNumber)
                    .customerRef(customer)
                    .txnDate(document.txnDate())
                    .privateNote(note)
                    .lines(lines)
                    .depositToAccountRef(Ref.of(receipt.depositAccountId()))
                    .paymentMethodRef(Ref.of(receipt.paymentMethodId()))
                    .build();
            case REFUND_RECEIPT -> RefundReceipt.builder()
                    .docNumber(docNumber)
                    .customerRef(customer)
                    .txnDate(document.txnDate())
                    .privateNote(note)
                    .lines(lines)
                    .depositToAccountRef(Ref.of(receipt.depositAccountId()))
                    .paymentMethodRef(receipt.paymentMethodId() == null ? null : Ref.of(receipt.paymentMethodId()))
                    .build();
            default -> throw new IllegalArgumentException("not a sales document: " + document.type());
        };
    }

    /** The QBO entity record a document type is written as (for a paid invoice: its first entity, the invoice). */
    public static Class<? extends QboEntity> entityOf(DocumentType type) {
        return switch (type) {
            case INVOICE, PAID_INVOICE -> Invoice.class;
            case ESTIMATE -> Estimate.class;
            case SALES_RECEIPT -> SalesReceipt.class;
            case REFUND_RECEIPT -> RefundReceipt.class;
            case FEE_EXPENSE -> Purchase.class;
        };
    }

    /**
     * The same entity with another PrivateNote: the marker of the attempt that first claimed the key, when a later
     * request with another HubSpot execution takes the key over.
     */
    public static QboEntity withPrivateNote(QboEntity entity, String note) {
        if (entity instanceof Invoice invoice) {
            return invoice.toBuilder().privateNote(note).build();
        }
        if (entity instanceof Estimate estimate) {
            return estimate.toBuilder().privateNote(note).build();
        }
        if (entity instanceof SalesReceipt receipt) {
            return receipt.toBuilder().privateNote(note).build();
        }
        if (entity instanceof RefundReceipt refund) {
            return refund.toBuilder().privateNote(note).build();
        }
        if (entity instanceof Purchase purchase) {
            return purchase.toBuilder().privateNote(note).build();
        }
        if (entity instanceof Payment payment) {
            return payment.toBuilder().privateNote(note).build();
        }
        throw new IllegalArgumentException("not a document: " + entity.getClass().getSimpleName());
    }

    /**
     * What this service keeps of a document QBO holds: id, number, total and PrivateNote (invoices, estimates, sales
     * and refund receipts, purchases and payments).
     */
    public static CreatedDocument created(QboEntity entity) {
        if (entity instanceof Invoice invoice) {
            return new CreatedDocument(invoice.id(), invoice.docNumber(), invoice.totalAmt(), invoice.privateNote(),
                    invoice.lines());
        }
        if (entity instanceof Estimate estimate) {
            return new CreatedDocument(estimate.id(), estimate.docNumber(), estimate.totalAmt(),
                    estimate.privateNote(), estimate.lines());
        }
        if (entity instanceof SalesReceipt receipt) {
            return new CreatedDocument(receipt.id(), receipt.docNumber(), receipt.totalAmt(), receipt.privateNote(),
                    receipt.lines());
        }
        if (entity instanceof RefundReceipt refund) {
            return new CreatedDocument(refund.id(), refund.docNumber(), refund.totalAmt(), refund.privateNote(),
                    refund.lines());
        }
        if (entity instanceof Purchase purchase) {
            return new CreatedDocument(purchase.id(), purchase.docNumber(), purchase.totalAmt(), purchase.privateNote(),
                    purchase.lines());
        }
        if (entity instanceof Payment payment) {
            return new CreatedDocument(payment.id(), null, payment.totalAmt(), payment.privateNote(), payment.lines());
        }
        throw new IllegalArgumentException("not a sales document: " + entity.getClass().getSimpleName());
    }

    /**
     * Where a sales receipt's money goes, or where a refund receipt's money comes from.
     *
     * @param depositAccountId QBO Bank or Other Current Asset account id
     * @param paymentMethodId  QBO payment method id; may be null for a refund receipt
     */
    public record ReceiptAccounts(String depositAccountId, String paymentMethodId) {
    }

    /**
     * A sales document as QBO holds it.
     *
     * @param id          QBO id
     * @param docNumber   QBO number, null when none
     * @param totalAmt    QBO's total, null when QBO sent none
     * @param privateNote the PrivateNote (the marker of documents this service wrote)
     * @param lines       the lines, to sum when QBO sent no total
     */
    public record CreatedDocument(String id, String docNumber, BigDecimal totalAmt, String privateNote,
            List<Line> lines) {

        /** QBO's total, else the sum of the line amounts, at two decimals. */
        public BigDecimal total() {
            BigDecimal total = totalAmt != null ? totalAmt
                    : lines == null ? BigDecimal.ZERO
                    : lines.stream().map(Line::amount).filter(Objects::nonNull)
                            .reduce(BigDecimal.ZERO, BigDecimal::add);
            return total.setScale(2, RoundingMode.HALF_UP);
        }
    }

    /**
     * Refuses the document when a line cannot be written, without building anything else.
     *
     * @throws DocumentRefusedException INVALID_LINES naming every such line
     */
    public void checkLines(NewDocument document) {
        salesLines(document.lines());
    }

    /** The QBO sales lines; refuses the whole document naming every line that cannot be written. */
    static List<Line> salesLines(List<SalesLine> requested) {
        if (requested.isEmpty()) {
            throw new DocumentRefusedException(DocumentRefusedException.INVALID_LINES,
                    "The document has no lines; add at least one line item.");
        }
        List<Line> lines = new ArrayList<>(requested.size());
        List<String> problems = new ArrayList<>();
        for (int i = 0; i < requested.size(); i++) {
            SalesLine line = requested.get(i);
            String label = "Line " + (i + 1) + (line.description() == null ? "" : " (" + line.description() + ")");
            if (line.quantity().signum() <= 0) {
                problems.add(label + ": quantity " + line.quantity().toPlainString() + " must be greater than zero");
                continue;
            }
            if (line.unitPrice().signum() < 0) {
                problems.add(label + ": unit price " + line.unitPrice().toPlainString() + " must not be negative");
                continue;
            }
            BigDecimal product = line.quantity().multiply(line.unitPrice());
            Line built;
            try {
                built = Line.salesItem(Ref.of(line.itemId()), line.quantity(), line.unitPrice(), line.description());
            } catch (IllegalArgumentException e) {
                problems.add(label + ": " + line.quantity().toPlainString() + " x " + line.unitPrice().toPlainString()
                        + " = " + product.toPlainString() + " is not a whole number of cents; round the unit price");
                continue;
            }
            if (built.amount().compareTo(MAX_AMOUNT) > 0) {
                problems.add(label + ": amount " + built.amount().toPlainString() + " exceeds what QuickBooks can store");
                continue;
            }
            lines.add(built);
        }
        if (!problems.isEmpty()) {
            throw new DocumentRefusedException(DocumentRefusedException.INVALID_LINES,
                    "QuickBooks cannot take " + (problems.size() == 1 ? "this line" : "these lines") + ": "
                            + String.join("; ", problems) + ".");
        }
        return lines;
    }
}
