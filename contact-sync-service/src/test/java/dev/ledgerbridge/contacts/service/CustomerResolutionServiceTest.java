package dev.ledgerbridge.contacts.service;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static dev.ledgerbridge.contacts.QboStubs.QBO_PATH;
import static dev.ledgerbridge.contacts.QboStubs.REALM;
import static dev.ledgerbridge.contacts.QboStubs.anyQboCall;
import static dev.ledgerbridge.contacts.QboStubs.customer;
import static dev.ledgerbridge.contacts.QboStubs.customerQuery;
import static dev.ledgerbridge.contacts.QboStubs.customerResponse;
import static dev.ledgerbridge.contacts.QboStubs.customerWrites;
import static dev.ledgerbridge.contacts.QboStubs.emailQuery;
import static dev.ledgerbridge.contacts.QboStubs.fault;
import static dev.ledgerbridge.contacts.QboStubs.queryResponse;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.ledgerbridge.contacts.Contact;
import dev.ledgerbridge.contacts.CustomerResolutionRefusal;
import dev.ledgerbridge.contacts.CustomerResolutionRefusal.Code;
import dev.ledgerbridge.contacts.InjectWireMock;
import dev.ledgerbridge.contacts.QboStubs;
import dev.ledgerbridge.contacts.Resolution;
import dev.ledgerbridge.contacts.ResolveCustomerCommand;
import dev.ledgerbridge.contacts.ResolvedCustomer;
import dev.ledgerbridge.contacts.WireMockResource;
import dev.ledgerbridge.quickbooks.QboFaultException;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.vertx.RunOnVertxContext;
import io.quarkus.test.vertx.UniAsserter;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Arrays;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Customer resolution against QBO in WireMock and the real PostgreSQL, counting every QBO call. */
@QuarkusTest
@WithTestResource(value = WireMockResource.class, scope = TestResourceScope.GLOBAL)
class CustomerResolutionServiceTest {

    static final long PORTAL = 40213377L;
    static final String CALLBACK = "ap-1-2-3";
    static final Contact ADA = new Contact("101", "Ada", "Lovelace", "ada@example.com", null, null);
    static final Contact JOHN_ALPHA = new Contact("104", "John", "Smith", "john.smith@alpha.example", "Alpha Inc.", "+1 555 0104");

    @InjectWireMock
    WireMockServer wireMock;

    @Inject
    CustomerResolutionService service;

    @Inject
    Pool pool;

    @BeforeEach
    void reset() {
        QboStubs.reset(wireMock);
        pool.query("DELETE FROM contact_link").execute().await().atMost(Duration.ofSeconds(10));
    }

    static ResolveCustomerCommand command(String choice, Contact... contacts) {
        return new ResolveCustomerCommand(REALM, PORTAL, choice, Arrays.asList(contacts), CALLBACK);
    }

    private void assertResolved(UniAsserter asserter, ResolveCustomerCommand command, Consumer<ResolvedCustomer> check) {
        asserter.assertThat(() -> service.resolve(command), check);
    }

    private void assertRefused(UniAsserter asserter, ResolveCustomerCommand command, Code code) {
        asserter.assertFailedWith(() -> service.resolve(command),
                failure -> assertEquals(code, assertInstanceOf(CustomerResolutionRefusal.class, failure).code()));
    }

    // Reactive: these checks run on the Vert.x event loop, which must never block.
    private void assertLink(UniAsserter asserter, String contactId, Consumer<Row> check) {
        asserter.assertThat(() -> pool.preparedQuery("SELECT customer_id, display_name, email, resolution"
                                + " FROM contact_link WHERE realm_id = $1 AND portal_id = $2 AND contact_id = $3")
                        .execute(Tuple.of(REALM, PORTAL, contactId))
                        .map(rows -> rows.size() == 0 ? null : rows.iterator().next()),
                check);
    }

    @Test
    @RunOnVertxContext
    void shouldMatchTheFirstContactByNameAndEmailWithOneQboCall(UniAsserter asserter) {
        wireMock.stubFor(customerQuery(emailQuery("'ada@example.com'"))
                .willReturn(queryResponse(customer("58", "Ada Lovelace", "Ada", "Lovelace", "ada@example.com", true))));

        assertResolved(asserter, command(null, ADA, JOHN_ALPHA), resolved -> assertEquals(
                new ResolvedCustomer("101", "58", "Ada Lovelace", Resolution.MATCHED), resolved));
        asserter.execute(() -> {
            wireMock.verify(1, anyQboCall());
            wireMock.verify(getRequestedFor(urlPathEqualTo(QBO_PATH + "/query"))
                    .withHeader("X-LedgerBridge-Correlation-Id", equalTo(CALLBACK))
                    .withHeader("Authorization", equalTo("Bearer test-token")));
        });
        assertLink(asserter, "101", link -> {
            assertEquals("58", link.getString("customer_id"));
            assertEquals("ada@example.com", link.getString("email"));
            assertEquals("MATCHED", link.getString("resolution"));
        });
    }

