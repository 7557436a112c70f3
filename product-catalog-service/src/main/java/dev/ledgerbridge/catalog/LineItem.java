package dev.ledgerbridge.catalog;

import java.math.BigDecimal;

/**
 * A HubSpot line item to resolve, as the service layer sees it.
 *
 * @param lineItemId HubSpot line item id
 * @param name       line item name, may be null
 * @param sku        {@code hs_sku}, may be null
 * @param productId  {@code hs_product_id}, may be null (issue 5 matches product links by it)
 * @param quantity   quantity as HubSpot holds it
 * @param price      unit price, may be null
 */
public record LineItem(String lineItemId, String name, String sku, String productId, BigDecimal quantity,
        BigDecimal price) {
}
