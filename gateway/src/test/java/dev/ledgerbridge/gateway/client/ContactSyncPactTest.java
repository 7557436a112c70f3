package dev.ledgerbridge.gateway.client;

import static au.com.dius.pact.consumer.dsl.LambdaDsl.newJsonBody;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import au.com.dius.pact.consumer.dsl.PactDslWithProvider;
import au.com.dius.pact.consumer.junit5.PactConsumerTestExt;
import au.com.dius.pact.consumer.junit5.PactTestFor;
import au.com.dius.pact.core.model.PactSpecVersion;
import au.com.dius.pact.core.model.V4Pact;
import au.com.dius.pact.core.model.annotations.Pact;
import au.com.dius.pact.core.model.annotations.PactDirectory;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Consumer side of the gateway -> contact-sync-service contract (issue 3, style guide 18), exercised through the real
 * {@link ContactSyncClient} bean.
 */
@QuarkusTest
@TestProfile(PactMockServerProfile.class)
@ExtendWith(PactConsumerTestExt.class)
@PactTestFor(providerName = ContactSyncPactTest.PROVIDER, hostInterface = PactMockServerProfile.HOST,
        port = PactMockServerProfile.PORT, pactVersion = PactSpecVersion.V4)
@PactDirectory("target/pacts")
class ContactSyncPactTest {

    static final String PROVIDER = "contact-sync-service";
    private static final String REALM = "9130350000000001";
    private static final long PORTAL = 40213377L;
    private static final Map<String, String> JSON = Map.of("Content-Type", "application/json");

    private static final String NOT_ASSOCIATED_MESSAGE = "The action names contact 999, which is not associated with"
            + " this record. Associate that contact with the record or choose another contact in the action.";
    private static final String INCOMPLETE_MESSAGE = "Contact 102 has no name and no email address, so no QuickBooks"
            + " customer can be found or created for it. Add a name or an email address to the contact and run the"
            + " action again.";
    private static final String NOT_ELIGIBLE_MESSAGE = "This contact does not pass the QuickBooks sync filters:"
            + " company is Difference Engines Ltd, must be Analytical Engines Ltd.";

    @Inject
    ContactSyncClient client;

    @Pact(consumer = "gateway", provider = PROVIDER)
    V4Pact resolvesTheContactToACustomer(PactDslWithProvider builder) {
        return builder
                .given("the US company has customer Ada Lovelace")
                .uponReceiving("a request to resolve the customer for contact Ada Lovelace")
                .method("POST").path("/v1/customers/resolve")
                .headers(JSON)
                .matchHeader(ServiceHeaders.CORRELATION_ID, "[ -~]{1,200}", "ap-pact-contact-1")
                .body(newJsonBody(body -> {
                    body.stringMatcher("realmId", "[0-9]{1,32}", REALM);
                    body.integerType("portalId", (int) PORTAL);
                    body.stringType("contactChoice", "first");
                    body.minArrayLike("contacts", 1, contact -> {
                        contact.stringType("id", "101");
                        contact.stringType("firstName", "Ada");
                        contact.stringType("lastName", "Lovelace");
                        contact.stringType("email", "ada@example.com");
                        contact.stringType("company", "Analytical Engines Ltd");
                        contact.stringType("phone", "+44 20 7946 0000");
                    });
                }).build())
                .willRespondWith()
                .status(200)
                .headers(JSON)
                .body(newJsonBody(body -> {
                    body.stringType("contactId", "101");
                    body.stringMatcher("customerId", "[0-9]{1,32}", "58");
                    body.stringType("displayName", "Ada Lovelace");
                    // A link from an earlier run is as good an answer as a fresh match (R6, R9).
                    body.stringMatcher("resolution", "LINKED|MATCHED|CREATED", "MATCHED");
                }).build())
                .toPact(V4Pact.class);
    }

    @Pact(consumer = "gateway", provider = PROVIDER)
    V4Pact refusesARecordWithoutContacts(PactDslWithProvider builder) {
        return builder
                .given("the US company is connected")
                .uponReceiving("a request to resolve the customer for a record without contacts")
                .method("POST").path("/v1/customers/resolve")
                .headers(JSON)
                .matchHeader(ServiceHeaders.CORRELATION_ID, "[ -~]{1,200}", "ap-pact-contact-2")
                .body(newJsonBody(body -> {
                    body.stringMatcher("realmId", "[0-9]{1,32}", REALM);
                    body.integerType("portalId", (int) PORTAL);
                    body.stringType("contactChoice", "first");
                    body.array("contacts", contacts -> { });
                }).build())
                .willRespondWith()
                .status(422)
                .headers(JSON)
                .body(newJsonBody(body -> {
                    // The code is the contract (the gateway hands it to HubSpot as error_code); the wording is not.
                    body.stringValue("code", "NO_CONTACT");
                    body.stringType("message", "The deal has no associated contact to invoice.");
                }).build())
                .toPact(V4Pact.class);
    }

    @Pact(consumer = "gateway", provider = PROVIDER)
    V4Pact refusesAContactChoiceThatIsNotAssociated(PactDslWithProvider builder) {
        return refusal(builder, "the US company is connected",
                "a request to resolve the customer for a chosen contact that is not associated", "ap-pact-contact-3",
                "999", "101", "Ada", "Lovelace", "ada@example.com", "Analytical Engines Ltd",
                "CONTACT_NOT_ASSOCIATED", NOT_ASSOCIATED_MESSAGE);
    }

