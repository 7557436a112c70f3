package dev.ledgerbridge.contacts;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A HubSpot contact as the gateway loaded it; every field except {@code id} may be null.
 *
 * @param id         HubSpot contact id
 * @param firstName  HubSpot {@code firstname}
 * @param lastName   HubSpot {@code lastname}
 * @param email      HubSpot {@code email}
 * @param company    HubSpot {@code company}, copied to the QBO customer's CompanyName
 * @param phone      HubSpot {@code phone}, copied to the QBO customer's PrimaryPhone
 * @param properties further HubSpot properties by internal name (those the sync filters name, R7); never null
 */
public record Contact(String id, String firstName, String lastName, String email, String company, String phone,
        Map<String, String> properties) {

    /** Copies the properties (null values allowed: HubSpot's "unknown"); null is none. */
    public Contact {
        properties = properties == null || properties.isEmpty() ? Map.of()
                : Collections.unmodifiableMap(new LinkedHashMap<>(properties));
    }

    /** A contact without further properties, as the first action sent it. */
    public Contact(String id, String firstName, String lastName, String email, String company, String phone) {
        this(id, firstName, lastName, email, company, phone, Map.of());
    }

    /** True when the contact has neither a name nor an e-mail: nothing to match or create a customer with. */
    public boolean isIncomplete() {
        return isBlank(firstName) && isBlank(lastName) && isBlank(email);
    }

    /** The trimmed e-mail, or null when absent or blank. */
    public String trimmedEmail() {
        return isBlank(email) ? null : email.strip();
    }

    /**
     * The value of a HubSpot property: from {@link #properties()}, else, for the five properties every request
     * carries (firstname, lastname, email, company, phone), from those fields; null when unknown.
     */
    public String property(String name) {
        if (properties.containsKey(name)) {
            return properties.get(name);
        }
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "firstname" -> firstName;
            case "lastname" -> lastName;
            case "email" -> email;
            case "company" -> company;
            case "phone" -> phone;
            default -> null;
        };
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
