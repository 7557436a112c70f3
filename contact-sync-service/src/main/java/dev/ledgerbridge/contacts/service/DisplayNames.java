package dev.ledgerbridge.contacts.service;

import dev.ledgerbridge.contacts.Contact;
import java.util.ArrayList;
import java.util.List;

/**
 * DisplayNames for a new QBO customer, in the order they are tried: "First Last", then on a clash (6240: the name
 * is used by another customer, a vendor or an employee) "First Last (email)", then "First Last (HubSpot contact
 * 101)". Deterministic, so a retried or concurrent resolution tries the same names with the same requestids.
 */
public final class DisplayNames {

    /** QBO's limit for DisplayName. */
    static final int MAX_LENGTH = 500;
    // Leaves room for the longest suffix, so the suffix never gets cut off.
    private static final int MAX_BASE_LENGTH = 300;

    private DisplayNames() {
    }

    /** The contact's full name ("First Last", cleaned as QBO requires), or its e-mail when it has no name. */
    public static String base(Contact contact) {
        String first = LegacyNameEmailMatch.clean(contact.firstName());
        String last = LegacyNameEmailMatch.clean(contact.lastName());
        String name = ((first == null ? "" : first) + " " + (last == null ? "" : last)).strip();
        return name.isEmpty() ? LegacyNameEmailMatch.clean(contact.trimmedEmail()) : truncate(name, MAX_BASE_LENGTH);
    }

    /** The names to try, most readable first, without duplicates. */
    public static List<String> candidates(Contact contact) {
        String base = base(contact);
        List<String> names = new ArrayList<>(3);
        names.add(base);
        String email = LegacyNameEmailMatch.clean(contact.trimmedEmail());
        if (email != null && !email.equalsIgnoreCase(base)) {
            names.add(truncate(base + " (" + email + ")", MAX_LENGTH));
        }
        names.add(truncate(base + " (HubSpot contact " + contact.id() + ")", MAX_LENGTH));
        return List.copyOf(names);
    }

    /** Cuts to at most {@code max} characters without splitting a surrogate pair. */
    static String truncate(String value, int max) {
        if (value == null || value.length() <= max) {
            return value;
        }
        int end = Character.isHighSurrogate(value.charAt(max - 1)) ? max - 1 : max;
        return value.substring(0, end).strip();
    }
}
