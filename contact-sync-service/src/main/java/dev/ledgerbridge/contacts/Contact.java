package dev.ledgerbridge.contacts;

/**
 * A HubSpot contact as the gateway loaded it; every field except {@code id} may be null.
 *
 * @param id        HubSpot contact id
 * @param firstName HubSpot {@code firstname}
 * @param lastName  HubSpot {@code lastname}
 * @param email     HubSpot {@code email}
 * @param company   HubSpot {@code company}, copied to the QBO customer's CompanyName
 * @param phone     HubSpot {@code phone}, copied to the QBO customer's PrimaryPhone
 */
public record Contact(String id, String firstName, String lastName, String email, String company, String phone) {

    /** True when the contact has neither a name nor an e-mail: nothing to match or create a customer with. */
    public boolean isIncomplete() {
        return isBlank(firstName) && isBlank(lastName) && isBlank(email);
    }

    /** The trimmed e-mail, or null when absent or blank. */
    public String trimmedEmail() {
        return isBlank(email) ? null : email.strip();
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
