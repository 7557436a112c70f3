package dev.ledgerbridge.contacts.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.ledgerbridge.contacts.Contact;
import dev.ledgerbridge.contacts.CustomerResolutionRefusal;
import dev.ledgerbridge.contacts.CustomerResolutionRefusal.Code;
import java.util.List;
import org.junit.jupiter.api.Test;

class ContactChoiceTest {

    private static final Contact ADA = new Contact("101", "Ada", "Lovelace", "ada@example.com", null, null);
    private static final Contact JOHN = new Contact("104", "John", "Smith", "john.smith@alpha.example", null, null);
    private static final List<Contact> BOTH = List.of(ADA, JOHN);

    @Test
    void shouldChooseFirstAssociatedContactByDefault() {
        assertEquals(ADA, ContactChoice.choose(null, BOTH));
        assertEquals(ADA, ContactChoice.choose(" ", BOTH));
        assertEquals(ADA, ContactChoice.choose("First", BOTH));
    }

    @Test
    void shouldChooseTheNamedContact() {
        assertEquals(JOHN, ContactChoice.choose(" 104 ", BOTH));
    }

    @Test
    void shouldRefuseNamedContactThatIsNotAssociated() {
        CustomerResolutionRefusal refusal = assertThrows(CustomerResolutionRefusal.class,
                () -> ContactChoice.choose("999", BOTH));
        assertEquals(Code.CONTACT_NOT_ASSOCIATED, refusal.code());
        assertEquals(true, refusal.getMessage().contains("999"));
    }

    @Test
    void shouldRefuseRecordWithoutContactsEvenWhenOneIsNamed() {
        assertEquals(Code.NO_CONTACT,
                assertThrows(CustomerResolutionRefusal.class, () -> ContactChoice.choose("101", List.of())).code());
    }

    @Test
    void shouldRefuseContactWithoutNameAndEmail() {
        Contact blank = new Contact("108", " ", null, "", "Acme Corp", "555-0100");
        assertEquals(Code.CONTACT_INCOMPLETE,
                assertThrows(CustomerResolutionRefusal.class, () -> ContactChoice.choose(null, List.of(blank))).code());
    }

    @Test
    void shouldAcceptContactWithOnlyAnEmail() {
        Contact emailOnly = new Contact("109", null, null, "only@example.com", null, null);
        assertEquals(emailOnly, ContactChoice.choose(null, List.of(emailOnly)));
    }
}
