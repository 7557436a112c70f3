package dev.ledgerbridge.contacts;

import java.util.List;

/**
 * The request lacks properties the company's sync filters read (the caller used an outdated property list), so
 * eligibility cannot be decided; the caller re-reads the list and retries.
 */
public class FilterPropertiesMissingException extends RuntimeException {

    private final List<String> missing;

    /** Names the missing properties and the settings version that needs them. */
    public FilterPropertiesMissingException(List<String> missing, long version) {
        super("The request does not carry the contact properties " + String.join(", ", missing) + " that version "
                + version + " of the company's sync filters reads; read GET /v1/companies/{realmId}/matching-settings/"
                + "properties again and resend them.");
        this.missing = List.copyOf(missing);
    }

    /** The properties the request lacked. */
    public List<String> missing() {
        return missing;
    }
}
