package dev.ledgerbridge.hubspot;

/**
 * CRM object types the bridge touches, with the name used in v3/v4 paths and HubSpot's numeric type id.
 */
public enum CrmObjectType {
    DEALS("deals", "0-3"),
    QUOTES("quotes", "0-14"),
    CONTACTS("contacts", "0-1"),
    LINE_ITEMS("line_items", "0-8"),
    PRODUCTS("products", "0-7"),
    // 0-101 is what the domain brief reports for commerce payments (UNCONFIRMED); paths use the name anyway.
    COMMERCE_PAYMENTS("commerce_payments", "0-101"),
    COMPANIES("companies", "0-2"),
    NOTES("notes", "0-46"),
    INVOICES("invoices", "0-53");

    private final String pathName;
    private final String objectTypeId;

    CrmObjectType(String pathName, String objectTypeId) {
        this.pathName = pathName;
        this.objectTypeId = objectTypeId;
    }

    /** Name used in URL paths and in {@code associations=} query values, e.g. {@code line_items}. */
    public String pathName() {
        return pathName;
    }

    /** HubSpot's object type id, e.g. {@code 0-3} for deals (the OpenAPI spec writes deal paths with it). */
    public String objectTypeId() {
        return objectTypeId;
    }
}
