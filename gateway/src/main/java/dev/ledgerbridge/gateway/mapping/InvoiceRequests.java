package dev.ledgerbridge.gateway.mapping;

import dev.ledgerbridge.gateway.ActionRequest;
import dev.ledgerbridge.gateway.DealContext;
import dev.ledgerbridge.gateway.client.CreatedDocument;
import dev.ledgerbridge.gateway.client.CustomerResolveRequest;
import dev.ledgerbridge.gateway.client.DocumentRequest;
import dev.ledgerbridge.gateway.client.LineItemResolveRequest;
import dev.ledgerbridge.gateway.client.ResolvedCustomer;
import dev.ledgerbridge.gateway.client.ResolvedLineItems;
import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Builds the internal requests of the create-invoice action (A1) and the note written back to the deal. */
public final class InvoiceRequests {

    /** Action input choosing the contact (R3): a contact id or "first"; absent means the first. */
    public static final String CONTACT_INPUT = "customer_contact";
    /** Action input naming the QBO payment terms (R2). */
    public static final String TERMS_INPUT = "payment_terms";

    private InvoiceRequests() {
    }

    /** {@code <portalId>:<callbackId>:invoice}: one invoice per execution, whatever retries it (R16). */
    public static String idempotencyKey(ActionRequest request) {
        return request.portalId() + ":" + request.callbackId() + ":invoice";
    }

    public static CustomerResolveRequest customerRequest(ActionRequest request, String realmId, DealContext deal) {
        return customerRequest(request.portalId(), realmId, request.input(CONTACT_INPUT), deal);
    }

    /** The resolve (or preview) request with the contact choice as contact-sync takes it (a contact id or "first"). */
    public static CustomerResolveRequest customerRequest(long portalId, String realmId, String contactChoice,
            DealContext deal) {
        return new CustomerResolveRequest(realmId, portalId, contactChoice,
                deal.contacts().stream()
                        .map(c -> new CustomerResolveRequest.Contact(c.id(), c.firstName(), c.lastName(), c.email(),
                                c.company(), c.phone(), c.properties().isEmpty() ? null : c.properties()))
                        .toList());
    }

    /**
     * The invoice again for the customer a link repair found, under its own idempotency key
     * ({@code <key>:customer-<id>}): QBO replays its 610 for the first key's requestid, and a document for another
     * customer is a different write. Deterministic, so a retried execution reaches the same key.
     */
    public static DocumentRequest forRepairedCustomer(DocumentRequest original, String customerId) {
        String baseKey = original.idempotencyKey();
        int marker = baseKey.indexOf(":customer-");
        String key = (marker < 0 ? baseKey : baseKey.substring(0, marker)) + ":customer-" + customerId;
        return new DocumentRequest(key, original.realmId(), original.type(), customerId, original.termName(),
                original.txnDate(), original.source(), original.lines());
    }

    public static LineItemResolveRequest lineItemRequest(ActionRequest request, String realmId, DealContext deal) {
        return new LineItemResolveRequest(realmId, request.portalId(), deal.lineItems().stream()
                .map(l -> new LineItemResolveRequest.LineItem(l.id(), l.name(), l.sku(), l.productId(), l.quantity(),
                        l.price()))
                .toList());
    }

    /** The invoice: one line per line item, in deal order, with the QBO item the catalog resolved it to. */
    public static DocumentRequest invoiceRequest(ActionRequest request, String realmId, DealContext deal,
            ResolvedCustomer customer, ResolvedLineItems resolved) {
        Map<String, String> itemByLineItem = resolved.lines().stream()
                .collect(Collectors.toMap(ResolvedLineItems.Line::lineItemId, ResolvedLineItems.Line::itemId,
                        (first, second) -> first));
        Map<String, DealContext.LineItem> lineItems = deal.lineItems().stream()
                .collect(Collectors.toMap(DealContext.LineItem::id, Function.identity(), (first, second) -> first));
        List<DocumentRequest.Line> lines = new ArrayList<>();
        for (ResolvedLineItems.Line line : resolved.lines()) {
            DealContext.LineItem item = lineItems.get(line.lineItemId());
            if (item != null) {
                lines.add(new DocumentRequest.Line(itemByLineItem.get(line.lineItemId()), description(item),
                        item.quantity(), item.price()));
            }
        }
        return new DocumentRequest(idempotencyKey(request), realmId, "INVOICE", customer.customerId(),
                request.input(TERMS_INPUT), null,
                new DocumentRequest.Source(request.portalId(), "DEAL", deal.dealId(), request.callbackId()), lines);
    }

    private static String description(DealContext.LineItem item) {
        return item.description() == null || item.description().isBlank() ? item.name() : item.description();
    }

    /** "QuickBooks invoice 1001 created (QBO id 130, total 15,000.00 USD)". */
    public static String noteText(CreatedDocument document, DealContext deal) {
        String currency = deal.currencyCode() == null || deal.currencyCode().isBlank() ? "USD" : deal.currencyCode();
        return "QuickBooks invoice " + document.docNumber() + " created (QBO id " + document.documentId()
                + ", total " + money(document.totalAmount()) + " " + currency + ")";
    }

    static String money(BigDecimal amount) {
        if (amount == null) {
            return "?";
        }
        // A new DecimalFormat per call: the class is not thread-safe.
        DecimalFormat format = new DecimalFormat("#,##0.00", DecimalFormatSymbols.getInstance(Locale.US));
        format.setParseBigDecimal(true);
        return format.format(amount);
    }
}
