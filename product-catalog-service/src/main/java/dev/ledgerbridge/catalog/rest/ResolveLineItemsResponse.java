package dev.ledgerbridge.catalog.rest;

import dev.ledgerbridge.catalog.MatchedBy;

import java.math.BigDecimal;
import java.util.List;

/**
 * Answer of {@code POST /v1/line-items/resolve}: one entry per requested line item, in request order.
 *
 * @param lines the resolved lines
 */
public record ResolveLineItemsResponse(List<Line> lines) {

    /**
     * A line item, the QBO item it resolved to and the amounts its document line must carry.
     *
     * @param lineItemId HubSpot line item id
     * @param itemId     QBO item id
     * @param itemName   QBO item name
     * @param matchedBy  {@code PRODUCT_LINK}, {@code SKU}, {@code NAME} or {@code CREATED}
     * @param quantity   the QBO line's Qty
     * @param unitPrice  the QBO line's UnitPrice, after discount
     * @param amount     the QBO line's Amount: quantity x unitPrice exactly
     * @param amountNote null, or "quantity x unit price" when the line had to be sent as quantity 1 (see README)
     */
    public record Line(String lineItemId, String itemId, String itemName, MatchedBy matchedBy, BigDecimal quantity,
            BigDecimal unitPrice, BigDecimal amount, String amountNote) {
    }
}
