package dev.ledgerbridge.gateway.client;

import java.math.BigDecimal;
import java.util.List;

/** Answer of product-catalog-service: one QBO item per line item, in request order. */
public record ResolvedLineItems(List<Line> lines) {

    public ResolvedLineItems {
        lines = lines == null ? List.of() : List.copyOf(lines);
    }

    /**
     * One resolved line item with the amounts its document line must carry ({@code amount = quantity x unitPrice}
     * exactly; null from an older service).
     *
     * @param matchedBy  {@code PRODUCT_LINK}, {@code SKU}, {@code NAME} or {@code CREATED}
     * @param amountNote null, or "quantity x unit price" when the line had to be sent as quantity 1
     */
    public record Line(String lineItemId, String itemId, String itemName, String matchedBy, BigDecimal quantity,
            BigDecimal unitPrice, BigDecimal amount, String amountNote) {

        /** A line without amounts. */
        public Line(String lineItemId, String itemId, String itemName, String matchedBy) {
            this(lineItemId, itemId, itemName, matchedBy, null, null, null, null);
        }
    }
}
