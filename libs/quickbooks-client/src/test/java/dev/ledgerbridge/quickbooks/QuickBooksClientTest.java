package dev.ledgerbridge.quickbooks;

import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.ledgerbridge.quickbooks.model.CompanyInfo;
import dev.ledgerbridge.quickbooks.model.Customer;
import dev.ledgerbridge.quickbooks.model.EmailAddress;
import dev.ledgerbridge.quickbooks.model.Invoice;
import dev.ledgerbridge.quickbooks.model.Item;
import dev.ledgerbridge.quickbooks.model.Line;
import dev.ledgerbridge.quickbooks.model.PaymentMethod;
import dev.ledgerbridge.quickbooks.model.Preferences;
import dev.ledgerbridge.quickbooks.model.Ref;
import dev.ledgerbridge.quickbooks.query.QboQuery;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class QuickBooksClientTest {

    private static final String REALM = "9130350000000001";
    private static final String API = "/v3/company/" + REALM;
    private static final Duration WAIT = Duration.ofSeconds(10);

    @RegisterExtension
    static WireMockExtension qbo = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    private static Vertx vertx;
    private final AtomicInteger tokenRequests = new AtomicInteger();
    private QuickBooksClient client;

    @BeforeAll
    static void startVertx() {
        vertx = Vertx.vertx();
    }

    @AfterAll
    static void stopVertx() {
        vertx.closeAndAwait();
    }

    @BeforeEach
    void createClient() {
        client = newClient(QuickBooksClientConfig.defaults(URI.create(qbo.baseUrl()))
                .withThrottling(2, Duration.ofMillis(1)));
    }

    @AfterEach
    void closeClient() {
        client.close();
    }

    private QuickBooksClient newClient(QuickBooksClientConfig config) {
        return new QuickBooksClient(vertx, config, realmId -> {
            tokenRequests.incrementAndGet();
            return Uni.createFrom().item("sandbox-qbo-" + realmId);
        });
    }

    private QboCompany company() {
        return client.company(REALM);
    }

    // ---- queries, URL encoding, minorversion, headers ---------------------------------------------------------

    @Test
    void shouldSendAnEscapedAndUrlEncodedStatementWithMinorVersion() {
        qbo.stubFor(get(urlPathEqualTo(API + "/query")).willReturn(okJson("""
                {"QueryResponse":{"Customer":[{"Id":"58","SyncToken":"0","DisplayName":"O'Brien \\\\ Sons"}],
                 "startPosition":1,"maxResults":1},"time":"2026-03-02T09:17:31.892-07:00"}""")));

        QboPage<Customer> page = company().query(Customer.class,
                QboQuery.selectFrom(Customer.class).whereEquals("DisplayName", "O'Brien \\ Sons")).await().atMost(WAIT);

        assertEquals("O'Brien \\ Sons", page.items().get(0).displayName());
        assertEquals(1, page.startPosition());
        assertEquals(1, page.maxResults());
        qbo.verify(1, getRequestedFor(urlEqualTo(API + "/query?query=SELECT%20*%20FROM%20Customer%20WHERE%20DisplayName"
                + "%20%3D%20%27O%5C%27Brien%20%5C%5C%20Sons%27&minorversion=75"))
                .withQueryParam("query", equalTo("SELECT * FROM Customer WHERE DisplayName = 'O\\'Brien \\\\ Sons'")));
    }

    @Test
    void shouldQueryPaymentMethodsUnderTheirQboName() {
        qbo.stubFor(get(urlPathEqualTo(API + "/query")).willReturn(okJson("""
                {"QueryResponse":{"PaymentMethod":[{"Id":"3","SyncToken":"0","Name":"Visa","Type":"CREDIT_CARD",
                 "Active":true}],"startPosition":1,"maxResults":1}}""")));

        QboPage<PaymentMethod> page = company().query(PaymentMethod.class,
                QboQuery.selectFrom(PaymentMethod.class).whereEquals("Id", "3")).await().atMost(WAIT);

        assertEquals("Visa", page.items().get(0).name());
        assertEquals("CREDIT_CARD", page.items().get(0).type());
        qbo.verify(1, getRequestedFor(urlPathEqualTo(API + "/query"))
                .withQueryParam("query", equalTo("SELECT * FROM PaymentMethod WHERE Id = '3'")));
    }

    @Test
    void shouldUrlEncodeAccentsAndDoubleQuotesAsUtf8() {
        qbo.stubFor(get(urlPathEqualTo(API + "/query")).willReturn(okJson("{\"QueryResponse\":{}}")));

        QboPage<Customer> page = company().query(Customer.class,
                QboQuery.selectFrom(Customer.class).whereEquals("DisplayName", "Zo\u00eb \"Z\" \u00c5nd")).await().atMost(WAIT);

        assertTrue(page.items().isEmpty());
        assertEquals(1, page.startPosition());
        qbo.verify(1, getRequestedFor(urlEqualTo(API + "/query?query=SELECT%20*%20FROM%20Customer%20WHERE%20DisplayName"
                + "%20%3D%20%27Zo%C3%AB%20%22Z%22%20%C3%85nd%27&minorversion=75")));
    }

    @Test
    void shouldKeepAnInjectionAttemptInsideTheQueryParameter() {
        qbo.stubFor(get(urlPathEqualTo(API + "/query")).willReturn(okJson("{\"QueryResponse\":{}}")));

        company().query(Customer.class, QboQuery.selectFrom(Customer.class)
                .whereEquals("DisplayName", "x' OR Name = 'y&minorversion=1\n")).await().atMost(WAIT);

        LoggedRequest request = qbo.getAllServeEvents().get(0).getRequest();
        assertEquals("SELECT * FROM Customer WHERE DisplayName = 'x\\' OR Name = \\'y&minorversion=1\n'",
                request.queryParameter("query").firstValue());
        assertEquals(List.of("75"), request.queryParameter("minorversion").values());
    }

    @Test
    void shouldSendBearerTokenFromTheProviderAndJsonAccept() {
        qbo.stubFor(get(urlPathEqualTo(API + "/item/21")).willReturn(okJson("{\"Item\":{\"Id\":\"21\",\"Name\":\"Onboarding\"}}")));

        Item item = company().read(Item.class, "21").await().atMost(WAIT);

        assertEquals("Onboarding", item.name());
        qbo.verify(1, getRequestedFor(urlEqualTo(API + "/item/21?minorversion=75"))
                .withHeader("Authorization", equalTo("Bearer sandbox-qbo-" + REALM))
                .withHeader("Accept", equalTo("application/json"))
                .withHeader(QuickBooksClient.CORRELATION_HEADER, absent()));
        assertEquals(1, tokenRequests.get());
    }

    @Test
    void shouldSendTheCorrelationHeaderOnlyOnTheTaggedHandle() {
        qbo.stubFor(get(urlPathEqualTo(API + "/preferences")).willReturn(okJson("{\"Preferences\":{}}")));

        company().withCorrelationId("ap-1-2-3-0").preferences().await().atMost(WAIT);
        company().preferences().await().atMost(WAIT);

        qbo.verify(1, getRequestedFor(urlPathEqualTo(API + "/preferences"))
                .withHeader(QuickBooksClient.CORRELATION_HEADER, equalTo("ap-1-2-3-0")));
        qbo.verify(1, getRequestedFor(urlPathEqualTo(API + "/preferences"))
                .withHeader(QuickBooksClient.CORRELATION_HEADER, absent()));
    }

    @Test
    void shouldSendTheConfiguredMinorVersionOnEveryKindOfCall() {
        client.close();
        client = newClient(new QuickBooksClientConfig(URI.create(qbo.baseUrl() + "/"), 77, Duration.ofSeconds(5), 0,
                Duration.ZERO));
        qbo.stubFor(get(urlPathEqualTo(API + "/query")).willReturn(okJson("{\"QueryResponse\":{\"totalCount\":4}}")));
        qbo.stubFor(get(urlPathEqualTo(API + "/companyinfo/" + REALM)).willReturn(okJson("{\"CompanyInfo\":{\"Id\":\"1\"}}")));
        qbo.stubFor(get(urlPathEqualTo(API + "/cdc")).willReturn(okJson("{\"CDCResponse\":[]}")));
        qbo.stubFor(post(urlPathEqualTo(API + "/customer")).willReturn(okJson("{\"Customer\":{\"Id\":\"1\"}}")));

        assertEquals(4L, company().count(QboQuery.countFrom(Customer.class)).await().atMost(WAIT));
        company().companyInfo().await().atMost(WAIT);
        company().cdc(Set.of(Customer.class), OffsetDateTime.parse("2026-03-01T00:00:00Z")).await().atMost(WAIT);
        company().create(Customer.builder().displayName("Ada").build(), "r1").await().atMost(WAIT);
        company().sparseUpdate(Customer.builder().id("1").syncToken("0").notes("n").build(), "r2").await().atMost(WAIT);

        List<LoggedRequest> requests = qbo.findAll(WireMock.anyRequestedFor(WireMock.anyUrl()));
        assertEquals(5, requests.size());
        for (LoggedRequest request : requests) {
            assertEquals(List.of("77"), request.queryParameter("minorversion").values(), request.getUrl());
            assertTrue(request.getUrl().startsWith(API + "/"), request.getUrl());
        }
    }

    // ---- writes --------------------------------------------------------------------------------------------------

    @Test
    void shouldPostTheCreateBodyWithRequestIdAndReturnTheCreatedEntity() {
        qbo.stubFor(post(urlPathEqualTo(API + "/invoice")).willReturn(okJson("""
                {"Invoice":{"Id":"1207","SyncToken":"0","DocNumber":"1037","TotalAmt":3000.00,"Balance":3000.00,
                 "CustomerRef":{"value":"58","name":"Ada Lovelace"}},"time":"2026-03-02T09:17:31.892-07:00"}""")));
        String requestId = RequestIds.derive("40213377", "ap-1-2-3-0", "invoice");
        Invoice invoice = Invoice.builder()
                .customerRef(Ref.of("58"))
                .txnDate(LocalDate.of(2026, 3, 2))
                .billEmail(EmailAddress.of("ada@example.com"))
                .lines(List.of(Line.salesItem(Ref.of("21"), new BigDecimal("2"), new BigDecimal("1500.00"), "Onboarding")))
                .build();

        Invoice created = company().create(invoice, requestId).await().atMost(WAIT);

        assertEquals("1207", created.id());
        assertEquals(new BigDecimal("3000.00"), created.totalAmt());
        assertEquals("Ada Lovelace", created.customerRef().name());
        qbo.verify(1, postRequestedFor(urlEqualTo(API + "/invoice?requestid=" + requestId + "&minorversion=75"))
                .withHeader("Content-Type", equalTo("application/json"))
                .withRequestBody(equalTo("{\"TxnDate\":\"2026-03-02\",\"CustomerRef\":{\"value\":\"58\"},"
                        + "\"BillEmail\":{\"Address\":\"ada@example.com\"},\"Line\":[{\"Description\":\"Onboarding\","
                        + "\"Amount\":3000.00,\"DetailType\":\"SalesItemLineDetail\",\"SalesItemLineDetail\":"
                        + "{\"ItemRef\":{\"value\":\"21\"},\"Qty\":2,\"UnitPrice\":1500.00}}]}")));
    }

    @Test
    void shouldPostASparseUpdateToTheEntityPath() {
        qbo.stubFor(post(urlPathEqualTo(API + "/customer")).willReturn(okJson(
                "{\"Customer\":{\"Id\":\"58\",\"SyncToken\":\"4\",\"Notes\":\"n\"}}")));

        Customer updated = company().sparseUpdate(Customer.builder().id("58").syncToken("3").notes("n").build(), "upd-1")
                .await().atMost(WAIT);

        assertEquals("4", updated.syncToken());
        qbo.verify(1, postRequestedFor(urlEqualTo(API + "/customer?requestid=upd-1&minorversion=75"))
                .withRequestBody(equalToJson("{\"sparse\":true,\"Id\":\"58\",\"SyncToken\":\"3\",\"Notes\":\"n\"}")));
    }

    @Test
    void shouldRefuseAWriteWithoutAValidRequestIdBeforeCallingQbo() {
        Customer customer = Customer.builder().displayName("Ada").build();

        assertThrows(IllegalArgumentException.class, () -> company().create(customer, null));
        assertThrows(IllegalArgumentException.class, () -> company().create(customer, ""));
        assertThrows(IllegalArgumentException.class, () -> company().create(customer, "x".repeat(51)));
        assertThrows(IllegalArgumentException.class, () -> company().sparseUpdate(
                Customer.builder().id("1").syncToken("0").build(), "with space"));
        assertEquals(0, qbo.getAllServeEvents().size());
    }

    @Test
    void shouldUrlEncodeARequestIdWithReservedCharacters() {
        qbo.stubFor(post(urlPathEqualTo(API + "/customer")).willReturn(okJson("{\"Customer\":{\"Id\":\"1\"}}")));

        company().create(Customer.builder().displayName("Ada").build(), "a&b=c#d").await().atMost(WAIT);

        LoggedRequest request = qbo.getAllServeEvents().get(0).getRequest();
        assertEquals("a&b=c#d", request.queryParameter("requestid").firstValue());
    }

    // ---- faults ----------------------------------------------------------------------------------------------------

    @Test
    void shouldMapAValidationFaultWithCapitalisedKeys() {
        qbo.stubFor(post(urlPathEqualTo(API + "/customer")).willReturn(aResponse().withStatus(400)
                .withHeader("Content-Type", "application/json").withHeader("intuit_tid", "1-abc-42")
                .withBody("""
                        {"Fault":{"Error":[{"Message":"Duplicate Name Exists Error",
                          "Detail":"The name supplied already exists. : Another customer, vendor or employee is already using this name.",
                          "code":"6240","element":""}],"type":"ValidationFault"},"time":"2026-03-02T09:17:31.892-07:00"}""")));

        QboFaultException fault = assertThrows(QboFaultException.class, () -> company()
                .create(Customer.builder().displayName("Ada").build(), "r").await().atMost(WAIT));

        assertEquals(400, fault.httpStatus());
        assertEquals("ValidationFault", fault.faultType());
        assertEquals("6240", fault.firstCode());
        assertTrue(fault.hasCode("6240"));
        assertTrue(fault.isDuplicateName());
        assertTrue(fault.isValidation());
        assertFalse(fault.isAuthentication());
        assertFalse(fault.isThrottled());
        assertEquals("1-abc-42", fault.intuitTid());
        assertEquals(new QboError("Duplicate Name Exists Error",
                "The name supplied already exists. : Another customer, vendor or employee is already using this name.",
                "6240", ""), fault.errors().get(0));
        assertTrue(fault.getMessage().contains("6240 Duplicate Name Exists Error"), fault.getMessage());
        assertFalse(fault.getMessage().contains("Another customer"), "Detail stays out of the message");
        assertEquals(1, qbo.getAllServeEvents().size());
    }

    @Test
    void shouldMapTheLowerCaseTransportFaultOfAnExpiredToken() {
        qbo.stubFor(get(urlPathEqualTo(API + "/companyinfo/" + REALM)).willReturn(aResponse().withStatus(401)
                .withHeader("WWW-Authenticate", "Bearer realm=\"Intuit\", error=\"invalid_token\"")
                .withHeader("intuit_tid", "tid-401").withBody("""
                        {"fault":{"error":[{"message":"message=AuthenticationFailed; errorCode=003200; statusCode=401",
                          "detail":"Token expired: eyJ...","code":"3200"}],"type":"AUTHENTICATION"}}""")));

        QboFaultException fault = assertThrows(QboFaultException.class,
                () -> company().companyInfo().await().atMost(WAIT));

        assertEquals(401, fault.httpStatus());
        assertEquals("AUTHENTICATION", fault.faultType());
        assertEquals("3200", fault.firstCode());
        assertTrue(fault.isAuthentication());
        assertFalse(fault.isValidation());
        assertEquals("Token expired: eyJ...", fault.errors().get(0).detail());
        assertNull(fault.errors().get(0).element());
        assertEquals("tid-401", fault.intuitTid());
    }

    @Test
    void shouldTreatAFaultInsideAn200AsAFailure() {
        qbo.stubFor(get(urlPathEqualTo(API + "/invoice/999")).willReturn(okJson("""
                {"Fault":{"Error":[{"Message":"Object Not Found","Detail":"Object Not Found : Something you're trying to use has been made inactive.","code":"610"}],
                 "type":"ValidationFault"},"time":"2026-03-02T09:17:31.892-07:00"}""")));

        QboFaultException fault = assertThrows(QboFaultException.class,
                () -> company().read(Invoice.class, "999").await().atMost(WAIT));

        assertEquals(200, fault.httpStatus());
        assertTrue(fault.hasCode("610"));
        assertFalse(fault.hasCode("6240"));
    }

    @Test
    void shouldReportANonJsonAnswerClearly() {
        qbo.stubFor(get(urlPathEqualTo(API + "/preferences")).willReturn(aResponse().withStatus(502)
                .withHeader("Content-Type", "text/html").withHeader("intuit_tid", "tid-502")
                .withBody("<html><body>Bad Gateway</body></html>")));

        QboException e = assertThrows(QboException.class, () -> company().preferences().await().atMost(WAIT));

        assertFalse(e instanceof QboFaultException);
        assertEquals(502, e.httpStatus());
        assertTrue(e.isServerError());
        assertEquals("tid-502", e.intuitTid());
        assertTrue(e.getMessage().contains("not JSON") && e.getMessage().contains("text/html"), e.getMessage());
    }

    @Test
    void shouldReportAnErrorStatusWithoutBodyAsAFaultWithoutErrors() {
        qbo.stubFor(get(urlPathEqualTo(API + "/preferences")).willReturn(aResponse().withStatus(403)));

        QboFaultException fault = assertThrows(QboFaultException.class, () -> company().preferences().await().atMost(WAIT));

        assertEquals(403, fault.httpStatus());
        assertTrue(fault.isAuthorization());
        assertNull(fault.firstCode());
        assertTrue(fault.errors().isEmpty());
    }

    // ---- throttling ------------------------------------------------------------------------------------------------

    @Test
    void shouldRetryA429ExactlyUntilSuccess() {
        stubThrottledThenOk(2, null);

        Customer created = company().create(Customer.builder().displayName("Ada").build(), "req-429")
                .await().atMost(WAIT);

        assertEquals("58", created.id());
        qbo.verify(3, postRequestedFor(urlEqualTo(API + "/customer?requestid=req-429&minorversion=75"))
                .withRequestBody(equalTo("{\"DisplayName\":\"Ada\"}")));
        assertEquals(3, tokenRequests.get(), "each attempt asks for a current token");
    }

    @Test
    void shouldGiveUpAfterTheConfiguredRetriesWithAThrottledFault() {
        qbo.stubFor(get(urlPathEqualTo(API + "/query")).willReturn(aResponse().withStatus(429)
                .withHeader("intuit_tid", "tid-429").withBody("""
                        {"fault":{"error":[{"message":"message=ThrottleExceeded; errorCode=003001; statusCode=429",
                          "detail":"The request limit was reached.","code":"3001"}],"type":"SERVICE"}}""")));

        QboFaultException fault = assertThrows(QboFaultException.class,
                () -> company().count(QboQuery.countFrom(Customer.class)).await().atMost(WAIT));

        assertTrue(fault.isThrottled());
        assertEquals(429, fault.httpStatus());
        assertEquals("3001", fault.firstCode());
        qbo.verify(3, getRequestedFor(urlPathEqualTo(API + "/query")));
    }

    @Test
    void shouldNotRetryWhenThrottleRetriesIsZero() {
        client.close();
        client = newClient(QuickBooksClientConfig.defaults(URI.create(qbo.baseUrl())).withThrottling(0, Duration.ZERO));
        qbo.stubFor(get(urlPathEqualTo(API + "/preferences")).willReturn(aResponse().withStatus(429)));

        QboException e = assertThrows(QboException.class, () -> company().preferences().await().atMost(WAIT));

        assertTrue(e.isThrottled());
        qbo.verify(1, getRequestedFor(urlPathEqualTo(API + "/preferences")));
    }

    @Test
    void shouldHonourRetryAfterInsteadOfTheConfiguredBackoff() {
        client.close();
        // A 10-minute back-off would outlast the await below: only Retry-After lets this test pass.
        client = newClient(QuickBooksClientConfig.defaults(URI.create(qbo.baseUrl())).withThrottling(1, Duration.ofMinutes(10)));
        stubThrottledThenOk(1, "1");

        long started = System.nanoTime();
        Customer created = company().create(Customer.builder().displayName("Ada").build(), "req-ra").await().atMost(WAIT);
        Duration elapsed = Duration.ofNanos(System.nanoTime() - started);

        assertEquals("58", created.id());
        assertTrue(elapsed.compareTo(Duration.ofMillis(900)) >= 0, "waited only " + elapsed);
        qbo.verify(2, postRequestedFor(urlPathEqualTo(API + "/customer")));
    }

    private void stubThrottledThenOk(int throttledCalls, String retryAfter) {
        String state = Scenario.STARTED;
        for (int i = 1; i <= throttledCalls; i++) {
            var response = aResponse().withStatus(429).withHeader("Content-Type", "application/json")
                    .withBody("{\"fault\":{\"error\":[{\"message\":\"ThrottleExceeded\",\"code\":\"3001\"}],\"type\":\"SERVICE\"}}");
            if (retryAfter != null) {
                response.withHeader("Retry-After", retryAfter);
            }
            qbo.stubFor(post(urlPathEqualTo(API + "/customer")).inScenario("throttle").whenScenarioStateIs(state)
                    .willReturn(response).willSetStateTo("throttled-" + i));
            state = "throttled-" + i;
        }
        qbo.stubFor(post(urlPathEqualTo(API + "/customer")).inScenario("throttle").whenScenarioStateIs(state)
                .willReturn(okJson("{\"Customer\":{\"Id\":\"58\",\"SyncToken\":\"0\",\"DisplayName\":\"Ada\"}}")));
    }

    // ---- paging, count, CDC, company -------------------------------------------------------------------------------

    @Test
    void shouldPageThroughAllResultsUntilAShortPage() {
        qbo.stubFor(get(urlPathEqualTo(API + "/query")).withQueryParam("query",
                equalTo("SELECT * FROM Item WHERE Active = true STARTPOSITION 1 MAXRESULTS 2"))
                .willReturn(okJson(itemPage(1, "1", "2"))));
        qbo.stubFor(get(urlPathEqualTo(API + "/query")).withQueryParam("query",
                equalTo("SELECT * FROM Item WHERE Active = true STARTPOSITION 3 MAXRESULTS 2"))
                .willReturn(okJson(itemPage(3, "3", "4"))));
        qbo.stubFor(get(urlPathEqualTo(API + "/query")).withQueryParam("query",
                equalTo("SELECT * FROM Item WHERE Active = true STARTPOSITION 5 MAXRESULTS 2"))
                .willReturn(okJson(itemPage(5, "5"))));

        List<Item> items = company().queryAll(Item.class,
                QboQuery.selectFrom(Item.class).where("Active", QboQuery.Op.EQ, true).maxResults(2)).await().atMost(WAIT);

        assertEquals(List.of("1", "2", "3", "4", "5"), items.stream().map(Item::id).toList());
        qbo.verify(3, getRequestedFor(urlPathEqualTo(API + "/query")));
    }

    @Test
    void shouldUseThousandRowPagesByDefaultAndStopOnAnEmptyPage() {
        qbo.stubFor(get(urlPathEqualTo(API + "/query")).willReturn(okJson("{\"QueryResponse\":{}}")));

        List<Item> items = company().queryAll(Item.class, QboQuery.selectFrom(Item.class)).await().atMost(WAIT);

        assertTrue(items.isEmpty());
        qbo.verify(1, getRequestedFor(urlPathEqualTo(API + "/query"))
                .withQueryParam("query", equalTo("SELECT * FROM Item STARTPOSITION 1 MAXRESULTS 1000")));
    }

    private static String itemPage(int start, String... ids) {
        StringBuilder items = new StringBuilder();
        for (String id : ids) {
            items.append(items.isEmpty() ? "" : ",").append("{\"Id\":\"").append(id).append("\",\"Name\":\"Item ")
                    .append(id).append("\",\"UnitPrice\":10.5}");
        }
        return "{\"QueryResponse\":{\"Item\":[" + items + "],\"startPosition\":" + start + ",\"maxResults\":" + ids.length + "}}";
    }

    @Test
    void shouldRefuseAQueryForAnotherEntityThanTheResultType() {
        assertThrows(IllegalArgumentException.class,
                () -> company().query(Item.class, QboQuery.selectFrom(Customer.class)));
        assertThrows(IllegalArgumentException.class,
                () -> company().query(Item.class, QboQuery.countFrom(Item.class)));
        assertThrows(IllegalArgumentException.class, () -> company().count(QboQuery.selectFrom(Item.class)));
    }

    @Test
    void shouldParseChangedAndDeletedEntitiesFromCdc() {
        qbo.stubFor(get(urlPathEqualTo(API + "/cdc")).willReturn(okJson("""
                {"CDCResponse":[{"QueryResponse":[
                   {"Customer":[{"Id":"58","SyncToken":"2","DisplayName":"Ada Lovelace","domain":"QBO","sparse":false,
                                 "MetaData":{"CreateTime":"2026-03-01T10:00:00-08:00","LastUpdatedTime":"2026-03-02T10:00:00-08:00"}}],
                    "startPosition":1,"maxResults":1,"totalCount":1},
                   {"Item":[{"Id":"21","SyncToken":"5","Name":"Onboarding","Type":"Service","UnitPrice":1500.00},
                            {"domain":"QBO","status":"Deleted","Id":"22",
                             "MetaData":{"LastUpdatedTime":"2026-03-02T11:30:00-08:00"}}],
                    "startPosition":1,"maxResults":2,"totalCount":2}]}],
                 "time":"2026-03-02T12:00:00.000-08:00"}""")));

        QboChanges changes = company().cdc(Set.of(Item.class, Customer.class),
                OffsetDateTime.parse("2026-03-01T00:00:00+01:00")).await().atMost(WAIT);

        assertEquals("Ada Lovelace", changes.changed(Customer.class).get(0).displayName());
        assertEquals(List.of("21"), changes.changed(Item.class).stream().map(Item::id).toList());
        assertEquals(new BigDecimal("1500.00"), changes.changed(Item.class).get(0).unitPrice());
        assertEquals(List.of(new DeletedEntity("Item", "22", OffsetDateTime.parse("2026-03-02T11:30:00-08:00"))),
                changes.deleted(Item.class));
        assertTrue(changes.deleted(Customer.class).isEmpty());
        assertTrue(changes.changed(Invoice.class).isEmpty());
        qbo.verify(1, getRequestedFor(urlEqualTo(API + "/cdc?entities=Customer%2CItem"
                + "&changedSince=2026-03-01T00%3A00%3A00%2B01%3A00&minorversion=75")));
    }

    @Test
    void shouldReadCompanyInfoAndPreferences() {
        qbo.stubFor(get(urlPathEqualTo(API + "/companyinfo/" + REALM)).willReturn(okJson("""
                {"CompanyInfo":{"Id":"1","SyncToken":"3","CompanyName":"Ledger Demo US Inc.","Country":"US",
                 "CompanyAddr":{"Line1":"1 Main St","City":"Boston"},"NameValue":[{"Name":"OfferingSku","Value":"QuickBooks Online Plus"}]}}""")));
        qbo.stubFor(get(urlPathEqualTo(API + "/preferences")).willReturn(okJson("""
                {"Preferences":{"Id":"1","SyncToken":"7","SalesFormsPrefs":{"CustomTxnNumbers":true,"AllowDiscount":true,
                 "CustomField":[]},"TaxPrefs":{"UsingSalesTax":true,"PartnerTaxEnabled":true},"EmailMessagesPrefs":{}}}""")));

        CompanyInfo info = company().companyInfo().await().atMost(WAIT);
        Preferences preferences = company().preferences().await().atMost(WAIT);

        assertEquals("Ledger Demo US Inc.", info.companyName());
        assertTrue(info.isUnitedStates());
        assertEquals("Boston", info.companyAddr().city());
        assertTrue(preferences.customTxnNumbers());
        assertEquals(Boolean.TRUE, preferences.taxPrefs().partnerTaxEnabled());
    }

    @Test
    void shouldReportAMissingEntityWrapperInsteadOfReturningNull() {
        qbo.stubFor(get(urlPathEqualTo(API + "/item/21")).willReturn(okJson("{\"time\":\"2026-03-02T09:17:31.892-07:00\"}")));

        QboException e = assertThrows(QboException.class, () -> company().read(Item.class, "21").await().atMost(WAIT));

        assertTrue(e.getMessage().contains("no Item"), e.getMessage());
    }

    @Test
    void shouldRefuseARealmIdThatIsNotNumeric() {
        assertThrows(IllegalArgumentException.class, () -> client.company("913/../1"));
        assertThrows(IllegalArgumentException.class, () -> client.company(""));
    }

    @Test
    void shouldFailWhenTheTokenProviderFails() {
        client.close();
        client = new QuickBooksClient(vertx, QuickBooksClientConfig.defaults(URI.create(qbo.baseUrl())),
                realmId -> Uni.createFrom().failure(new IllegalStateException("realm not connected")));

        IllegalStateException e = assertThrows(IllegalStateException.class, () -> company().preferences().await().atMost(WAIT));

        assertEquals("realm not connected", e.getMessage());
        assertEquals(0, qbo.getAllServeEvents().size());
        assertInstanceOf(IllegalStateException.class, e);
    }
}
