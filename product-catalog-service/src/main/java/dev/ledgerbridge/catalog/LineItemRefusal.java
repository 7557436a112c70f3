package dev.ledgerbridge.catalog;

import java.math.BigDecimal;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A business refusal to resolve line items (HTTP 422): the gateway shows {@link #code()} and the message to a
 * finance user verbatim, so messages name the line items and say what to do.
 */
public final class LineItemRefusal extends RuntimeException {

    /** No line items at all. */
    public static final String NO_LINE_ITEMS = "NO_LINE_ITEMS";
    /** At least one line item matches no active QBO item (R11). */
    public static final String UNMATCHED_LINE_ITEMS = "UNMATCHED_LINE_ITEMS";
    /** At least one line item matches several active QBO items (R10). */
    public static final String AMBIGUOUS_LINE_ITEMS = "AMBIGUOUS_LINE_ITEMS";
    /** A line's quantity, price or discount cannot make a QBO line. */
    public static final String INVALID_LINE_AMOUNTS = "INVALID_LINE_AMOUNTS";
    /** "Create missing products" is on but the company has no catalog settings (item type, income account). */
    public static final String CATALOG_SETTINGS_MISSING = "CATALOG_SETTINGS_MISSING";
    /** "Create missing products" is on but a line item cannot become a QBO item (no name, name QBO refuses). */
    public static final String ITEM_NOT_CREATABLE = "ITEM_NOT_CREATABLE";

    /** The action's income account for created items is unknown, inactive or not an Income account. */
    public static final String INVALID_INCOME_ACCOUNT = "INVALID_INCOME_ACCOUNT";

    private final String code;
    private final List<LineItem> unmatched;
    private final List<AmbiguousLineItem> ambiguous;

    private LineItemRefusal(String code, String message, List<LineItem> unmatched, List<AmbiguousLineItem> ambiguous) {
        // No stack trace: a refusal is an expected answer, not a fault worth a trace in the logs.
        super(message, null, false, false);
        this.code = code;
        this.unmatched = List.copyOf(unmatched);
        this.ambiguous = List.copyOf(ambiguous);
    }

    /** The request carried no line items. */
    public static LineItemRefusal noLineItems() {
        return new LineItemRefusal(NO_LINE_ITEMS, "There are no line items to put on the QuickBooks document."
                + " Add at least one product line in HubSpot.", List.of(), List.of());
    }

    /** Lists each unmatched line item by name, SKU and quantity (R11). */
    public static LineItemRefusal unmatched(List<LineItem> lineItems) {
        int count = lineItems.size();
        String message = "No QuickBooks product matches " + count + (count == 1 ? " line item: " : " line items: ")
                + lineItems.stream().map(LineItemRefusal::describeWithQuantity).collect(Collectors.joining(", "))
                + ". Create " + (count == 1 ? "it" : "them")
                + " in QuickBooks or turn on 'Create missing products'.";
        return new LineItemRefusal(UNMATCHED_LINE_ITEMS, message, lineItems, List.of());
    }

    /** Names each ambiguous line item and every QBO item it matched. */
    public static LineItemRefusal ambiguous(List<AmbiguousLineItem> lineItems) {
        int count = lineItems.size();
        String message = count + (count == 1 ? " line item matches" : " line items match")
                + " more than one active QuickBooks product: "
                + lineItems.stream().map(LineItemRefusal::describeAmbiguity).collect(Collectors.joining("; "))
                + ". Give each QuickBooks product its own SKU and name, or make the duplicate inactive.";
        return new LineItemRefusal(AMBIGUOUS_LINE_ITEMS, message, List.of(), lineItems);
    }

    /** Names every line whose quantity, price or discount cannot make a QBO line. */
    public static LineItemRefusal invalidAmounts(List<String> problems) {
        return new LineItemRefusal(INVALID_LINE_AMOUNTS, "QuickBooks cannot take "
                + (problems.size() == 1 ? "this line item: " : "these line items: ") + String.join("; ", problems)
                + ". Correct the line items in HubSpot.", List.of(), List.of());
    }

    /** Missing items were to be created, but the company has no item type and income account configured. */
    public static LineItemRefusal settingsMissing(String realmId, List<LineItem> unmatched) {
        int count = unmatched.size();
        return new LineItemRefusal(CATALOG_SETTINGS_MISSING, "Cannot create " + count + " missing QuickBooks product"
                + (count == 1 ? "" : "s") + " ("
                + unmatched.stream().map(LineItemRefusal::describeWithQuantity).collect(Collectors.joining(", "))
                + "): QuickBooks company " + realmId + " has no income account set for new products. Set it in"
                + " LedgerBridge's catalog settings, or create the products in QuickBooks.", unmatched, List.of());
    }

    /** Missing items were to be created, but these line items cannot become QBO items; {@code reasons} say why. */
    public static LineItemRefusal notCreatable(List<LineItem> lines, List<String> reasons) {
        return new LineItemRefusal(ITEM_NOT_CREATABLE, "Cannot create " + (lines.size() == 1
                ? "a QuickBooks product for this line item: " : "QuickBooks products for these line items: ")
                + String.join("; ", reasons) + ". Correct the line items in HubSpot or create the products in"
                + " QuickBooks.", lines, List.of());
    }

    /** The income account the action named for created items cannot take them; {@code reason} says why. */
    public static LineItemRefusal invalidIncomeAccount(String reason) {
        return new LineItemRefusal(INVALID_INCOME_ACCOUNT, "Cannot create the missing QuickBooks products: " + reason
                + " Choose an active Income account in the action's 'Income account' field, or leave it empty to use"
                + " the company's catalog settings.", List.of(), List.of());
    }

    /** The stable error code. */
    public String code() {
        return code;
    }

    /** The unmatched line items in request order; empty for other codes. */
    public List<LineItem> unmatched() {
        return unmatched;
    }

    /** The ambiguous line items in request order; empty for other codes. */
    public List<AmbiguousLineItem> ambiguous() {
        return ambiguous;
    }

    private static String describeWithQuantity(LineItem item) {
        String sku = item.sku() == null || item.sku().isBlank() ? "no SKU" : "SKU " + item.sku().strip();
        return label(item) + " (" + sku + ", quantity " + quantity(item.quantity()) + ")";
    }

    private static String describeAmbiguity(AmbiguousLineItem ambiguity) {
        LineItem item = ambiguity.lineItem();
        String subject = ambiguity.matchedBy() == MatchedBy.SKU
                ? label(item) + " (SKU " + item.sku().strip() + ")"
                : label(item);
        List<String> names = ambiguity.candidates().stream()
                .map(c -> "\"" + c.name() + "\" (id " + c.itemId() + ")")
                .toList();
        String joined = names.size() == 1 ? names.get(0)
                : String.join(", ", names.subList(0, names.size() - 1)) + " and " + names.get(names.size() - 1);
        return subject + " matches " + joined + " by " + (ambiguity.matchedBy() == MatchedBy.SKU ? "SKU" : "name");
    }

    private static String label(LineItem item) {
        return item.name() == null || item.name().isBlank() ? "line item " + item.lineItemId() : item.name().strip();
    }

    private static String quantity(BigDecimal quantity) {
        if (quantity == null) {
            return "unknown";
        }
        // 1.00 reads as "1", 2.5 stays "2.5"; toPlainString avoids "1E+1" for 10.
        return quantity.signum() == 0 ? "0" : quantity.stripTrailingZeros().toPlainString();
    }
}
