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

    /** A HubSpot line item of the deal; quantity and price are null when HubSpot has none (or an unreadable one). */
    public record LineItem(String id, String name, String sku, String productId, BigDecimal quantity, BigDecimal price,
            String description) {
    }
}
