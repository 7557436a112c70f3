package dev.ledgerbridge.gateway.client;

import java.math.BigDecimal;
import java.util.List;

/** Body of product-catalog-service {@code POST /v1/line-items/resolve}. */
public record LineItemResolveRequest(String realmId, long portalId, List<LineItem> lineItems) {

    /** A HubSpot line item; money and quantity are JSON numbers read into BigDecimal. */
    public record LineItem(String id, String name, String sku, String productId, BigDecimal quantity,
            BigDecimal price) {
    }
}
