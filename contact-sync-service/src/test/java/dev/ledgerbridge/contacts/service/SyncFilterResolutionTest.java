package dev.ledgerbridge.contacts.service;

import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static dev.ledgerbridge.contacts.QboStubs.QBO_PATH;
import static dev.ledgerbridge.contacts.QboStubs.REALM;
import static dev.ledgerbridge.contacts.QboStubs.anyQboCall;
import static dev.ledgerbridge.contacts.QboStubs.customer;
import static dev.ledgerbridge.contacts.QboStubs.customerQuery;
import static dev.ledgerbridge.contacts.QboStubs.customerResponse;
import static dev.ledgerbridge.contacts.QboStubs.emailQuery;
import static dev.ledgerbridge.contacts.QboStubs.queryResponse;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.ledgerbridge.contacts.Contact;
import dev.ledgerbridge.contacts.CustomerResolutionRefusal;
import dev.ledgerbridge.contacts.CustomerResolutionRefusal.Code;
import dev.ledgerbridge.contacts.FilterPropertiesMissingException;
import dev.ledgerbridge.contacts.InjectWireMock;
import dev.ledgerbridge.contacts.QboStubs;
import dev.ledgerbridge.contacts.Resolution;
import dev.ledgerbridge.contacts.ResolveCustomerCommand;
import dev.ledgerbridge.contacts.ResolvedCustomer;
import dev.ledgerbridge.contacts.SyncFilter;
import dev.ledgerbridge.contacts.SyncFilterGroup;
import dev.ledgerbridge.contacts.UpdateMatchingSettingsCommand;
import dev.ledgerbridge.contacts.WireMockResource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.vertx.RunOnVertxContext;
import io.quarkus.test.vertx.UniAsserter;
import io.restassured.http.ContentType;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Resolution in a SYNC_FILTERS company (R7): an ineligible contact is refused without any QBO call, an eligible one
 * is matched or created as in LEGACY mode; a LEGACY company ignores the filters it keeps.
 */
@QuarkusTest
@WithTestResource(value = WireMockResource.class, scope = TestResourceScope.GLOBAL)
class SyncFilterResolutionTest {

    private static final long PORTAL = 40213377L;
    private static final List<SyncFilterGroup> CUSTOMERS_ONLY = List.of(new SyncFilterGroup(List.of(
            new SyncFilter("lifecyclestage", "EQUALS", List.of("customer")))));
    private static final Contact ADA_CUSTOMER = new Contact("101", "Ada", "Lovelace", "ada@example.com", null, null,
            Map.of("lifecyclestage", "customer"));
    private static final Contact ADA_LEAD = new Contact("101", "Ada", "Lovelace", "ada@example.com", null, null,
            Map.of("lifecyclestage", "lead"));
    private static final String NOT_ELIGIBLE = "This contact does not pass the QuickBooks sync filters: lifecycle stage"
            + " is lead, must be customer.";

    @InjectWireMock
    WireMockServer wireMock;

    @Inject
    CustomerResolutionService resolution;

    @Inject
    MatchingSettingsService settings;

    @Inject
    Pool pool;

    @BeforeEach
    void reset() {
        QboStubs.reset(wireMock);
        clean();
    }

    // The realm is shared with the LEGACY tests of other classes: leave it on the defaults.
    @AfterEach
    void clean() {
        pool.query("DELETE FROM contact_link").execute()
                .chain(() -> pool.preparedQuery("DELETE FROM matching_settings WHERE realm_id = $1").execute(Tuple.of(REALM)))
                .chain(() -> pool.preparedQuery("DELETE FROM matching_settings_audit WHERE realm_id = $1")
                        .execute(Tuple.of(REALM)))
                .await().atMost(Duration.ofSeconds(10));
    }

    private void setMode(UniAsserter asserter, String mode) {
        asserter.execute(() -> settings.update(new UpdateMatchingSettingsCommand(REALM, mode, CUSTOMERS_ONLY, 0, "test")));
    }

    private void setMode(String mode) {
        settings.update(new UpdateMatchingSettingsCommand(REALM, mode, CUSTOMERS_ONLY, 0, "test"))
                .await().atMost(Duration.ofSeconds(10));
    }

    private static ResolveCustomerCommand command(Contact contact) {
        return new ResolveCustomerCommand(REALM, PORTAL, null, List.of(contact), "ap-7");
    }

    // Resolution runs Hibernate Reactive, so it must run on a Vert.x context: UniAsserter, not await().
    private void assertResolved(UniAsserter asserter, Contact contact, Resolution expected) {
        asserter.assertThat(() -> resolution.resolve(command(contact)),
                resolved -> assertEquals(expected, resolved.resolution()));
    }

    private void assertRefused(UniAsserter asserter, Contact contact, String message) {
        asserter.assertFailedWith(() -> resolution.resolve(command(contact)), failure -> {
            CustomerResolutionRefusal refusal = assertInstanceOf(CustomerResolutionRefusal.class, failure);
            assertEquals(Code.CONTACT_NOT_ELIGIBLE, refusal.code());
            assertEquals(message, refusal.getMessage());
        });
    }

    private void stubAdaInQbo() {
        wireMock.stubFor(customerQuery(emailQuery("'ada@example.com'"))
                .willReturn(queryResponse(customer("58", "Ada Lovelace", "Ada", "Lovelace", "ada@example.com", true))));
    }

    @Test
    @RunOnVertxContext
    void shouldMatchAnEligibleContactAsInLegacyMode(UniAsserter asserter) {
        setMode(asserter, "SYNC_FILTERS");
        stubAdaInQbo();

        asserter.assertThat(() -> resolution.resolve(command(ADA_CUSTOMER)), resolved -> assertEquals(
                new ResolvedCustomer("101", "58", "Ada Lovelace", Resolution.MATCHED), resolved));
        asserter.execute(() -> wireMock.verify(1, anyQboCall()));
    }

