package dev.ledgerbridge.gateway.client;

import java.util.List;

/** Answer of product-catalog-service: one QBO item per line item, in request order. */
public record ResolvedLineItems(List<Line> lines) {

    public ResolvedLineItems {
        lines = lines == null ? List.of() : List.copyOf(lines);
    }

    /**
     * One resolved line item.
     *
     * @param matchedBy {@code SKU} or {@code NAME}
     */
    public record Line(String lineItemId, String itemId, String itemName, String matchedBy) {
    }
}
