package dev.ledgerbridge.gateway;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the gateway loaded from HubSpot for the enrolled deal or quote: the record, its contacts in association order
 * and its line items.
 *
 * @param dealId         the enrolled record's id (a deal's or a quote's)
 * @param dealName       the deal's name or the quote's title
 * @param objectType     {@code DEAL} or {@code QUOTE}
 * @param expirationDate the quote's expiration date ({@code hs_expiration_date}); null for deals and quotes without one
 */
public record DealContext(String dealId, String dealName, String currencyCode, List<Contact> contacts,
        List<LineItem> lineItems, String objectType, LocalDate expirationDate) {

    /** {@code objectType} of a deal. */
    public static final String DEAL = "DEAL";
    /** {@code objectType} of a quote. */
    public static final String QUOTE = "QUOTE";

    public DealContext {
        contacts = List.copyOf(contacts);
        lineItems = List.copyOf(lineItems);
        objectType = objectType == null ? DEAL : objectType;
    }

    /** A deal's context. */
    public DealContext(String dealId, String dealName, String currencyCode, List<Contact> contacts,
            List<LineItem> lineItems) {
        this(dealId, dealName, currencyCode, contacts, lineItems, DEAL, null);
    }

    /** True when the enrolled record is a quote. */
    public boolean isQuote() {
        return QUOTE.equals(objectType);
    }

    /**
     * An associated HubSpot contact with the properties customer matching needs.
     *
     * @param properties the further properties the company's sync filters read, by name (null values: unknown)
     * @param labels     the labels of the deal's association with the contact; read only when the action asks for the
     *                   primary contact, else empty
     */
    public record Contact(String id, String firstName, String lastName, String email, String company, String phone,
            Map<String, String> properties, List<String> labels) {

        public Contact {
            // LinkedHashMap rather than Map.copyOf: an unknown HubSpot property is a null value.
            properties = properties == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(properties));
            labels = labels == null ? List.of() : List.copyOf(labels);
        }

        /** A contact without filter properties and labels. */
        public Contact(String id, String firstName, String lastName, String email, String company, String phone) {
            this(id, firstName, lastName, email, company, phone, Map.of(), List.of());
        }
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