    @Pact(consumer = "gateway", provider = PROVIDER)
    V4Pact refusesAContactWithoutNameOrEmail(PactDslWithProvider builder) {
        return refusal(builder, "the US company is connected",
                "a request to resolve the customer for a contact with no name and no email", "ap-pact-contact-4",
                "first", "102", "", "", "", "Analytical Engines Ltd", "CONTACT_INCOMPLETE", INCOMPLETE_MESSAGE);
    }

    @Pact(consumer = "gateway", provider = PROVIDER)
    V4Pact refusesAContactOutsideTheSyncFilters(PactDslWithProvider builder) {
        return refusal(builder, "the US company only syncs contacts of company Analytical Engines Ltd",
                "a request to resolve the customer for a contact that fails the sync filters", "ap-pact-contact-5",
                "first", "103", "Charles", "Babbage", "charles@example.com", "Difference Engines Ltd",
                "CONTACT_NOT_ELIGIBLE", NOT_ELIGIBLE_MESSAGE);
    }

    // Contact values are type-matched; the provider replays these examples, which are what make it refuse.
    private static V4Pact refusal(PactDslWithProvider builder, String state, String description, String correlationId,
            String choice, String id, String firstName, String lastName, String email, String company, String code,
            String message) {
        return builder
                .given(state)
                .uponReceiving(description)
                .method("POST").path("/v1/customers/resolve")
                .headers(JSON)
                .matchHeader(ServiceHeaders.CORRELATION_ID, "[ -~]{1,200}", correlationId)
                .body(newJsonBody(body -> {
                    body.stringMatcher("realmId", "[0-9]{1,32}", REALM);
                    body.integerType("portalId", (int) PORTAL);
                    body.stringType("contactChoice", choice);
                    body.minArrayLike("contacts", 1, contact -> {
                        contact.stringType("id", id);
                        contact.stringType("firstName", firstName);
                        contact.stringType("lastName", lastName);
                        contact.stringType("email", email);
                        contact.stringType("company", company);
                        contact.stringType("phone", "+44 20 7946 0000");
                    });
                }).build())
                .willRespondWith()
                .status(422)
                .headers(JSON)
                .body(newJsonBody(body -> {
                    body.stringValue("code", code);
                    body.stringType("message", message);
                }).build())
                .toPact(V4Pact.class);
    }

    @Test
    @PactTestFor(pactMethod = "resolvesTheContactToACustomer")
    void shouldReadTheResolvedCustomer() {
        CustomerResolveRequest request = new CustomerResolveRequest(REALM, PORTAL, "first", List.of(
                new CustomerResolveRequest.Contact("101", "Ada", "Lovelace", "ada@example.com",
                        "Analytical Engines Ltd", "+44 20 7946 0000")));

        ResolvedCustomer customer = client.resolve("ap-pact-contact-1", request).await().atMost(Duration.ofSeconds(10));

        assertEquals(new ResolvedCustomer("101", "58", "Ada Lovelace", "MATCHED"), customer);
    }

    @Test
    @PactTestFor(pactMethod = "refusesARecordWithoutContacts")
    void shouldTurnNoContactIntoARefusal() {
        CustomerResolveRequest request = new CustomerResolveRequest(REALM, PORTAL, "first", List.of());

        ServiceRefusalException refusal = assertThrows(ServiceRefusalException.class,
                () -> client.resolve("ap-pact-contact-2", request).await().atMost(Duration.ofSeconds(10)));

        assertEquals(422, refusal.httpStatus());
        assertEquals("NO_CONTACT", refusal.code());
        assertEquals("The deal has no associated contact to invoice.", refusal.getMessage());
    }

    @Test
    @PactTestFor(pactMethod = "refusesAContactChoiceThatIsNotAssociated")
    void shouldTurnAnUnassociatedContactChoiceIntoARefusal() {
        assertRefused("ap-pact-contact-3", new CustomerResolveRequest(REALM, PORTAL, "999", List.of(
                new CustomerResolveRequest.Contact("101", "Ada", "Lovelace", "ada@example.com",
                        "Analytical Engines Ltd", "+44 20 7946 0000"))),
                "CONTACT_NOT_ASSOCIATED", NOT_ASSOCIATED_MESSAGE);
    }

    @Test
    @PactTestFor(pactMethod = "refusesAContactWithoutNameOrEmail")
    void shouldTurnAnIncompleteContactIntoARefusal() {
        assertRefused("ap-pact-contact-4", new CustomerResolveRequest(REALM, PORTAL, "first", List.of(
                new CustomerResolveRequest.Contact("102", "", "", "", "Analytical Engines Ltd", "+44 20 7946 0000"))),
                "CONTACT_INCOMPLETE", INCOMPLETE_MESSAGE);
    }

    @Test
    @PactTestFor(pactMethod = "refusesAContactOutsideTheSyncFilters")
    void shouldTurnAnIneligibleContactIntoARefusal() {
        assertRefused("ap-pact-contact-5", new CustomerResolveRequest(REALM, PORTAL, "first", List.of(
                new CustomerResolveRequest.Contact("103", "Charles", "Babbage", "charles@example.com",
                        "Difference Engines Ltd", "+44 20 7946 0000"))),
                "CONTACT_NOT_ELIGIBLE", NOT_ELIGIBLE_MESSAGE);
    }

    private void assertRefused(String correlationId, CustomerResolveRequest request, String code, String message) {
        ServiceRefusalException refusal = assertThrows(ServiceRefusalException.class,
                () -> client.resolve(correlationId, request).await().atMost(Duration.ofSeconds(10)));

        assertEquals(422, refusal.httpStatus());
        assertEquals(code, refusal.code());
        assertEquals(message, refusal.getMessage());
    }
}
