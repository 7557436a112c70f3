package dev.ledgerbridge.gateway;

import java.math.BigDecimal;
import java.util.List;

/**
 * What the gateway loaded from HubSpot for a deal: the deal, its contacts in association order and its line items.
 */
public record DealContext(String dealId, String dealName, String currencyCode, List<Contact> contacts,
        List<LineItem> lineItems) {

    public DealContext {
        contacts = List.copyOf(contacts);
        lineItems = List.copyOf(lineItems);
    }

    /** An associated HubSpot contact with the properties customer matching needs. */
    public record Contact(String id, String firstName, String lastName, String email, String company, String phone) {
    }

    /**
     * A HubSpot line item of the deal; numbers are null when HubSpot has none (or an unreadable one).
     * {@code qboItemId} is the product's {@code qbo_item_id} (the product sync's link to a QBO item), copied onto the
     * line item; {@code discount} is an amount off each unit, {@code discountPercentage} a percentage off.
     */
    public record LineItem(String id, String name, String sku, String productId, BigDecimal quantity, BigDecimal price,
            String description, String qboItemId, BigDecimal discount, BigDecimal discountPercentage) {

        /** A line item without product link or discount. */
        public LineItem(String id, String name, String sku, String productId, BigDecimal quantity, BigDecimal price,
                String description) {
            this(id, name, sku, productId, quantity, price, description, null, null, null);
        }
    }
}
