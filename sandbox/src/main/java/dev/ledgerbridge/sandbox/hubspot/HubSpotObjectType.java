package dev.ledgerbridge.sandbox.hubspot;

import java.util.Locale;
import java.util.Optional;

/** The CRM object types the sandbox serves, with every name HubSpot accepts for them. */
public enum HubSpotObjectType {
    CONTACTS("contacts", "0-1", "contact", "CONTACT"),
    COMPANIES("companies", "0-2", "company", "COMPANY"),
    DEALS("deals", "0-3", "deal", "DEAL"),
    PRODUCTS("products", "0-7", "product", "PRODUCT"),
    LINE_ITEMS("line_items", "0-8", "line_item", "LINE_ITEM"),
    QUOTES("quotes", "0-14", "quote", "QUOTE"),
    NOTES("notes", "0-46", "note", "NOTE"),
    COMMERCE_PAYMENTS("commerce_payments", "0-101", "commerce_payment", "COMMERCE_PAYMENT");

    private final String pathName;
    private final String typeId;
    private final String singular;
    private final String workflowName;

    HubSpotObjectType(String pathName, String typeId, String singular, String workflowName) {
        this.pathName = pathName;
        this.typeId = typeId;
        this.singular = singular;
        this.workflowName = workflowName;
    }

    /** Plural name used in v3/v4 paths, e.g. {@code line_items}. */
    public String pathName() {
        return pathName;
    }

    /** Object type id, e.g. {@code 0-3}. */
    public String typeId() {
        return typeId;
    }

    /** Singular name used in v3 association type names, e.g. {@code deal}. */
    public String singular() {
        return singular;
    }

    /** Name used by workflows, e.g. {@code DEAL}. */
    public String workflowName() {
        return workflowName;
    }

    /** Resolves any accepted spelling: {@code deals}, {@code deal}, {@code 0-3}, {@code DEAL}, {@code line items}. */
    public static Optional<HubSpotObjectType> parse(String name) {
        if (name == null) {
            return Optional.empty();
        }
        String n = name.trim().toLowerCase(Locale.ROOT).replace(' ', '_');
        for (HubSpotObjectType t : values()) {
            if (t.pathName.equals(n) || t.typeId.equals(n) || t.singular.equals(n)) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }
}