    @Test
    @RunOnVertxContext
    void shouldCreateAnEligibleContactThatNoCustomerMatches(UniAsserter asserter) {
        setMode(asserter, "SYNC_FILTERS");
        wireMock.stubFor(customerQuery(emailQuery("'ada@example.com'")).willReturn(queryResponse()));
        wireMock.stubFor(post(urlPathEqualTo(QBO_PATH + "/customer"))
                .willReturn(customerResponse(customer("59", "Ada Lovelace", "Ada", "Lovelace", "ada@example.com", true))));

        assertResolved(asserter, ADA_CUSTOMER, Resolution.CREATED);
        asserter.execute(() -> wireMock.verify(2, anyQboCall()));
    }

    @Test
    @RunOnVertxContext
    void shouldRefuseAnIneligibleContactWithoutAnyQboCallOrLink(UniAsserter asserter) {
        setMode(asserter, "SYNC_FILTERS");
        stubAdaInQbo();

        assertRefused(asserter, ADA_LEAD, NOT_ELIGIBLE);
        asserter.execute(() -> wireMock.verify(0, anyQboCall()));
        asserter.assertThat(() -> pool.query("SELECT count(*) FROM contact_link").execute()
                .map(rows -> rows.iterator().next().getLong(0)), count -> assertEquals(0L, count));
    }

    @Test
    @RunOnVertxContext
    void shouldRefuseALinkedContactThatNoLongerPassesTheFilters(UniAsserter asserter) {
        setMode(asserter, "SYNC_FILTERS");
        stubAdaInQbo();
        assertResolved(asserter, ADA_CUSTOMER, Resolution.MATCHED);
        assertResolved(asserter, ADA_CUSTOMER, Resolution.LINKED);
        asserter.execute(() -> wireMock.resetRequests());

        assertRefused(asserter, ADA_LEAD, NOT_ELIGIBLE);
        asserter.execute(() -> wireMock.verify(0, anyQboCall()));
    }

    @Test
    @RunOnVertxContext
    void shouldIgnoreTheKeptFiltersOfALegacyCompany(UniAsserter asserter) {
        setMode(asserter, "LEGACY");
        stubAdaInQbo();

        assertResolved(asserter, ADA_LEAD, Resolution.MATCHED);
        asserter.execute(() -> wireMock.verify(1, anyQboCall()));
    }

    @Test
    void shouldAnswer422ContactNotEligibleOverHttpWithTheProperties() {
        setMode("SYNC_FILTERS");
        stubAdaInQbo();

        given().contentType(ContentType.JSON).body("""
                        {"realmId": "%s", "portalId": 40213377,
                         "contacts": [{"id": "101", "firstName": "Ada", "lastName": "Lovelace", "email": "ada@example.com",
                                       "properties": {"lifecyclestage": "lead", "country": null}}]}""".formatted(REALM))
                .when().post("/v1/customers/resolve")
                .then().statusCode(422)
                .body("code", equalTo("CONTACT_NOT_ELIGIBLE"))
                .body("message", equalTo(NOT_ELIGIBLE));
        wireMock.verify(0, anyQboCall());

        given().contentType(ContentType.JSON).body("""
                        {"realmId": "%s", "portalId": 40213377,
                         "contacts": [{"id": "101", "firstName": "Ada", "lastName": "Lovelace", "email": "ada@example.com",
                                       "properties": {"lifecyclestage": "customer"}}]}""".formatted(REALM))
                .when().post("/v1/customers/resolve")
                .then().statusCode(200)
                .body("customerId", equalTo("58"))
                .body("resolution", equalTo("MATCHED"));
    }

    @Test
    @RunOnVertxContext
    void shouldRefuseAContactWhosePropertyIsSentAsUnknown(UniAsserter asserter) {
        setMode(asserter, "SYNC_FILTERS");
        Map<String, String> unknown = new HashMap<>();
        unknown.put("lifecyclestage", null);

        assertRefused(asserter, new Contact("101", "Ada", "Lovelace", "ada@example.com", null, null, unknown),
                "This contact does not pass the QuickBooks sync filters: lifecycle stage is unknown, must be customer.");
        asserter.execute(() -> wireMock.verify(0, anyQboCall()));
    }

    @Test
    @RunOnVertxContext
    void shouldAskForTheFilterPropertiesARequestLacksInsteadOfGuessing(UniAsserter asserter) {
        setMode(asserter, "SYNC_FILTERS");

        asserter.assertFailedWith(() -> resolution.resolve(command(
                        new Contact("101", "Ada", "Lovelace", "ada@example.com", null, null))),
                failure -> assertEquals(List.of("lifecyclestage"),
                        assertInstanceOf(FilterPropertiesMissingException.class, failure).missing()));
        asserter.execute(() -> wireMock.verify(0, anyQboCall()));
    }

    @Test
    void shouldAnswer409FilterPropertiesMissingOverHttp() {
        setMode("SYNC_FILTERS");

        given().contentType(ContentType.JSON).body("""
                        {"realmId": "%s", "portalId": 40213377,
                         "contacts": [{"id": "101", "firstName": "Ada", "lastName": "Lovelace", "email": "ada@example.com"}]}"""
                        .formatted(REALM))
                .when().post("/v1/customers/resolve")
                .then().statusCode(409)
                .body("code", equalTo("FILTER_PROPERTIES_MISSING"))
                .body("message", containsString("lifecyclestage"));
        wireMock.verify(0, anyQboCall());
    }
}
