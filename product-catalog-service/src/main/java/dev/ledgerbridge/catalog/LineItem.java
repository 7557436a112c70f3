package dev.ledgerbridge.catalog;

import java.math.BigDecimal;

/**
 * A HubSpot line item to resolve, as the service layer sees it.
 *
 * @param lineItemId         HubSpot line item id
 * @param name               line item name, may be null
 * @param sku                {@code hs_sku}, may be null
 * @param productId          {@code hs_product_id}, may be null (ad-hoc lines have none)
 * @param quantity           quantity as HubSpot holds it
 * @param price              unit price before discount, may be null
 * @param qboItemId          the QBO item id the product sync wrote into the product (copied onto the line item as
 *                           {@code qbo_item_id}), may be null
 * @param description        line item description, may be null (used when an item is created)
 * @param discount           HubSpot {@code discount}: an amount off each unit, may be null
 * @param discountPercentage HubSpot {@code hs_discount_percentage}: percent off the unit price, may be null
 */
public record LineItem(String lineItemId, String name, String sku, String productId, BigDecimal quantity,
        BigDecimal price, String qboItemId, String description, BigDecimal discount, BigDecimal discountPercentage) {

    /** A line item without product link, description or discount. */
    public LineItem(String lineItemId, String name, String sku, String productId, BigDecimal quantity,
            BigDecimal price) {
        this(lineItemId, name, sku, productId, quantity, price, null, null, null, null);
    }
}