    @Test
    @RunOnVertxContext
    void shouldReuseTheLinkWithoutAnyQboCall(UniAsserter asserter) {
        wireMock.stubFor(customerQuery(emailQuery("'ada@example.com'"))
                .willReturn(queryResponse(customer("58", "Ada Lovelace", "Ada", "Lovelace", "ada@example.com", true))));

        assertResolved(asserter, command("first", ADA), resolved -> assertEquals(Resolution.MATCHED, resolved.resolution()));
        asserter.execute(() -> wireMock.resetRequests());
        assertResolved(asserter, command("first", ADA), resolved -> assertEquals(
                new ResolvedCustomer("101", "58", "Ada Lovelace", Resolution.LINKED), resolved));
        asserter.execute(() -> wireMock.verify(0, anyQboCall()));
    }

    @Test
    @RunOnVertxContext
    void shouldCreateTheNamedContactWhenNoCustomerHasItsEmail(UniAsserter asserter) {
        wireMock.stubFor(customerQuery(emailQuery("'john.smith@alpha.example'")).willReturn(queryResponse()));
        wireMock.stubFor(post(urlPathEqualTo(QBO_PATH + "/customer"))
                .willReturn(customerResponse(customer("59", "John Smith", "John", "Smith", "john.smith@alpha.example", true))));
        ResolveCustomerCommand command = command("104", ADA, JOHN_ALPHA);

        assertResolved(asserter, command, resolved -> assertEquals(
                new ResolvedCustomer("104", "59", "John Smith", Resolution.CREATED), resolved));
        asserter.execute(() -> {
            wireMock.verify(2, anyQboCall());
            wireMock.verify(1, customerWrites()
                    .withQueryParam("requestid", equalTo(CustomerResolutionService.createRequestId(command, JOHN_ALPHA, "John Smith")))
                    .withRequestBody(equalToJson("""
                            {"DisplayName": "John Smith", "GivenName": "John", "FamilyName": "Smith",
                             "PrimaryEmailAddr": {"Address": "john.smith@alpha.example"}, "CompanyName": "Alpha Inc.",
                             "PrimaryPhone": {"FreeFormNumber": "+1 555 0104"}}""")));
        });
        assertLink(asserter, "104", link -> assertEquals("CREATED", link.getString("resolution")));
        assertLink(asserter, "101", link -> assertNull(link));
    }

    @Test
    @RunOnVertxContext
    void shouldRefuseAContactThatIsNotAssociatedWithoutCallingQbo(UniAsserter asserter) {
        assertRefused(asserter, command("999", ADA, JOHN_ALPHA), Code.CONTACT_NOT_ASSOCIATED);
        asserter.execute(() -> wireMock.verify(0, anyQboCall()));
    }

    @Test
    @RunOnVertxContext
    void shouldRefuseARecordWithoutContactsWithoutCallingQbo(UniAsserter asserter) {
        assertRefused(asserter, command(null), Code.NO_CONTACT);
        assertRefused(asserter, command(null, new Contact("108", null, " ", null, "Acme", null)), Code.CONTACT_INCOMPLETE);
        asserter.execute(() -> wireMock.verify(0, anyQboCall()));
    }

    @Test
    @RunOnVertxContext
    void shouldMatchDespiteCaseSpacesAndDecomposedAccents(UniAsserter asserter) {
        // Seed contact 103 is stored in NFD with odd case and spaces; the QBO customer is NFC.
        Contact zoe = new Contact("103", " ZOE\u0308", "a\u030And  ", " zoe@example.com ", null, null);
        wireMock.stubFor(customerQuery(emailQuery("'zoe@example.com'"))
                .willReturn(queryResponse(customer("61", "Zoë Ånd", "Zoë", "Ånd", "Zoe@Example.com", true))));

        assertResolved(asserter, command(null, zoe), resolved -> assertEquals(
                new ResolvedCustomer("103", "61", "Zoë Ånd", Resolution.MATCHED), resolved));
        asserter.execute(() -> wireMock.verify(0, customerWrites()));
    }

