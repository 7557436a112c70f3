package dev.ledgerbridge.payments.client;

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
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Consumer side of payments-bridge -> contact-sync-service (issue 7, style guide 18), through the real
 * {@link ContactSyncApi} client: the customer of a payment's contact, and a refusal passed on. The body is the one the
 * gateway builds for a payment, forwarded unchanged; the states are the ones contact-sync already knows.
 */
@QuarkusTest
@TestProfile(PactMockServerProfile.class)
@ExtendWith(PactConsumerTestExt.class)
@PactTestFor(providerName = ContactSyncPactTest.PROVIDER, hostInterface = PactMockServerProfile.HOST,
        port = PactMockServerProfile.PORT, pactVersion = PactSpecVersion.V4)
@PactDirectory("target/pacts")
class ContactSyncPactTest {

    static final String PROVIDER = "contact-sync-service";
    static final String CONSUMER = "payments-bridge-service";
    private static final String REALM = "9130350000000001";
    private static final long PORTAL = 40213377L;
    private static final Map<String, String> JSON = Map.of("Content-Type", "application/json");

    @Inject
    @RestClient
    ContactSyncApi api;

    @Inject
    ObjectMapper mapper;

    @Pact(consumer = CONSUMER, provider = PROVIDER)
    V4Pact resolvesThePaymentsContact(PactDslWithProvider builder) {
        return builder
                .given("the US company has customer Ada Lovelace")
                .uponReceiving("a request to resolve the customer of a payment's contact Ada Lovelace")
                .method("POST").path("/v1/customers/resolve")
                .headers(JSON)
                .matchHeader(ServiceHeaders.CORRELATION_ID, "[ -~]{1,200}", "ap-pay-pact-contact-1")
                .body(newJsonBody(body -> {
                    body.stringMatcher("realmId", "[0-9]{1,32}", REALM);
                    body.integerType("portalId", (int) PORTAL);
                    body.stringType("contactChoice", "first");
                    body.minArrayLike("contacts", 1, contact -> {
                        contact.stringType("id", "101");
                        contact.stringType("firstName", "Ada");
                        contact.stringType("lastName", "Lovelace");
                        contact.stringType("email", "ada@example.com");
                    });
                }).build())
                .willRespondWith()
                .status(200)
                .headers(JSON)
                .body(newJsonBody(body -> {
                    body.stringType("contactId", "101");
                    body.stringMatcher("customerId", "[0-9]{1,32}", "58");
                    body.stringType("displayName", "Ada Lovelace");
                    body.stringMatcher("resolution", "LINKED|MATCHED|CREATED", "MATCHED");
                }).build())
                .toPact(V4Pact.class);
    }

    @Pact(consumer = CONSUMER, provider = PROVIDER)
    V4Pact refusesAPaymentWithoutContact(PactDslWithProvider builder) {
        return builder
                .given("the US company is connected")
                .uponReceiving("a request to resolve the customer of a payment without contact")
                .method("POST").path("/v1/customers/resolve")
                .headers(JSON)
                .matchHeader(ServiceHeaders.CORRELATION_ID, "[ -~]{1,200}", "ap-pay-pact-contact-2")
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
                    // The code is the contract (payments-bridge hands it on as the REFUSED code); the wording is not.
                    body.stringValue("code", "NO_CONTACT");
                    body.stringType("message", "The deal has no associated contact to invoice.");
                }).build())
                .toPact(V4Pact.class);
    }

    @Test
    @PactTestFor(pactMethod = "resolvesThePaymentsContact")
    void shouldReadTheResolvedCustomer() throws Exception {
        ResolvedCustomer customer = api.resolve("ap-pay-pact-contact-1", body("""
                {"realmId": "9130350000000001", "portalId": 40213377, "contactChoice": "first",
                 "contacts": [{"id": "101", "firstName": "Ada", "lastName": "Lovelace", "email": "ada@example.com"}]}
                """)).await().atMost(Duration.ofSeconds(10));

        assertEquals(new ResolvedCustomer("101", "58", "Ada Lovelace", "MATCHED"), customer);
    }

    @Test
    @PactTestFor(pactMethod = "refusesAPaymentWithoutContact")
    void shouldTurnTheServicesRefusalIntoARefusal() throws Exception {
        JsonNode request = body("""
                {"realmId": "9130350000000001", "portalId": 40213377, "contactChoice": "first", "contacts": []}""");

        ServiceRefusalException refusal = assertThrows(ServiceRefusalException.class,
                () -> api.resolve("ap-pay-pact-contact-2", request).await().atMost(Duration.ofSeconds(10)));

        assertEquals(422, refusal.httpStatus());
        assertEquals("NO_CONTACT", refusal.code());
    }

    private JsonNode body(String json) throws Exception {
        return mapper.readTree(json);
    }
}
