package dev.ledgerbridge.catalog.rest;

import dev.ledgerbridge.catalog.MatchedBy;

import java.util.List;

/**
 * Answer of {@code POST /v1/line-items/resolve}: one entry per requested line item, in request order.
 *
 * @param lines the resolved lines
 */
public record ResolveLineItemsResponse(List<Line> lines) {

    /**
     * A line item and the QBO item it resolved to.
     *
     * @param lineItemId HubSpot line item id
     * @param itemId     QBO item id
     * @param itemName   QBO item name
     * @param matchedBy  {@code SKU} or {@code NAME}
     */
    public record Line(String lineItemId, String itemId, String itemName, MatchedBy matchedBy) {
    }
}
