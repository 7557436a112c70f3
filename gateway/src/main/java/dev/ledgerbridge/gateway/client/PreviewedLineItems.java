package dev.ledgerbridge.gateway.client;

import java.math.BigDecimal;
import java.util.List;

/** Answer of product-catalog-service {@code POST /v1/line-items/preview}: what resolving would do, per line item. */
public record PreviewedLineItems(List<Line> lines) {

    /** {@link Line#action()} of a line whose item would be created ("Create missing products"). */
    public static final String WOULD_CREATE = "WOULD_CREATE";

    public PreviewedLineItems {
        lines = lines == null ? List.of() : List.copyOf(lines);
    }

    /** The lines as a resolution would answer them; a line that would create its item gets {@code placeholderId}. */
    public ResolvedLineItems asResolved(String placeholderId) {
        return new ResolvedLineItems(lines.stream()
                .map(line -> new ResolvedLineItems.Line(line.lineItemId(),
                        line.wouldCreate() ? placeholderId : line.itemId(), line.itemName(), line.matchedBy(),
                        line.quantity(), line.unitPrice(), line.amount(), line.amountNote()))
                .toList());
    }

    /**
     * One line item: the QBO item it would use, or the item it would create.
     *
     * @param action            {@code USE} or {@code WOULD_CREATE}
     * @param itemId            the item it would use; null for WOULD_CREATE
     * @param itemName          that item's name, or the name a created item would get
     * @param matchedBy         {@code PRODUCT_LINK}, {@code SKU}, {@code NAME}, or {@code CREATED} for WOULD_CREATE
     * @param itemType          the type of the item it would create, else null
     * @param incomeAccountId   the income account of the item it would create, else null
     * @param incomeAccountName that account's name, else null
     */
    public record Line(String lineItemId, String action, String itemId, String itemName, String matchedBy,
            String itemType, String incomeAccountId, String incomeAccountName, BigDecimal quantity,
            BigDecimal unitPrice, BigDecimal amount, String amountNote) {

        /** True when resolving would create this line's item. */
        public boolean wouldCreate() {
            return WOULD_CREATE.equals(action);
        }
    }
}
