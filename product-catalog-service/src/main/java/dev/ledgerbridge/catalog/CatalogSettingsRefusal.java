package dev.ledgerbridge.catalog;

/** Catalog settings that cannot be saved (HTTP 422 INVALID_CATALOG_SETTINGS); the message says why. */
public class CatalogSettingsRefusal extends RuntimeException {

    /** The error code of every settings refusal. */
    public static final String CODE = "INVALID_CATALOG_SETTINGS";

    /** Creates the refusal with a message for the person editing the settings. */
    public CatalogSettingsRefusal(String message) {
        super(message, null, false, false);
    }
}
