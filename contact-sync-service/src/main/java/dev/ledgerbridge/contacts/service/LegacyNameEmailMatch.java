package dev.ledgerbridge.contacts.service;

import dev.ledgerbridge.contacts.Contact;
import dev.ledgerbridge.quickbooks.model.Customer;
import java.math.BigInteger;
import java.text.Normalizer;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Legacy matching (R6, R9): a QBO customer matches a contact when first name, last name and e-mail are equal
 * after normalisation, so case, surrounding or repeated spaces and Unicode composition never cause a duplicate.
 */
public final class LegacyNameEmailMatch {

    // QBO refuses ':' tab and newlines in names, so we replace them when creating; matching must do the same.
    private static final Pattern QBO_FORBIDDEN = Pattern.compile("[:\\t\\r\\n]");
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");

    // Active customers first (an inactive duplicate is never revived while an active one exists), then lowest Id:
    // QBO returns candidates in no documented order, so the choice must not depend on it.
    private static final Comparator<Customer> PREFERENCE = Comparator
            .comparing((Customer c) -> Boolean.FALSE.equals(c.active()))
            .thenComparing(Customer::id, LegacyNameEmailMatch::compareIds);

    private LegacyNameEmailMatch() {
    }

    /** The preferred fully matching candidate, or empty when none matches. */
    public static Optional<Customer> best(Contact contact, List<Customer> candidates) {
        return candidates.stream().filter(c -> matches(contact, c)).min(PREFERENCE);
    }

    /**
     * True when the e-mails are equal ignoring case and the names are equal after {@link #normaliseName}. A
     * customer without GivenName and FamilyName (created by hand with a DisplayName only) is compared by its
     * DisplayName against the contact's full name.
     */
    public static boolean matches(Contact contact, Customer customer) {
        String customerEmail = customer.primaryEmailAddr() == null ? null : customer.primaryEmailAddr().address();
        if (!normaliseEmail(contact.email()).equals(normaliseEmail(customerEmail))) {
            return false;
        }
        boolean customerHasNames = !normaliseName(customer.givenName()).isEmpty()
                || !normaliseName(customer.familyName()).isEmpty();
        if (customerHasNames) {
            return normaliseName(contact.firstName()).equals(normaliseName(customer.givenName()))
                    && normaliseName(contact.lastName()).equals(normaliseName(customer.familyName()));
        }
        return normaliseName(DisplayNames.base(contact)).equals(normaliseName(customer.displayName()));
    }

    /**
     * Unicode NFC, QBO-forbidden characters and whitespace runs as one space, trimmed, then case-folded (upper then
     * lower case, so "ß" and "SS" compare equal) and NFC again. Null becomes the empty string.
     */
    public static String normaliseName(String value) {
        if (value == null) {
            return "";
        }
        String folded = clean(value).toUpperCase(Locale.ROOT).toLowerCase(Locale.ROOT);
        return Normalizer.normalize(folded, Normalizer.Form.NFC);
    }

    /** NFC, QBO-forbidden characters and whitespace runs as one space, trimmed; case kept. Null stays null. */
    public static String clean(String value) {
        if (value == null) {
            return null;
        }
        String composed = Normalizer.normalize(value, Normalizer.Form.NFC);
        return WHITESPACE.matcher(QBO_FORBIDDEN.matcher(composed).replaceAll(" ")).replaceAll(" ").strip();
    }

    /** Trimmed, NFC and lower case; null becomes the empty string. */
    public static String normaliseEmail(String value) {
        return value == null ? "" : Normalizer.normalize(value.strip(), Normalizer.Form.NFC).toLowerCase(Locale.ROOT);
    }

    private static int compareIds(String a, String b) {
        boolean aNumeric = a != null && a.chars().allMatch(Character::isDigit) && !a.isEmpty();
        boolean bNumeric = b != null && b.chars().allMatch(Character::isDigit) && !b.isEmpty();
        if (aNumeric && bNumeric) {
            return new BigInteger(a).compareTo(new BigInteger(b));
        }
        if (aNumeric != bNumeric) {
            return aNumeric ? -1 : 1;
        }
        return a == null ? (b == null ? 0 : 1) : (b == null ? -1 : a.compareTo(b));
    }
}
