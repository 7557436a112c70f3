package dev.ledgerbridge.gateway.mapping;

import dev.ledgerbridge.gateway.ActionRequest;
import dev.ledgerbridge.gateway.DocumentType;
import dev.ledgerbridge.gateway.DealContext;
import dev.ledgerbridge.gateway.client.CreatedDocument;
import dev.ledgerbridge.gateway.client.CustomerResolveRequest;
import dev.ledgerbridge.gateway.client.DocumentRequest;
import dev.ledgerbridge.gateway.client.LineItemResolveRequest;
import dev.ledgerbridge.gateway.client.ResolvedCustomer;
import dev.ledgerbridge.gateway.client.ResolvedLineItems;
import dev.ledgerbridge.gateway.service.ActionRefusal;
import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Builds the internal requests of the create-document actions (A1-A3: invoice, estimate, sales receipt) and the note
 * written back to the enrolled deal or quote.
 */
public final class InvoiceRequests {

    /** Action input choosing the contact (R3): a contact id or "first"; absent means the first. */
    public static final String CONTACT_INPUT = "customer_contact";
    /**
     * Action input naming the QBO payment terms (R2); read for invoices only. The estimate and sales-receipt
     * definitions have no such field; a value sent anyway is ignored, so an edited definition cannot fail an action.
     */
    public static final String TERMS_INPUT = "payment_terms";
    /** Sales-receipt input choosing the QBO deposit account (an account id); absent means the company's settings. */
    public static final String DEPOSIT_ACCOUNT_INPUT = "deposit_account";
    /** Action input choosing the line items (R4): comma-separated HubSpot line item ids; absent or blank means all. */
    public static final String LINE_ITEMS_INPUT = "line_items";
    /** Action input "Create missing products" (R5): {@code true}/{@code yes} creates unmatched items; default no. */
    public static final String CREATE_MISSING_INPUT = "create_missing_products";
    /**
     * Action input "Income account for new products": the QBO Income account items created by "Create missing
     * products" post to (an account id); absent means the company's catalog settings.
     */
    public static final String INCOME_ACCOUNT_INPUT = "income_account";
    /** Refusal code: the action names a line item that is not associated with the record (R4, R10). */
    public static final String LINE_ITEM_NOT_ON_RECORD = "LINE_ITEM_NOT_ON_RECORD";

    private InvoiceRequests() {
    }

    /** {@code <portalId>:<callbackId>:invoice}: one invoice per execution, whatever retries it (R16). */
    public static String idempotencyKey(ActionRequest request) {
        return idempotencyKey(request, DocumentType.INVOICE);
    }

    /** {@code <portalId>:<callbackId>:<type>}, e.g. {@code ...:estimate}: one document per execution and type (R16). */
    public static String idempotencyKey(ActionRequest request, DocumentType type) {
        return request.portalId() + ":" + request.callbackId() + ":" + type.keySuffix();
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
        return original.withCustomer(key, customerId);
    }

    /**
     * The line items the document will carry (R4): those named by the {@code line_items} input, in the order named
     * (a repeated id counts once), else all of the deal's in association order.
     *
     * @throws ActionRefusal LINE_ITEM_NOT_ON_RECORD naming every id not associated with the deal
     */
    public static List<DealContext.LineItem> selectedLineItems(ActionRequest request, DealContext deal) {
        String input = request.input(LINE_ITEMS_INPUT);
        List<String> named = input == null ? List.of() : Arrays.stream(input.split(","))
                .map(String::strip).filter(id -> !id.isEmpty()).distinct().toList();
        if (named.isEmpty()) {
            return deal.lineItems();
        }
        Map<String, DealContext.LineItem> byId = deal.lineItems().stream()
                .collect(Collectors.toMap(DealContext.LineItem::id, Function.identity(), (first, second) -> first));
        List<String> missing = named.stream().filter(id -> !byId.containsKey(id)).toList();
        if (!missing.isEmpty()) {
            throw new ActionRefusal(LINE_ITEM_NOT_ON_RECORD, (missing.size() == 1 ? "Line item " : "Line items ")
                    + String.join(", ", missing) + (missing.size() == 1 ? " is" : " are")
                    + " not associated with " + (deal.isQuote() ? "quote " : "deal ") + deal.dealId() + " (it has "
                    + (deal.lineItems().isEmpty() ? "no line items" : "line items " + deal.lineItems().stream()
                            .map(DealContext.LineItem::id).collect(Collectors.joining(", ")))
                    + "). Correct the action's 'Line items' field.");
        }
        return named.stream().map(byId::get).toList();
    }

