package dev.ledgerbridge.gateway.rest;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.exactly;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.ledgerbridge.gateway.repository.QuickBooksConnectionRepository;
import dev.ledgerbridge.gateway.service.QuickBooksListCache;
import dev.ledgerbridge.gateway.support.DownstreamWireMock;
import dev.ledgerbridge.gateway.support.InjectWireMock;
import dev.ledgerbridge.gateway.support.SignedActionRequests;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** HubSpot's options fetches for the action dropdowns: signature, company-dependent lists, cache, paging, search. */
@QuarkusTest
@WithTestResource(DownstreamWireMock.class)
class HubSpotOptionsResourceTest {

    private static final String US_REALM = "9130350000000001";
    private static final String CA_REALM = "9130350000000002";
    private static final String QUERY = "/v3/company/" + US_REALM + "/query";
    private static final Duration WAIT = Duration.ofSeconds(5);

    @InjectWireMock
    WireMockServer wireMock;

    @Inject
    QuickBooksConnectionRepository connections;

    @Inject
    QuickBooksListCache cache;

    @BeforeEach
    void twoConnectedCompanies() {
        wireMock.resetAll();
        cache.clear();
        connections.deleteAll().await().atMost(WAIT);
        connections.upsertConnected(US_REALM, "Ledger Demo US Inc.", "US").await().atMost(WAIT);
        connections.upsertConnected(CA_REALM, "Maple Demo Ltd.", "CA").await().atMost(WAIT);
    }

    @Test
    void shouldOfferOnlyConnectedUsCompanies() {
        fetch("companies", body(null, null, null))
                .then().statusCode(200)
                .body("options", hasSize(1))
                .body("options[0].value", equalTo(US_REALM))
                .body("options[0].label", equalTo("Ledger Demo US Inc. (" + US_REALM + ")"))
                .body("searchable", equalTo(true))
                .body("after", nullValue());
    }

    @Test
    void shouldServeTermsByNameFromOneQboQueryForTwoFetches() {
        stubQuery("Term", "FROM Term", """
                [{"Id":"3","Name":"Net 30","Active":true,"DueDays":30},
                 {"Id":"1","Name":"Due on receipt","Active":true,"DueDays":0},
                 {"Id":"2","Name":"Net 15","Active":true,"DueDays":15}]""");

        fetch("terms", body(US_REALM, null, null)).then().statusCode(200)
                .body("options.label", contains("Due on receipt", "Net 15", "Net 30"))
                .body("options.value", contains("Due on receipt", "Net 15", "Net 30"))
                .body("options[2].description", equalTo("Due in 30 days"))
                .body("description", nullValue());
        fetch("terms", body(US_REALM, "net", null)).then().statusCode(200)
                .body("options.label", contains("Net 15", "Net 30"));

        wireMock.verify(exactly(1), getRequestedFor(urlPathEqualTo(QUERY)));
        String statement = wireMock.findAll(getRequestedFor(urlPathEqualTo(QUERY))).get(0).queryParameter("query")
                .firstValue();
        assertTrue(statement.startsWith("SELECT * FROM Term WHERE Active = true"), statement);
    }

    @Test
    void shouldFilterEveryAccountListFromOneAccountQuery() {
        stubQuery("Account", "FROM Account", """
                [{"Id":"1","Name":"Checking","FullyQualifiedName":"Checking","AccountType":"Bank","Active":true},
                 {"Id":"2","Name":"Undeposited Funds","AccountType":"Other Current Asset","Active":true},
                 {"Id":"3","Name":"Services","AccountType":"Income","Active":true},
                 {"Id":"5","Name":"Payment Processing Fees","AccountType":"Expense","AcctNum":"6100","Active":true},
                 {"Id":"7","Name":"Hardware","AccountType":"Cost of Goods Sold","Active":true},
                 {"Id":"6","Name":"Company Card","AccountType":"Credit Card","Active":true}]""");

        fetch("deposit-accounts", body(US_REALM, null, null)).then().statusCode(200)
                .body("options.value", contains("1", "2"))
                .body("options[0].description", equalTo("Bank"));
        fetch("income-accounts", body(US_REALM, null, null)).then().statusCode(200)
                .body("options.value", contains("3"));
        fetch("expense-accounts", body(US_REALM, null, null)).then().statusCode(200)
                .body("options.label", contains("Hardware", "Payment Processing Fees"))
                .body("options[1].description", equalTo("Expense, no. 6100"));

        wireMock.verify(exactly(1), getRequestedFor(urlPathEqualTo(QUERY)));
    }

