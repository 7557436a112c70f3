package dev.ledgerbridge.contacts.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ledgerbridge.contacts.Contact;
import dev.ledgerbridge.quickbooks.model.Customer;
import dev.ledgerbridge.quickbooks.model.EmailAddress;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LegacyNameEmailMatchTest {

    private static Customer customer(String id, String given, String family, String display, String email, boolean active) {
        return Customer.builder().id(id).syncToken("0").givenName(given).familyName(family).displayName(display)
                .primaryEmailAddr(email == null ? null : EmailAddress.of(email)).active(active).build();
    }

    @Test
    void shouldMatchDespiteCaseSurroundingSpacesAndDecomposedAccents() {
        // HubSpot stores this contact in NFD (seed 103); QBO holds NFC.
        Contact zoe = new Contact("103", "  ZOE\u0308 ", "a\u030And\t", " Zoe@Example.COM ", null, null);
        assertTrue(LegacyNameEmailMatch.matches(zoe, customer("7", "Zoë", "Ånd", "Zoë Ånd", "zoe@example.com", true)));
    }

    @Test
    void shouldMatchApostrophesHyphensAndBackslashesLiterally() {
        Contact sean = new Contact("110", "Seán", "O'Brien-Łukasz", "sean@example.com", null, null);
        assertTrue(LegacyNameEmailMatch.matches(sean,
                customer("77", "Seán", "O'Brien-Łukasz", "Seán O'Brien-Łukasz", "sean@example.com", true)));
        Contact renee = new Contact("107", "Renée", "D'Arcy \\ Sons", "renee@example.com", null, null);
        assertTrue(LegacyNameEmailMatch.matches(renee,
                customer("78", "Renée", "D'Arcy \\ Sons", "Renée D'Arcy \\ Sons", "renee@example.com", true)));
        assertFalse(LegacyNameEmailMatch.matches(renee,
                customer("79", "Renée", "D'Arcy  Sons", "Renée D'Arcy Sons", "renee@example.com", true)));
    }

    @Test
    void shouldFoldSharpSAsCaseFoldingDoes() {
        assertEquals(LegacyNameEmailMatch.normaliseName("STRASSE"), LegacyNameEmailMatch.normaliseName("straße"));
    }

    @Test
    void shouldNotMatchWhenEmailMatchesButNameDiffers() {
        Contact john = new Contact("105", "John", "Smith", "john.smith@beta.example", null, null);
        assertFalse(LegacyNameEmailMatch.matches(john,
                customer("12", "Jane", "Smith", "Jane Smith", "john.smith@beta.example", true)));
    }

    @Test
    void shouldNotMatchWhenNameMatchesButEmailDiffers() {
        Contact john = new Contact("105", "John", "Smith", "john.smith@beta.example", null, null);
        assertFalse(LegacyNameEmailMatch.matches(john,
                customer("11", "John", "Smith", "John Smith", "john.smith@alpha.example", true)));
    }

    @Test
    void shouldCompareDisplayNameWhenCustomerHasNoNameParts() {
        Contact patrick = new Contact("102", "Patrick", "O'Brien", "pobrien@example.com", null, null);
        assertTrue(LegacyNameEmailMatch.matches(patrick,
                customer("3", null, null, "patrick o'brien", "pobrien@example.com", true)));
        assertFalse(LegacyNameEmailMatch.matches(patrick,
                customer("4", null, null, "O'Brien Plumbing", "pobrien@example.com", true)));
    }

    @Test
    void shouldPreferTheLowestIdAmongFullMatchesWhateverTheOrder() {
        Contact ada = new Contact("101", "Ada", "Lovelace", "ada@example.com", null, null);
        List<Customer> candidates = List.of(
                customer("120", "Ada", "Lovelace", "Ada Lovelace (2)", "ada@example.com", true),
                customer("9", "Ada", "Byron", "Ada Byron", "ada@example.com", true),
                customer("75", "ada", "LOVELACE", "Ada Lovelace", "ada@example.com", true));
        assertEquals(Optional.of("75"), LegacyNameEmailMatch.best(ada, candidates).map(Customer::id));
    }

    @Test
    void shouldPreferAnActiveMatchOverALowerInactiveOne() {
        Contact ada = new Contact("101", "Ada", "Lovelace", "ada@example.com", null, null);
        List<Customer> candidates = List.of(
                customer("5", "Ada", "Lovelace", "Ada Lovelace (old)", "ada@example.com", false),
                customer("58", "Ada", "Lovelace", "Ada Lovelace", "ada@example.com", true));
        assertEquals(Optional.of("58"), LegacyNameEmailMatch.best(ada, candidates).map(Customer::id));
    }
}