    /**
     * The resolve request for the selected line items, with the action's "Create missing products" choice (R5) and
     * its income account for created items (sent only while creation is on).
     */
    public static LineItemResolveRequest lineItemRequest(ActionRequest request, String realmId,
            List<DealContext.LineItem> lineItems) {
        return new LineItemResolveRequest(realmId, request.portalId(), lineItems.stream()
                .map(l -> new LineItemResolveRequest.LineItem(l.id(), l.name(), l.sku(), l.productId(), l.quantity(),
                        l.price(), l.qboItemId(), l.description(), l.discount(), l.discountPercentage()))
                .toList(), createMissing(request), createMissing(request) ? request.input(INCOME_ACCOUNT_INPUT) : null);
    }

    /** The resolve request for all of the deal's line items. */
    public static LineItemResolveRequest lineItemRequest(ActionRequest request, String realmId, DealContext deal) {
        return lineItemRequest(request, realmId, deal.lineItems());
    }

    /** "true" or "yes" (any case) turns creation on; anything else, or nothing, leaves it off (R5's default). */
    static boolean createMissing(ActionRequest request) {
        String value = request.input(CREATE_MISSING_INPUT);
        return value != null && ("true".equalsIgnoreCase(value.strip()) || "yes".equalsIgnoreCase(value.strip()));
    }

    /** The invoice: one line per line item, in deal order, with the QBO item the catalog resolved it to. */
    public static DocumentRequest invoiceRequest(ActionRequest request, String realmId, DealContext deal,
            ResolvedCustomer customer, ResolvedLineItems resolved) {
        return documentRequest(DocumentType.INVOICE, request, realmId, deal, customer, resolved);
    }

    /**
     * The document of the type: one line per line item, in record order, with the QBO item the catalog resolved it to.
     * Invoices carry the action's payment terms; estimates the quote's expiration date; sales receipts the action's
     * deposit account when given (else document-service uses the company's document settings).
     */
    public static DocumentRequest documentRequest(DocumentType type, ActionRequest request, String realmId,
            DealContext deal, ResolvedCustomer customer, ResolvedLineItems resolved) {
        Map<String, DealContext.LineItem> lineItems = deal.lineItems().stream()
                .collect(Collectors.toMap(DealContext.LineItem::id, Function.identity(), (first, second) -> first));
        List<DocumentRequest.Line> lines = new ArrayList<>();
        for (ResolvedLineItems.Line line : resolved.lines()) {
            DealContext.LineItem item = lineItems.get(line.lineItemId());
            if (item == null) {
                continue;
            }
            if (line.amount() != null) {
                // The catalog priced the line so that quantity x unit price is exactly the amount (no 6070).
                String description = description(item);
                if (line.amountNote() != null) {
                    description = (description == null ? "" : description + " ") + "(" + line.amountNote() + ")";
                }
                lines.add(new DocumentRequest.Line(line.itemId(), description, line.quantity(), line.unitPrice()));
            } else {
                lines.add(new DocumentRequest.Line(line.itemId(), description(item), item.quantity(), item.price()));
            }
        }
        String depositAccount = request.input(DEPOSIT_ACCOUNT_INPUT);
        return new DocumentRequest(idempotencyKey(request, type), realmId, type.wireName(), customer.customerId(),
                type == DocumentType.INVOICE ? request.input(TERMS_INPUT) : null, null,
                type == DocumentType.ESTIMATE ? deal.expirationDate() : null,
                type == DocumentType.SALES_RECEIPT ? depositAccount : null, null,
                new DocumentRequest.Source(request.portalId(), deal.objectType(), deal.dealId(), request.callbackId()),
                lines);
    }

    private static String description(DealContext.LineItem item) {
        return item.description() == null || item.description().isBlank() ? item.name() : item.description();
    }

    /** "QuickBooks invoice 1001 created (QBO id 130, total 15,000.00 USD)". */
    public static String noteText(CreatedDocument document, DealContext deal) {
        return noteText(DocumentType.INVOICE, document, deal, null);
    }

    /**
     * The R15 note: "QuickBooks sales receipt 1001 created (QBO id 130, total 15,000.00 USD): <link>", the link
     * left out when null.
     */
    public static String noteText(DocumentType type, CreatedDocument document, DealContext deal, String link) {
        String currency = deal.currencyCode() == null || deal.currencyCode().isBlank() ? "USD" : deal.currencyCode();
        return "QuickBooks " + type.label() + " " + document.docNumber() + " created (QBO id " + document.documentId()
                + ", total " + money(document.totalAmount()) + " " + currency + ")" + (link == null ? "" : ": " + link);
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