    @Test
    void shouldPageWithAnOpaqueCursorAndReadQboPastItsThousandRowPages() {
        List<String> firstPage = IntStream.rangeClosed(1, 1000)
                .mapToObj(i -> vendor(i, String.format("Vendor %04d", i))).toList();
        List<String> secondPage = IntStream.rangeClosed(1001, 1020)
                .mapToObj(i -> vendor(i, String.format("Vendor %04d", i))).toList();
        stubQuery("Vendor", "STARTPOSITION 1 MAXRESULTS", "[" + String.join(",", firstPage) + "]");
        stubQuery("Vendor", "STARTPOSITION 1001 MAXRESULTS", "[" + String.join(",", secondPage) + "]");

        Set<String> seen = new HashSet<>();
        String after = null;
        int pages = 0;
        do {
            Response page = fetch("vendors", body(US_REALM, null, after));
            page.then().statusCode(200);
            List<String> values = page.jsonPath().getList("options.value");
            assertTrue(values.size() <= 50, "page size");
            seen.addAll(values);
            after = page.jsonPath().getString("after");
            pages++;
        } while (after != null && pages < 100);

        assertEquals(1020, seen.size());
        assertEquals(21, pages);
        wireMock.verify(exactly(2), getRequestedFor(urlPathEqualTo(QUERY)));
        fetch("vendors", body(US_REALM, "vendor 1017", null)).then().statusCode(200)
                .body("options.value", contains("1017"));
    }

    @Test
    void shouldSearchHostileTextLocallyWithoutPuttingItIntoAQboQuery() {
        stubQuery("Vendor", "FROM Vendor", """
                [%s, %s, %s]""".formatted(vendor(1, "Patrick O'Brien \\\\ \\\"x\\\" Ltd"), vendor(2, "Grace Hopper"),
                vendor(3, "HubSpot Payments")));

        fetch("vendors", body(US_REALM, "o'brien \\\\ \\\"X\\\"", null)).then().statusCode(200)
                .body("options.value", contains("1"))
                .body("options[0].label", equalTo("Patrick O'Brien \\ \"x\" Ltd"));
        fetch("vendors", body(US_REALM, "' OR Name LIKE '%", null)).then().statusCode(200)
                .body("options", empty());

        var requests = wireMock.findAll(getRequestedFor(urlPathEqualTo(QUERY)));
        assertEquals(1, requests.size());
        String statement = requests.get(0).queryParameter("query").firstValue();
        assertFalse(statement.contains("O'Brien") || statement.contains("LIKE"), statement);
    }

    @Test
    void shouldAskToChooseTheCompanyFirstWithoutCallingQbo() {
        fetch("terms", body(null, null, null)).then().statusCode(200)
                .body("options", empty())
                .body("description", containsString("Choose the QuickBooks company first"));
        fetch("deposit-accounts", body(null, null, null)).then().statusCode(200)
                .body("options", empty())
                .body("description", containsString("accounts"));

        wireMock.verify(exactly(0), getRequestedFor(urlPathMatching("/v3/.*")));
    }

    @Test
    void shouldExplainAnUnknownOrNonUsCompanyWithAnEmptyList() {
        fetch("vendors", body("4242", null, null)).then().statusCode(200)
                .body("options", empty())
                .body("description", containsString("4242 is not connected"));
        fetch("terms", body(CA_REALM, null, null)).then().statusCode(200)
                .body("options", empty())
                .body("description", containsString("not US-based"));

        wireMock.verify(exactly(0), getRequestedFor(urlPathMatching("/v3/.*")));
    }

