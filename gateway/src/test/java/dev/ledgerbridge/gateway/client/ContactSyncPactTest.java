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

    static final String ONLY_CUSTOMERS = "the US company only syncs contacts whose lifecycle stage is customer";
    static final String LINK_TO_MERGED_CUSTOMER = "contact 101 is linked to customer 58, which QBO merged into customer 64";
    static final String EVERY_NAME_TAKEN = "QBO uses every readable name for contact Grace Hopper";
    static final String COMPANY_DISCONNECTED = "company 9130350000000077 is not connected";
    private static final String DISCONNECTED_REALM = "9130350000000077";
    private static final String NAME_TAKEN_MESSAGE = "QuickBooks already uses each of the names \"Grace Hopper\","
            + " \"Grace Hopper (grace@example.com)\", \"Grace Hopper (HubSpot contact 106)\" for another customer,"
            + " vendor or employee, so no customer could be created for this contact. Rename one of them in"
            + " QuickBooks and run the action again.";
    private static final String SETTINGS_CHANGE = "{\"mode\":\"SYNC_FILTERS\",\"expectedVersion\":0,\"filterGroups\":"
            + "[{\"filters\":[{\"property\":\"lifecyclestage\",\"operator\":\"EQUALS\",\"values\":[\"customer\"]}]}]}";
    private static final String SYNCS_ONE_COMPANY = "the US company only syncs contacts of company Analytical Engines Ltd";
    private static final String COMPANY_CONNECTED = "the US company is connected";

    @Inject
    ContactSyncClient client;

    @Inject
    ContactSyncSettingsClient settingsClient;

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

    @Pact(consumer = "gateway", provider = PROVIDER)
    V4Pact resolvesAnEligibleContactWithItsFilterProperties(PactDslWithProvider builder) {
        return builder
                .given(ONLY_CUSTOMERS)
                .given("the US company has customer Ada Lovelace")
                .uponReceiving("a request to resolve an eligible contact with the properties the filters read")
                .method("POST").path("/v1/customers/resolve")
                .headers(JSON)
                .matchHeader(ServiceHeaders.CORRELATION_ID, "[ -~]{1,200}", "ap-pact-contact-6")
                .body(newJsonBody(body -> {
                    body.stringMatcher("realmId", "[0-9]{1,32}", REALM);
                    body.integerType("portalId", (int) PORTAL);
                    body.stringType("contactChoice", "101");
                    body.minArrayLike("contacts", 1, contact -> {
                        contact.stringType("id", "101");
                        contact.stringType("firstName", "Ada");
                        contact.stringType("lastName", "Lovelace");
                        contact.stringType("email", "ada@example.com");
                        contact.stringType("company", "Analytical Engines Ltd");
                        contact.stringType("phone", "+44 20 7946 0000");
                        contact.object("properties", properties -> properties.stringValue("lifecyclestage", "customer"));
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

    @Pact(consumer = "gateway", provider = PROVIDER)
    V4Pact asksForFilterPropertiesTheRequestLacks(PactDslWithProvider builder) {
        return builder
                .given(ONLY_CUSTOMERS)
                .uponReceiving("a request to resolve a contact without the properties the filters read")
                .method("POST").path("/v1/customers/resolve")
                .headers(JSON)
                .matchHeader(ServiceHeaders.CORRELATION_ID, "[ -~]{1,200}", "ap-pact-contact-7")
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
                .status(409)
                .headers(JSON)
                .body(newJsonBody(body -> {
                    body.stringValue("code", "FILTER_PROPERTIES_MISSING");
                    body.stringType("message", "The request does not carry the contact properties lifecyclestage.");
                }).build())
                .toPact(V4Pact.class);
    }

    @Pact(consumer = "gateway", provider = PROVIDER)
    V4Pact repairsALinkWhoseCustomerQboMergedAway(PactDslWithProvider builder) {
        return builder
                .given(LINK_TO_MERGED_CUSTOMER)
                .uponReceiving("a request to resolve a contact again after QBO refused its linked customer with 610")
                .method("POST").path("/v1/customers/resolve")
                .headers(JSON)
                .matchHeader(ServiceHeaders.CORRELATION_ID, "[ -~]{1,200}", "ap-pact-contact-8")
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
                    body.stringValue("staleCustomerId", "58");
                }).build())
                .willRespondWith()
                .status(200)
                .headers(JSON)
                .body(newJsonBody(body -> {
                    body.stringType("contactId", "101");
                    body.stringMatcher("customerId", "[0-9]{1,32}", "64");
                    body.stringType("displayName", "Ada Lovelace");
                    body.stringMatcher("resolution", "MATCHED|CREATED", "MATCHED");
                    body.stringValue("replacedCustomerId", "58");
                }).build())
                .toPact(V4Pact.class);
    }

    @Pact(consumer = "gateway", provider = PROVIDER)
    V4Pact refusesWhenEveryReadableNameIsTaken(PactDslWithProvider builder) {
        return refusal(builder, EVERY_NAME_TAKEN,
                "a request to resolve a new contact whose every readable DisplayName QBO already uses",
                "ap-pact-contact-9", "first", "106", "Grace", "Hopper", "grace@example.com", "Navy",
                "CUSTOMER_NAME_TAKEN", NAME_TAKEN_MESSAGE);
    }

    @Pact(consumer = "gateway", provider = PROVIDER)
    V4Pact refusesACompanyThatIsNoLongerConnected(PactDslWithProvider builder) {
        return builder
                .given(COMPANY_DISCONNECTED)
                .uponReceiving("a request to resolve the customer in a company that is no longer connected")
                .method("POST").path("/v1/customers/resolve")
                .headers(JSON)
                .matchHeader(ServiceHeaders.CORRELATION_ID, "[ -~]{1,200}", "ap-pact-contact-10")
                .body(newJsonBody(body -> {
                    body.stringMatcher("realmId", "[0-9]{1,32}", DISCONNECTED_REALM);
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
                .status(422)
                .headers(JSON)
                .body(newJsonBody(body -> {
                    body.stringValue("code", "COMPANY_NOT_CONNECTED");
                    body.stringType("message", "QuickBooks company 9130350000000077 is not connected to LedgerBridge.");
                }).build())
                .toPact(V4Pact.class);
    }

    @Pact(consumer = "gateway", provider = PROVIDER)
    V4Pact previewsAMatchWithoutWriting(PactDslWithProvider builder) {
        return builder
                .given("the US company has customer Ada Lovelace")
                .uponReceiving("a request to preview the customer for contact Ada Lovelace")
                .method("POST").path("/v1/customers/preview")
                .headers(JSON)
                .matchHeader(ServiceHeaders.CORRELATION_ID, "[ -~]{1,200}", "preview-pact-1")
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
                    body.stringValue("outcome", "MATCH");
                    body.stringType("contactId", "101");
                    body.stringMatcher("customerId", "[0-9]{1,32}", "58");
                    body.stringType("displayName", "Ada Lovelace");
                    body.booleanType("reactivate", false);
                    body.stringType("message", "QuickBooks customer \"Ada Lovelace\" (Id 58) would be used.");
                    body.stringMatcher("mode", "LEGACY|SYNC_FILTERS", "LEGACY");
                    body.integerType("settingsVersion", 0);
                }).build())
                .toPact(V4Pact.class);
    }

    @Pact(consumer = "gateway", provider = PROVIDER)
    V4Pact previewsTheRefusalOfAnIneligibleContact(PactDslWithProvider builder) {
        return builder
                .given(SYNCS_ONE_COMPANY)
                .uponReceiving("a request to preview the customer for a contact that fails the sync filters")
                .method("POST").path("/v1/customers/preview")
                .headers(JSON)
                .matchHeader(ServiceHeaders.CORRELATION_ID, "[ -~]{1,200}", "preview-pact-2")
                .body(newJsonBody(body -> {
                    body.stringMatcher("realmId", "[0-9]{1,32}", REALM);
                    body.integerType("portalId", (int) PORTAL);
                    body.stringType("contactChoice", "first");
                    body.minArrayLike("contacts", 1, contact -> {
                        contact.stringType("id", "103");
                        contact.stringType("firstName", "Charles");
                        contact.stringType("lastName", "Babbage");
                        contact.stringType("email", "charles@example.com");
                        contact.stringType("company", "Difference Engines Ltd");
                        contact.stringType("phone", "+44 20 7946 0000");
                    });
                }).build())
                .willRespondWith()
                .status(200)
                .headers(JSON)
                .body(newJsonBody(body -> {
                    body.stringValue("outcome", "REFUSE");
                    body.stringValue("code", "CONTACT_NOT_ELIGIBLE");
                    body.stringType("message", NOT_ELIGIBLE_MESSAGE);
                    body.stringValue("mode", "SYNC_FILTERS");
                    body.integerType("settingsVersion", 1);
                }).build())
                .toPact(V4Pact.class);
    }

    @Pact(consumer = "gateway", provider = PROVIDER)
    V4Pact listsThePropertiesTheFiltersRead(PactDslWithProvider builder) {
        return builder
                .given(ONLY_CUSTOMERS)
                .uponReceiving("a request for the contact properties the company's sync filters read")
                .method("GET").path("/v1/companies/" + REALM + "/matching-settings/properties")
                .willRespondWith()
                .status(200)
                .headers(JSON)
                .body(newJsonBody(body -> {
                    body.stringValue("realmId", REALM);
                    body.stringValue("mode", "SYNC_FILTERS");
                    body.integerType("version", 1);
                    body.array("properties", properties -> properties.stringValue("lifecyclestage"));
                }).build())
                .toPact(V4Pact.class);
    }

    @Pact(consumer = "gateway", provider = PROVIDER)
    V4Pact readsTheMatchingSettings(PactDslWithProvider builder) {
        return builder
                .given(ONLY_CUSTOMERS)
                .uponReceiving("a request for the company's matching settings")
                .method("GET").path("/v1/companies/" + REALM + "/matching-settings")
                .willRespondWith()
                .status(200)
                .headers(JSON)
                .body(newJsonBody(body -> {
                    body.stringValue("realmId", REALM);
                    body.stringValue("mode", "SYNC_FILTERS");
                    body.integerType("version", 1);
                    body.minArrayLike("filterGroups", 1, group -> group.minArrayLike("filters", 1, filter -> {
                        filter.stringType("property", "lifecyclestage");
                        filter.stringType("operator", "EQUALS");
                        filter.array("values", values -> values.stringType("customer"));
                    }));
                }).build())
                .toPact(V4Pact.class);
    }

    @Pact(consumer = "gateway", provider = PROVIDER)
    V4Pact refusesAStaleSettingsChange(PactDslWithProvider builder) {
        return builder
                .given(ONLY_CUSTOMERS)
                .uponReceiving("a change of the matching settings based on an old version")
                .method("PUT").path("/v1/companies/" + REALM + "/matching-settings")
                .headers(Map.of("Content-Type", "application/json", ContactSyncSettingsClient.ACTOR_HEADER,
                        "jane.doe@example.com"))
                .body("{\"mode\":\"LEGACY\",\"expectedVersion\":0,\"filterGroups\":[]}")
                .willRespondWith()
                .status(409)
                .headers(JSON)
                .body(newJsonBody(body -> {
                    body.stringValue("code", "VERSION_CONFLICT");
                    body.stringType("message", "The settings changed since they were read.");
                }).build())
                .toPact(V4Pact.class);
    }

    @Pact(consumer = "gateway", provider = PROVIDER)
    V4Pact changesTheMatchingSettings(PactDslWithProvider builder) {
        return builder
                .given(COMPANY_CONNECTED)
                .uponReceiving("a change of the matching settings to sync filters")
                .method("PUT").path("/v1/companies/" + REALM + "/matching-settings")
                .headers(Map.of("Content-Type", "application/json", ContactSyncSettingsClient.ACTOR_HEADER,
                        "jane.doe@example.com"))
                .body(SETTINGS_CHANGE)
                .willRespondWith()
                .status(200)
                .headers(JSON)
                .body(newJsonBody(body -> {
                    body.stringValue("realmId", REALM);
                    body.stringValue("mode", "SYNC_FILTERS");
                    body.integerType("version", 1);
                    body.stringValue("updatedBy", "jane.doe@example.com");
                }).build())
                .toPact(V4Pact.class);
    }

    @Pact(consumer = "gateway", provider = PROVIDER)
    V4Pact readsTheSettingsHistory(PactDslWithProvider builder) {
        return builder
                .given(ONLY_CUSTOMERS)
                .uponReceiving("a request for the audited changes of the matching settings")
                .method("GET").path("/v1/companies/" + REALM + "/matching-settings/history")
                .query("limit=10")
                .willRespondWith()
                .status(200)
                .headers(JSON)
                .body(au.com.dius.pact.consumer.dsl.LambdaDsl.newJsonArrayMinLike(1, change -> change.object(entry -> {
                    entry.integerType("version", 1);
                    entry.stringType("actor", "pact");
                    entry.object("after", after -> after.stringValue("mode", "SYNC_FILTERS"));
                })).build())
                .toPact(V4Pact.class);
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

    private static CustomerResolveRequest.Contact ada(Map<String, String> properties) {
        return new CustomerResolveRequest.Contact("101", "Ada", "Lovelace", "ada@example.com", "Analytical Engines Ltd",
                "+44 20 7946 0000", properties);
    }

    @Test
    @PactTestFor(pactMethod = "resolvesAnEligibleContactWithItsFilterProperties")
    void shouldSendTheFilterPropertiesOfTheContacts() {
        ResolvedCustomer customer = client.resolve("ap-pact-contact-6", new CustomerResolveRequest(REALM, PORTAL, "101",
                List.of(ada(Map.of("lifecyclestage", "customer"))))).await().atMost(Duration.ofSeconds(10));

        assertEquals("58", customer.customerId());
    }

    @Test
    @PactTestFor(pactMethod = "asksForFilterPropertiesTheRequestLacks")
    void shouldTurnMissingFilterPropertiesIntoA409Refusal() {
        ServiceRefusalException refusal = assertThrows(ServiceRefusalException.class, () -> client.resolve(
                "ap-pact-contact-7", new CustomerResolveRequest(REALM, PORTAL, "first", List.of(ada(null))))
                .await().atMost(Duration.ofSeconds(10)));

        assertEquals(409, refusal.httpStatus());
        assertEquals("FILTER_PROPERTIES_MISSING", refusal.code());
    }

    @Test
    @PactTestFor(pactMethod = "repairsALinkWhoseCustomerQboMergedAway")
    void shouldReportTheStaleCustomerAndReadTheReplacement() {
        ResolvedCustomer customer = client.resolve("ap-pact-contact-8", new CustomerResolveRequest(REALM, PORTAL,
                "first", List.of(ada(null))).reportingStale("58")).await().atMost(Duration.ofSeconds(10));

        assertEquals(new ResolvedCustomer("101", "64", "Ada Lovelace", "MATCHED", "58"), customer);
    }

    @Test
    @PactTestFor(pactMethod = "refusesWhenEveryReadableNameIsTaken")
    void shouldTurnTakenNamesIntoARefusal() {
        assertRefused("ap-pact-contact-9", new CustomerResolveRequest(REALM, PORTAL, "first", List.of(
                new CustomerResolveRequest.Contact("106", "Grace", "Hopper", "grace@example.com", "Navy",
                        "+44 20 7946 0000"))), "CUSTOMER_NAME_TAKEN", NAME_TAKEN_MESSAGE);
    }

    @Test
    @PactTestFor(pactMethod = "refusesACompanyThatIsNoLongerConnected")
    void shouldTurnADisconnectedCompanyIntoARefusal() {
        ServiceRefusalException refusal = assertThrows(ServiceRefusalException.class, () -> client.resolve(
                "ap-pact-contact-10", new CustomerResolveRequest(DISCONNECTED_REALM, PORTAL, "first",
                        List.of(ada(null)))).await().atMost(Duration.ofSeconds(10)));

        assertEquals("COMPANY_NOT_CONNECTED", refusal.code());
    }

    @Test
    @PactTestFor(pactMethod = "previewsAMatchWithoutWriting")
    void shouldReadAPreviewedMatch() {
        CustomerPreview preview = client.preview("preview-pact-1", new CustomerResolveRequest(REALM, PORTAL, "first",
                List.of(ada(null)))).await().atMost(Duration.ofSeconds(10));

        assertEquals("MATCH", preview.outcome());
        assertEquals("58", preview.customerId());
        assertEquals(Boolean.FALSE, preview.reactivate());
    }

    @Test
    @PactTestFor(pactMethod = "previewsTheRefusalOfAnIneligibleContact")
    void shouldReadAPreviewedRefusal() {
        CustomerPreview preview = client.preview("preview-pact-2", new CustomerResolveRequest(REALM, PORTAL, "first",
                List.of(new CustomerResolveRequest.Contact("103", "Charles", "Babbage", "charles@example.com",
                        "Difference Engines Ltd", "+44 20 7946 0000")))).await().atMost(Duration.ofSeconds(10));

        assertEquals("REFUSE", preview.outcome());
        assertEquals("CONTACT_NOT_ELIGIBLE", preview.code());
        assertEquals(NOT_ELIGIBLE_MESSAGE, preview.message());
    }

    @Test
    @PactTestFor(pactMethod = "listsThePropertiesTheFiltersRead")
    void shouldReadTheFilterProperties() {
        FilterProperties properties = client.filterProperties(REALM).await().atMost(Duration.ofSeconds(10));

        assertEquals(List.of("lifecyclestage"), properties.properties());
    }

    @Test
    @PactTestFor(pactMethod = "readsTheMatchingSettings")
    void shouldPassTheSettingsOn() {
        String settings = settingsClient.get(REALM).await().atMost(Duration.ofSeconds(10));

        org.junit.jupiter.api.Assertions.assertTrue(settings.contains("\"SYNC_FILTERS\""), settings);
    }

    @Test
    @PactTestFor(pactMethod = "refusesAStaleSettingsChange")
    void shouldPassAVersionConflictOnUnchanged() {
        ServiceAnswerException answer = assertThrows(ServiceAnswerException.class, () -> settingsClient.put(REALM,
                "jane.doe@example.com", "{\"mode\":\"LEGACY\",\"expectedVersion\":0,\"filterGroups\":[]}")
                .await().atMost(Duration.ofSeconds(10)));

        assertEquals(409, answer.status());
        org.junit.jupiter.api.Assertions.assertTrue(answer.body().contains("VERSION_CONFLICT"), answer.body());
    }

    @Test
    @PactTestFor(pactMethod = "changesTheMatchingSettings")
    void shouldSendASettingsChangeWithItsActor() {
        String changed = settingsClient.put(REALM, "jane.doe@example.com", SETTINGS_CHANGE)
                .await().atMost(Duration.ofSeconds(10));

        org.junit.jupiter.api.Assertions.assertTrue(changed.contains("\"version\":1"), changed);
    }

    @Test
    @PactTestFor(pactMethod = "readsTheSettingsHistory")
    void shouldPassTheHistoryOn() {
        String history = settingsClient.history(REALM, 10).await().atMost(Duration.ofSeconds(10));

        org.junit.jupiter.api.Assertions.assertTrue(history.startsWith("["), history);
    }

    private void assertRefused(String correlationId, CustomerResolveRequest request, String code, String message) {
        ServiceRefusalException refusal = assertThrows(ServiceRefusalException.class,
                () -> client.resolve(correlationId, request).await().atMost(Duration.ofSeconds(10)));

        assertEquals(422, refusal.httpStatus());
        assertEquals(code, refusal.code());
        assertEquals(message, refusal.getMessage());
    }
}
