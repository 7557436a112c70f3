package dev.ledgerbridge.documents.mapping;

import dev.ledgerbridge.documents.DocumentRefusedException;
import dev.ledgerbridge.documents.NewDocument;
import dev.ledgerbridge.documents.NewDocument.SalesLine;
import dev.ledgerbridge.quickbooks.model.Invoice;
import dev.ledgerbridge.quickbooks.model.Line;
import dev.ledgerbridge.quickbooks.model.Ref;
import dev.ledgerbridge.quickbooks.model.Term;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/** Turns a {@link NewDocument} of type INVOICE into the QBO Invoice to create (R14). */
@ApplicationScoped
public class InvoiceBuilder {

    // QBO stores line amounts with at most 15 digits, 2 of them decimals.
    private static final BigDecimal MAX_AMOUNT = new BigDecimal("9999999999999.99");

    /**
     * The invoice: one sales line per line (Amount = Qty x UnitPrice exactly), the customer, the term when given,
     * the date when given and the PrivateNote marker.
     *
     * @param term the resolved payment term, or null to let QBO use the customer's default
     * @throws DocumentRefusedException INVALID_LINES when a line cannot be written as asked
     */
    public Invoice build(NewDocument document, Term term) {
        List<Line> lines = salesLines(document.lines());
        return Invoice.builder()
                .customerRef(Ref.of(document.customerId()))
                .salesTermRef(term == null ? null : Ref.of(term.id()))
                .txnDate(document.txnDate())
                .privateNote(PrivateNoteMarker.of(document.source()))
                .lines(lines)
                .build();
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