    @Test
    void shouldAnswerAThrottledQboQuicklyWithAnEmptyListAndANotice() {
        wireMock.stubFor(get(urlPathEqualTo(QUERY)).willReturn(aResponse().withStatus(429)
                .withHeader("Retry-After", "60").withHeader("Content-Type", "application/json")
                .withBody("{\"Fault\":{\"Error\":[{\"Message\":\"ThrottleExceeded\",\"code\":\"3001\"}],"
                        + "\"type\":\"ThrottleExceeded\"}}")));

        long started = System.nanoTime();
        fetch("terms", body(US_REALM, null, null)).then().statusCode(200)
                .body("options", empty())
                .body("description", containsString("limiting requests"));
        assertTrue(Duration.ofNanos(System.nanoTime() - started).compareTo(Duration.ofSeconds(3)) < 0,
                "answered without waiting out the 429");
        wireMock.verify(exactly(1), getRequestedFor(urlPathEqualTo(QUERY)));
    }

    @Test
    void shouldAcceptInputFieldsInHubSpotsTypedForm() {
        stubQuery("Term", "FROM Term", "[{\"Id\":\"2\",\"Name\":\"Net 15\",\"Active\":true,\"DueDays\":15}]");
        String typed = """
                {"origin":{"portalId":40213377,"actionDefinitionId":1,"actionDefinitionVersion":1},
                 "inputFieldName":"payment_terms",
                 "inputFields":{"quickbooks_company":{"type":"STATIC_VALUE","value":"%s"}},
                 "fetchOptions":{}}""".formatted(US_REALM);

        fetch("terms", typed).then().statusCode(200).body("options.value", contains("Net 15"));
    }

    @Test
    void shouldRefuseABadSignatureWithoutAnyCall() {
        String body = body(US_REALM, null, null);
        String path = "/hubspot/options/terms";
        SignedActionRequests.signedFor("http://localhost:" + RestAssured.port + path, body + " ",
                System.currentTimeMillis())
                .body(body)
                .when().post(path)
                .then().statusCode(401)
                .body("code", equalTo("INVALID_SIGNATURE"));

        wireMock.verify(exactly(0), getRequestedFor(urlPathMatching("/v3/.*")));
    }

    @Test
    void shouldAnswer404ForAnUnknownList() {
        fetch("customers", body(US_REALM, null, null)).then().statusCode(404)
                .body("code", equalTo("UNKNOWN_OPTIONS"));
    }

    @Test
    void shouldStartAtTheTopForACursorItDidNotIssue() {
        stubQuery("Term", "FROM Term", "[{\"Id\":\"2\",\"Name\":\"Net 15\",\"Active\":true}]");

        fetch("terms", body(US_REALM, null, "not-a-cursor")).then().statusCode(200)
                .body("options.value", contains("Net 15"))
                .body("options[0].description", nullValue())
                .body("searchable", notNullValue());
    }

    private static Response fetch(String kind, String body) {
        String path = "/hubspot/options/" + kind;
        return SignedActionRequests.signedFor("http://localhost:" + RestAssured.port + path, body,
                System.currentTimeMillis()).when().post(path);
    }

    /** An options fetch as HubSpot sends it; {@code company} null leaves the company input unset. */
    private static String body(String company, String q, String after) {
        List<String> fetchOptions = new ArrayList<>();
        if (q != null) {
            fetchOptions.add("\"q\":\"" + q + "\"");
        }
        if (after != null) {
            fetchOptions.add("\"after\":\"" + after + "\"");
        }
        String inputs = company == null ? "{}" : "{\"quickbooks_company\":\"" + company + "\"}";
        return """
                {"origin":{"portalId":40213377,"actionDefinitionId":1182044,"actionDefinitionVersion":1},
                 "objectTypeId":"0-3","inputFieldName":"payment_terms","inputFields":%s,
                 "fetchOptions":{%s}}""".formatted(inputs, fetchOptions.stream().collect(Collectors.joining(",")));
    }

    private static String vendor(int id, String name) {
        return "{\"Id\":\"" + id + "\",\"DisplayName\":\"" + name + "\",\"Active\":true}";
    }

    private void stubQuery(String entity, String statementPart, String itemsJson) {
        wireMock.stubFor(get(urlPathEqualTo(QUERY)).withQueryParam("query", containing(statementPart))
                .willReturn(okJson("{\"QueryResponse\":{\"" + entity + "\":" + itemsJson
                        + "},\"time\":\"2026-11-26T10:00:00Z\"}")));
    }
}
