package dev.ledgerbridge.gateway.client;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;
import java.util.List;

/**
 * Body of product-catalog-service {@code POST /v1/line-items/resolve}.
 *
 * @param createMissing   the action's "Create missing products" input (R5): create unmatched items instead of refusing
 * @param incomeAccountId the action's "Income account" input: the QBO Income account of created items, null for the
 *                        company's catalog settings (left out of the JSON)
 */
// Absent HubSpot properties are left out rather than sent as null: the body stays what the catalog's pact expects.
@JsonInclude(JsonInclude.Include.NON_NULL)
public record LineItemResolveRequest(String realmId, long portalId, List<LineItem> lineItems, boolean createMissing,
        String incomeAccountId) {

    /** A request that refuses unmatched line items. */
    public LineItemResolveRequest(String realmId, long portalId, List<LineItem> lineItems) {
        this(realmId, portalId, lineItems, false, null);
    }

    /** A request whose created items use the company's catalog settings. */
    public LineItemResolveRequest(String realmId, long portalId, List<LineItem> lineItems, boolean createMissing) {
        this(realmId, portalId, lineItems, createMissing, null);
    }

    /**
     * A HubSpot line item; money and quantity are JSON numbers read into BigDecimal.
     *
     * @param qboItemId          the product's {@code qbo_item_id}, or null
     * @param discount           amount off each unit, or null
     * @param discountPercentage percentage off the unit price, or null
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record LineItem(String id, String name, String sku, String productId, BigDecimal quantity,
            BigDecimal price, String qboItemId, String description, BigDecimal discount,
            BigDecimal discountPercentage) {

        /** A line item without product link, description or discount. */
        public LineItem(String id, String name, String sku, String productId, BigDecimal quantity, BigDecimal price) {
            this(id, name, sku, productId, quantity, price, null, null, null, null);
        }
    }
}
