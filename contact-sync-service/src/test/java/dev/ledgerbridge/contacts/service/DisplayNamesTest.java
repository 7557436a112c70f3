package dev.ledgerbridge.contacts.service;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ledgerbridge.contacts.Contact;
import java.util.List;
import org.junit.jupiter.api.Test;

class DisplayNamesTest {

    @Test
    void shouldTryFullNameThenEmailThenHubSpotId() {
        Contact grace = new Contact("106", " Grace ", "Hopper", "grace@example.com", null, null);
        assertEquals(List.of("Grace Hopper", "Grace Hopper (grace@example.com)", "Grace Hopper (HubSpot contact 106)"),
                DisplayNames.candidates(grace));
    }

    @Test
    void shouldComposeDecomposedNamesAndDropCharactersQboRefuses() {
        Contact zoe = new Contact("103", "Zoe\u0308", "A\u030And:\tJr", null, null, null);
        assertEquals(List.of("Zoë Ånd Jr", "Zoë Ånd Jr (HubSpot contact 103)"), DisplayNames.candidates(zoe));
    }

    @Test
    void shouldUseTheEmailWhenTheContactHasNoName() {
        Contact emailOnly = new Contact("109", null, " ", "only@example.com", null, null);
        assertEquals(List.of("only@example.com", "only@example.com (HubSpot contact 109)"),
                DisplayNames.candidates(emailOnly));
    }
}
