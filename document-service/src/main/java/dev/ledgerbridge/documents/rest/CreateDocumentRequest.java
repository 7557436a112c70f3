package dev.ledgerbridge.documents.rest;

import dev.ledgerbridge.documents.DocumentType;
import dev.ledgerbridge.documents.NewDocument;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * {@code POST /v1/documents} body (issue3.md). Shape errors are 400 INVALID_REQUEST; business checks on the lines
 * (zero quantity, fractions of a cent) are 422 INVALID_LINES from the service.
 *
 * @param idempotencyKey one document per key, e.g. {@code 40213377:ap-1-2-3:invoice}; printable ASCII without
 *                       {@code |} (it is hashed into the QBO requestid)
 * @param realmId        QBO company id
 * @param type           document kind
 * @param customerId     QBO customer id
 * @param termName       QBO payment term name, optional; invoices only
 * @param txnDate        transaction date, optional (QBO uses its own date)
 * @param expirationDate estimate expiry (e.g. the quote's hs_expiration_date), optional; estimates only
 * @param depositAccountId QBO account a sales receipt is deposited to; optional, else the company's settings
 * @param paymentMethodId  QBO payment method of a sales receipt; optional, else the company's settings
 * @param source         HubSpot origin, stamped into the PrivateNote
 * @param lines          sales lines in order
 */
public record CreateDocumentRequest(
        @NotNull @Size(min = 1, max = 200) @Pattern(regexp = "[\\x21-\\x7B\\x7D\\x7E]+",
                message = "must be printable ASCII without spaces or '|'") String idempotencyKey,
        @NotNull @Pattern(regexp = "[0-9]{1,32}", message = "must be a numeric QBO company id") String realmId,
        @NotNull DocumentType type,
        @NotNull @Pattern(regexp = "[0-9]{1,32}", message = "must be a numeric QBO customer id") String customerId,
        @Size(min = 1, max = 31) String termName,
        LocalDate txnDate,
        LocalDate expirationDate,
        @Pattern(regexp = "[0-9]{1,32}", message = "must be a numeric QBO account id") String depositAccountId,
        @Pattern(regexp = "[0-9]{1,32}", message = "must be a numeric QBO payment method id") String paymentMethodId,
        @NotNull @Valid SourceRequest source,
        @NotNull @Size(max = 750) List<@NotNull @Valid LineRequest> lines) {

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

    /** The service's view of the request; the term name is trimmed and a blank one means none. */
    NewDocument toNewDocument() {
        String term = termName == null || termName.isBlank() ? null : termName.trim();
        return new NewDocument(realmId, type, customerId, term, txnDate, expirationDate, depositAccountId,
                paymentMethodId,
                new NewDocument.Source(source.portalId(), source.objectType(), source.objectId(), source.callbackId()),
                lines.stream()
                        .map(line -> new NewDocument.SalesLine(line.itemId(), line.description(), line.quantity(),
                                line.unitPrice()))
                        .toList());
    }
}
