package dev.ledgerbridge.contacts.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ledgerbridge.contacts.Contact;
import dev.ledgerbridge.quickbooks.model.Customer;
import dev.ledgerbridge.quickbooks.model.EmailAddress;
import dev.ledgerbridge.quickbooks.query.QboQuery;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * R9's hostile-name corpus: every contact matches the customer QBO holds for the same person, never a different one,
 * and a new customer gets a readable, deterministic DisplayName.
 */
class HostileNameCorpusTest {

    /** HubSpot's contact as typed, and QBO's customer as stored for the same person. */
    static Stream<Arguments> samePerson() {
        return Stream.of(
                Arguments.of("apostrophe", new Contact("1", "Patrick", "O'Brien", "pat@example.com", null, null),
                        customer("Patrick", "O'Brien", "pat@example.com")),
                Arguments.of("typographic apostrophe kept apart", new Contact("2", "Dan", "D’Arcy", "dan@example.com",
                        null, null), customer("Dan", "D’Arcy", "dan@example.com")),
                Arguments.of("double quotes", new Contact("3", "Robert \"Bob\"", "Tables", "bob@example.com", null, null),
                        customer("Robert \"Bob\"", "Tables", "bob@example.com")),
                Arguments.of("backslash", new Contact("4", "Renée", "D'Arcy \\ Sons", "renee@example.com", null, null),
                        customer("Renée", "D'Arcy \\ Sons", "renee@example.com")),
                Arguments.of("decomposed accents", new Contact("5", "Zoe\u0308", "A\u030And", "zoe@example.com", null,
                        null), customer("Zoë", "Ånd", "zoe@example.com")),
                Arguments.of("CJK", new Contact("6", "太郎", "山田", "taro@example.jp", null, null),
                        customer("太郎", "山田", "taro@example.jp")),
                Arguments.of("emoji", new Contact("7", "Sunny 🌞", "Day", "sunny@example.com", null, null),
                        customer("Sunny 🌞", "Day", "sunny@example.com")),
                Arguments.of("e-mail differs only in case", new Contact("8", "Ada", "Lovelace", "Ada.Lovelace@Example.COM",
                        null, null), customer("Ada", "Lovelace", "ada.lovelace@example.com")),
                Arguments.of("leading and trailing spaces", new Contact("9", "  Grace ", " Hopper  ", " grace@example.com ",
                        null, null), customer("Grace", "Hopper", "grace@example.com")),
                Arguments.of("name case", new Contact("10", "ADA", "lovelace", "ada@example.com", null, null),
                        customer("Ada", "Lovelace", "ada@example.com")),
                Arguments.of("sharp s", new Contact("11", "Jürgen", "Strauß", "j@example.de", null, null),
                        customer("JÜRGEN", "STRAUSS", "j@example.de")),
                Arguments.of("colon and tab QBO forbids", new Contact("12", "A:B", "C\tD", "ab@example.com", null, null),
                        customer("A B", "C D", "ab@example.com")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samePerson")
    void shouldMatchTheSamePersonWhateverTheCharacters(String kind, Contact contact, Customer stored) {
        assertTrue(LegacyNameEmailMatch.matches(contact, stored), kind);
    }

    @org.junit.jupiter.api.Test
    void shouldEscapeAnApostropheAndABackslashInTheEmailLookUp() {
        String statement = QboQuery.selectFrom(Customer.class).whereEquals("PrimaryEmailAddr", "o'brien\\x@example.com")
                .statement();
        assertEquals("SELECT * FROM Customer WHERE PrimaryEmailAddr = 'o\\'brien\\\\x@example.com'", statement);
    }

    static Stream<Arguments> differentPeople() {
        return Stream.of(
                Arguments.of("same e-mail, other first name (a shared inbox)",
                        new Contact("20", "Anne", "Lovelace", "office@example.com", null, null),
                        customer("Ada", "Lovelace", "office@example.com")),
                Arguments.of("same name, other e-mail (a namesake)",
                        new Contact("21", "John", "Smith", "john@beta.example", null, null),
                        customer("John", "Smith", "john@alpha.example")),
                Arguments.of("apostrophe variants are different spellings",
                        new Contact("22", "Dan", "D'Arcy", "dan@example.com", null, null),
                        customer("Dan", "D’Arcy", "dan@example.com")),
                Arguments.of("accent is not optional", new Contact("23", "Rene", "Martin", "rene@example.com", null, null),
                        customer("René", "Martin", "rene@example.com")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("differentPeople")
    void shouldNotMatchADifferentPerson(String kind, Contact contact, Customer stored) {
        assertFalse(LegacyNameEmailMatch.matches(contact, stored), kind);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samePerson")
    void shouldOfferReadableDeterministicDisplayNames(String kind, Contact contact, Customer stored) {
        List<String> names = DisplayNames.candidates(contact);
        assertEquals(names, DisplayNames.candidates(contact), kind);
        assertEquals(3, names.size(), kind);
        assertTrue(names.get(1).endsWith("(" + contact.trimmedEmail() + ")"), names.get(1));
        assertTrue(names.get(2).endsWith("(HubSpot contact " + contact.id() + ")"), names.get(2));
        names.forEach(name -> {
            assertEquals(name.strip(), name, "no outer spaces: " + name);
            assertFalse(name.matches(".*[:\\t\\r\\n].*"), "no character QBO forbids: " + name);
        });
    }

    private static Customer customer(String given, String family, String email) {
        return Customer.builder().id("58").syncToken("0").givenName(given).familyName(family)
                .displayName(given + " " + family).primaryEmailAddr(EmailAddress.of(email)).active(true).build();
    }
}