    @Test
    @RunOnVertxContext
    void shouldEscapeApostrophesInTheQueryAndMatchTheExistingCustomer(UniAsserter asserter) {
        Contact sean = new Contact("110", "Seán", "O'Brien-Łukasz", "sean.o'brien@example.com", null, null);
        wireMock.stubFor(customerQuery(emailQuery("'sean.o\\'brien@example.com'"))
                .willReturn(queryResponse(customer("77", "Seán O'Brien-Łukasz", "Seán", "O'Brien-Łukasz",
                        "sean.o'brien@example.com", true))));

        assertResolved(asserter, command(null, sean), resolved -> assertEquals(
                new ResolvedCustomer("110", "77", "Seán O'Brien-Łukasz", Resolution.MATCHED), resolved));
        asserter.execute(() -> {
            wireMock.verify(1, anyQboCall());
            wireMock.verify(0, customerWrites());
        });
    }

    @Test
    @RunOnVertxContext
    void shouldMatchANameWithApostropheAndBackslash(UniAsserter asserter) {
        Contact renee = new Contact("107", "Renée", "D'Arcy \\ Sons", "renee@example.com", null, null);
        wireMock.stubFor(customerQuery(emailQuery("'renee@example.com'"))
                .willReturn(queryResponse(customer("78", "Renée D'Arcy \\ Sons", "Renée", "D'Arcy \\ Sons",
                        "renee@example.com", true))));

        assertResolved(asserter, command(null, renee), resolved -> assertEquals("78", resolved.customerId()));
        asserter.execute(() -> wireMock.verify(0, customerWrites()));
    }

    @Test
    @RunOnVertxContext
    void shouldCreateACustomerWhenTheEmailMatchesButTheNameDiffers(UniAsserter asserter) {
        Contact johnBeta = new Contact("105", "John", "Smith", "john.smith@beta.example", null, null);
        wireMock.stubFor(customerQuery(emailQuery("'john.smith@beta.example'"))
                .willReturn(queryResponse(customer("12", "Jane Smith", "Jane", "Smith", "john.smith@beta.example", true))));
        wireMock.stubFor(post(urlPathEqualTo(QBO_PATH + "/customer"))
                .willReturn(customerResponse(customer("62", "John Smith", "John", "Smith", "john.smith@beta.example", true))));

        assertResolved(asserter, command(null, johnBeta), resolved -> assertEquals(
                new ResolvedCustomer("105", "62", "John Smith", Resolution.CREATED), resolved));
        asserter.execute(() -> wireMock.verify(1, customerWrites()));
    }

    @Test
    @RunOnVertxContext
    void shouldPickTheLowestFullyMatchingIdAmongSeveralCustomersWithTheEmail(UniAsserter asserter) {
        wireMock.stubFor(customerQuery(emailQuery("'ada@example.com'")).willReturn(queryResponse(
                customer("120", "Ada Lovelace (2)", "Ada", "Lovelace", "ada@example.com", true),
                customer("9", "Ada Byron", "Ada", "Byron", "ada@example.com", true),
                customer("75", "Ada Lovelace", "ada", "lovelace", "ADA@example.com", true))));

        assertResolved(asserter, command(null, ADA), resolved -> assertEquals("75", resolved.customerId()));
    }

    @Test
    @RunOnVertxContext
    void shouldUseTheNextReadableDisplayNameWhenQboSaysTheNameIsTaken(UniAsserter asserter) {
        // Seed: a QBO vendor is called "Grace Hopper", so the first create fails with 6240.
        Contact grace = new Contact("106", "Grace", "Hopper", "grace@example.com", null, null);
        ResolveCustomerCommand command = command(null, grace);
        String firstId = CustomerResolutionService.createRequestId(command, grace, "Grace Hopper");
        String secondId = CustomerResolutionService.createRequestId(command, grace, "Grace Hopper (grace@example.com)");
        wireMock.stubFor(customerQuery(emailQuery("'grace@example.com'")).willReturn(queryResponse()));
        wireMock.stubFor(post(urlPathEqualTo(QBO_PATH + "/customer")).withQueryParam("requestid", equalTo(firstId))
                .willReturn(fault("6240", "Duplicate Name Exists Error")));
        wireMock.stubFor(post(urlPathEqualTo(QBO_PATH + "/customer")).withQueryParam("requestid", equalTo(secondId))
                .willReturn(customerResponse(customer("63", "Grace Hopper (grace@example.com)", "Grace", "Hopper",
                        "grace@example.com", true))));

        assertResolved(asserter, command, resolved -> assertEquals(
                new ResolvedCustomer("106", "63", "Grace Hopper (grace@example.com)", Resolution.CREATED), resolved));
        asserter.execute(() -> {
            assertNotEquals(firstId, secondId);
            assertEquals(firstId, CustomerResolutionService.createRequestId(command(null, grace), grace, "Grace Hopper"));
            wireMock.verify(3, anyQboCall());
            wireMock.verify(1, customerWrites().withRequestBody(matchingJsonPath("$.DisplayName", equalTo("Grace Hopper"))));
            wireMock.verify(1, customerWrites().withRequestBody(
                    matchingJsonPath("$.DisplayName", equalTo("Grace Hopper (grace@example.com)"))));
        });
        assertLink(asserter, "106", link -> assertEquals("Grace Hopper (grace@example.com)", link.getString("display_name")));
    }

