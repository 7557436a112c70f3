package dev.ledgerbridge.gateway.mapping;

import dev.ledgerbridge.gateway.DealContext;
import dev.ledgerbridge.hubspot.CrmObject;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/** Turns the three HubSpot reads of a deal or a quote into a {@link DealContext}. */
public final class DealContextMapper {

    /** Deal properties the gateway reads. */
    public static final List<String> DEAL_PROPERTIES = List.of("dealname", "amount", "deal_currency_code");
    /** Quote properties the gateway reads (domain brief 2.7). */
    public static final List<String> QUOTE_PROPERTIES = List.of("hs_title", "hs_currency", "hs_expiration_date",
            "hs_quote_number");
    /** Contact properties customer matching needs (issue 3 design). */
    public static final List<String> CONTACT_PROPERTIES = List.of("firstname", "lastname", "email", "company", "phone");
    /**
     * Line-item properties item matching and the document need; {@code qbo_item_id} is the product property the
     * product sync fills, which HubSpot copies onto line items created from the product.
     */
    public static final List<String> LINE_ITEM_PROPERTIES = List.of("name", "quantity", "price", "amount",
            "hs_product_id", "hs_sku", "description", "qbo_item_id", "discount", "hs_discount_percentage");

    private DealContextMapper() {
    }

    /** Contacts and line items come in the deal's association order, which the batch reads preserve. */
    public static DealContext toContext(CrmObject deal, List<CrmObject> contacts, List<CrmObject> lineItems) {
        return toContext(deal, contacts, lineItems, List.of(), Map.of());
    }

    /**
     * As {@link #toContext(CrmObject, List, List)}, with the filter properties of each contact (every name present,
     * null when HubSpot has no value) and the labels of each contact's association with the deal.
     */
    public static DealContext toContext(CrmObject deal, List<CrmObject> contacts, List<CrmObject> lineItems,
            List<String> filterProperties, Map<String, List<String>> labelsByContact) {
        return new DealContext(deal.id(), deal.property("dealname"), deal.property("deal_currency_code"),
                contacts.stream().map(c -> toContact(c, filterProperties, labelsByContact.get(c.id()))).toList(),
                lineItems.stream().map(DealContextMapper::toLineItem).toList());
    }

    /** As {@link #toContext(CrmObject, List, List, List, Map)} for a quote: its title, currency and expiration date. */
    public static DealContext toQuoteContext(CrmObject quote, List<CrmObject> contacts, List<CrmObject> lineItems,
            List<String> filterProperties, Map<String, List<String>> labelsByContact) {
        return new DealContext(quote.id(), quote.property("hs_title"), quote.property("hs_currency"),
                contacts.stream().map(c -> toContact(c, filterProperties, labelsByContact.get(c.id()))).toList(),
                lineItems.stream().map(DealContextMapper::toLineItem).toList(), DealContext.QUOTE,
                date(quote.property("hs_expiration_date")));
    }

    /**
     * HubSpot date properties come as an ISO date, an ISO instant or epoch milliseconds, depending on the API and the
     * property; the date is taken in UTC (HubSpot stores date-only values at UTC midnight). Unreadable: null, so the
     * estimate simply has no expiration date rather than failing the action.
     */
    static LocalDate date(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String text = value.trim();
        try {
            if (text.chars().allMatch(Character::isDigit)) {
                return LocalDate.ofInstant(Instant.ofEpochMilli(Long.parseLong(text)), ZoneOffset.UTC);
            }
            if (text.length() == 10) {
                return LocalDate.parse(text);
            }
            return LocalDate.ofInstant(Instant.parse(text), ZoneOffset.UTC);
        } catch (DateTimeParseException | NumberFormatException e) {
            return null;
        }
    }

    /** The contact properties to read: those matching needs, then the filters' own, without repeats. */
    public static List<String> contactProperties(List<String> filterProperties) {
        LinkedHashSet<String> names = new LinkedHashSet<>(CONTACT_PROPERTIES);
        names.addAll(filterProperties);
        return List.copyOf(names);
    }

    static DealContext.Contact toContact(CrmObject contact) {
        return toContact(contact, List.of(), List.of());
    }

    static DealContext.Contact toContact(CrmObject contact, List<String> filterProperties, List<String> labels) {
        Map<String, String> properties = new LinkedHashMap<>();
        filterProperties.forEach(name -> properties.put(name, contact.property(name)));
        return new DealContext.Contact(contact.id(), contact.property("firstname"), contact.property("lastname"),
                contact.property("email"), contact.property("company"), contact.property("phone"), properties, labels);
    }

    static DealContext.LineItem toLineItem(CrmObject item) {
        return new DealContext.LineItem(item.id(), item.property("name"), item.property("hs_sku"),
                item.property("hs_product_id"), decimal(item.property("quantity")), decimal(item.property("price")),
                item.property("description"), item.property("qbo_item_id"), decimal(item.property("discount")),
                decimal(item.property("hs_discount_percentage")));
    }

    /** HubSpot sends numbers as strings; an unreadable one becomes null and the services refuse it by name. */
    static BigDecimal decimal(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return new BigDecimal(value.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
