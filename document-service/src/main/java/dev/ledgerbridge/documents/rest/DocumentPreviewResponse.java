package dev.ledgerbridge.documents.rest;

import dev.ledgerbridge.documents.DocumentType;
import dev.ledgerbridge.documents.mapping.PrivateNoteMarker;
import dev.ledgerbridge.documents.mapping.SalesDocumentBuilder;
import dev.ledgerbridge.documents.mapping.SalesDocumentBuilder.CreatedDocument;
import dev.ledgerbridge.documents.service.DocumentPreview;
import dev.ledgerbridge.quickbooks.model.Line;
import dev.ledgerbridge.quickbooks.model.QboEntity;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * {@code POST /v1/documents/preview} answer: the document a create with the same body would send to QBO, nothing
 * written.
 *
 * @param type             document kind
 * @param customerId       QBO customer id
 * @param docNumber        the DocNumber that would be sent (custom transaction numbers on), null when QBO would
 *                         number the document itself
 * @param termId           QBO id of the resolved payment term (invoices), null when none was asked
 * @param termName         that term's name as QBO holds it, null when none was asked
 * @param txnDate          transaction date, null for QBO's own date
 * @param expirationDate   estimate expiry, null when none
 * @param depositAccountId deposit account of a sales receipt (the request's, else the company's settings), else null
 * @param paymentMethodId  payment method of a sales receipt (the request's, else the company's settings), else null
 * @param privateNote      the PrivateNote marker the document would carry
 * @param lines            the sales lines with their amounts
 * @param totalAmount      the sum of the line amounts, at two decimals (before any tax QBO would add)
 * @param qboDocument      the QBO entity body exactly as the create would POST it
 */
public record DocumentPreviewResponse(DocumentType type, String customerId, String docNumber, String termId,
        String termName, LocalDate txnDate, LocalDate expirationDate, String depositAccountId, String paymentMethodId,
        String privateNote, List<PreviewLine> lines, BigDecimal totalAmount, QboEntity qboDocument) {

    /**
     * One line as QBO would receive it.
     *
     * @param itemId      QBO item id
     * @param description line text, or null
     * @param quantity    units
     * @param unitPrice   price per unit
     * @param amount      quantity x unit price, exactly
     */
    public record PreviewLine(String itemId, String description, BigDecimal quantity, BigDecimal unitPrice,
            BigDecimal amount) {
    }

    static DocumentPreviewResponse of(DocumentPreview preview) {
        CreatedDocument built = SalesDocumentBuilder.created(preview.entity());
        List<PreviewLine> lines = built.lines().stream()
                .filter(line -> line.salesItemLineDetail() != null)
                .map(DocumentPreviewResponse::line)
                .toList();
        var document = preview.document();
        return new DocumentPreviewResponse(document.type(), document.customerId(), preview.docNumber(),
                preview.term() == null ? null : preview.term().id(),
                preview.term() == null ? null : preview.term().name(),
                document.txnDate(), document.expirationDate(),
                preview.receipt() == null ? null : preview.receipt().depositAccountId(),
                preview.receipt() == null ? null : preview.receipt().paymentMethodId(),
                PrivateNoteMarker.of(document.source()), lines, built.total(), preview.entity());
    }

    private static PreviewLine line(Line line) {
        var detail = line.salesItemLineDetail();
        return new PreviewLine(detail.itemRef().value(), line.description(), detail.qty(), detail.unitPrice(),
                line.amount());
    }
}