    @Test
    @RunOnVertxContext
    void shouldRefuseWhenEveryReadableDisplayNameIsTaken(UniAsserter asserter) {
        Contact grace = new Contact("106", "Grace", "Hopper", "grace@example.com", null, null);
        wireMock.stubFor(customerQuery(emailQuery("'grace@example.com'")).willReturn(queryResponse()));
        wireMock.stubFor(post(urlPathEqualTo(QBO_PATH + "/customer")).willReturn(fault("6240", "Duplicate Name Exists Error")));

        assertRefused(asserter, command(null, grace), Code.CUSTOMER_NAME_TAKEN);
        asserter.execute(() -> {
            wireMock.verify(3, customerWrites());
            wireMock.verify(1, customerWrites().withRequestBody(
                    matchingJsonPath("$.DisplayName", equalTo("Grace Hopper (HubSpot contact 106)"))));
        });
        assertLink(asserter, "106", link -> assertNull(link));
    }

    @Test
    @RunOnVertxContext
    void shouldReactivateAnInactiveMatchingCustomerInsteadOfCreatingADuplicate(UniAsserter asserter) {
        Contact old = new Contact("111", "Old", "Customer", "old@example.com", null, null);
        wireMock.stubFor(customerQuery(emailQuery("'old@example.com'"))
                .willReturn(queryResponse(customer("90", "Old Customer", "Old", "Customer", "old@example.com", false))));
        wireMock.stubFor(post(urlPathEqualTo(QBO_PATH + "/customer"))
                .willReturn(customerResponse(customer("90", "Old Customer", "Old", "Customer", "old@example.com", true))));

        assertResolved(asserter, command(null, old), resolved -> assertEquals(
                new ResolvedCustomer("111", "90", "Old Customer", Resolution.MATCHED), resolved));
        asserter.execute(() -> {
            wireMock.verify(2, anyQboCall());
            wireMock.verify(1, customerWrites().withQueryParam("requestid", containing(""))
                    .withRequestBody(equalToJson("{\"sparse\": true, \"Id\": \"90\", \"SyncToken\": \"3\", \"Active\": true}")));
        });
    }

    @Test
    @RunOnVertxContext
    void shouldCreateWithoutAQueryWhenTheContactHasNoEmail(UniAsserter asserter) {
        Contact noEmail = new Contact("112", "Mary", "Jackson", null, null, null);
        wireMock.stubFor(post(urlPathEqualTo(QBO_PATH + "/customer"))
                .willReturn(customerResponse(customer("64", "Mary Jackson", "Mary", "Jackson", null, true))));

        assertResolved(asserter, command(null, noEmail), resolved -> assertEquals(Resolution.CREATED, resolved.resolution()));
        asserter.execute(() -> wireMock.verify(1, anyQboCall()));
        assertLink(asserter, "112", link -> assertNull(link.getString("email")));
    }

    @Test
    @RunOnVertxContext
    void shouldFailWithTheQboFaultAndLinkNothing(UniAsserter asserter) {
        wireMock.stubFor(customerQuery(emailQuery("'ada@example.com'")).willReturn(fault("6000", "A business validation error has occurred")));

        asserter.assertFailedWith(() -> service.resolve(command(null, ADA)),
                failure -> assertEquals("6000", assertInstanceOf(QboFaultException.class, failure).firstCode()));
        assertLink(asserter, "101", link -> assertNull(link));
    }
}
