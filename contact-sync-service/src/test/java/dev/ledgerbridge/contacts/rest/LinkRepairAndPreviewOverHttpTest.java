package dev.ledgerbridge.contacts.rest;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
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
import static dev.ledgerbridge.contacts.QboStubs.queryResponse;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.matching.StringValuePattern;
import dev.ledgerbridge.contacts.InjectWireMock;
import dev.ledgerbridge.contacts.QboStubs;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Link repair after QBO's 610 ({@code staleCustomerId}) and the preview that writes nothing, over HTTP. */
@QuarkusTest
class LinkRepairAndPreviewOverHttpTest {

    private static final String ADA = """
            {"realmId": "%s", "portalId": 40213377, %s
             "contacts": [{"id": "101", "firstName": "Ada", "lastName": "Lovelace", "email": "ada@example.com",
                           "properties": {"lifecyclestage": "%s"}}]}""";

    @InjectWireMock
    WireMockServer wireMock;

    @Inject
    Pool pool;

    @BeforeEach
    void reset() {
        QboStubs.reset(wireMock);
        clean();
    }

    @AfterEach
    void clean() {
        pool.query("DELETE FROM contact_link").execute()
                .chain(() -> pool.preparedQuery("DELETE FROM matching_settings WHERE realm_id = $1").execute(Tuple.of(REALM)))
                .await().atMost(Duration.ofSeconds(10));
    }

    private static String ada(String extra, String lifecycle) {
        return ADA.formatted(REALM, extra, lifecycle);
    }

    private static ExtractableResponse<Response> call(String path, String body) {
        return given().contentType(ContentType.JSON).body(body).when().post(path).then().extract();
    }

    private void link(String customerId, String displayName) {
        pool.preparedQuery("INSERT INTO contact_link (realm_id, portal_id, contact_id, customer_id, display_name,"
                        + " resolution) VALUES ($1, 40213377, '101', $2, $3, 'CREATED')")
                .execute(Tuple.of(REALM, customerId, displayName)).await().atMost(Duration.ofSeconds(10));
    }

    private String linkedCustomer() {
        var rows = pool.query("SELECT customer_id FROM contact_link WHERE contact_id = '101'").execute()
                .await().atMost(Duration.ofSeconds(10));
        return rows.size() == 0 ? null : rows.iterator().next().getString("customer_id");
    }

    private long links() {
        return pool.query("SELECT count(*) AS n FROM contact_link").execute().await().atMost(Duration.ofSeconds(10))
                .iterator().next().getLong("n");
    }

    private static StringValuePattern anyRequestId() {
        return WireMock.matching(".+");
    }

    @Test
    void shouldDropAStaleLinkAndCreateANewCustomerWithAFreshRequestId() {
        link("58", "Ada Lovelace");
        // Merged away: QBO still reads it, inactive.
        wireMock.stubFor(get(urlPathEqualTo(QBO_PATH + "/customer/58")).willReturn(
                customerResponse(customer("58", "Ada Lovelace", "Ada", "Lovelace", "ada@example.com", false))));
        // QBO still lists the merged-away customer as inactive; it must not be revived.
        wireMock.stubFor(customerQuery(emailQuery("'ada@example.com'")).willReturn(
                queryResponse(customer("58", "Ada Lovelace", "Ada", "Lovelace", "ada@example.com", false))));
        wireMock.stubFor(post(urlPathEqualTo(QBO_PATH + "/customer")).willReturn(
                customerResponse(customer("70", "Ada Lovelace", "Ada", "Lovelace", "ada@example.com", true))));

        ExtractableResponse<Response> repaired = call("/v1/customers/resolve", ada("\"staleCustomerId\": \"58\",", "x"));

        assertEquals(200, repaired.statusCode(), repaired.asString());
        assertEquals("70", repaired.path("customerId"));
        assertEquals("CREATED", repaired.path("resolution"));
        assertEquals("58", repaired.path("replacedCustomerId"));
        assertEquals("70", linkedCustomer());
        wireMock.verify(1, customerWrites().withQueryParam("requestid", anyRequestId()));
        wireMock.verify(0, WireMock.postRequestedFor(urlPathEqualTo(QBO_PATH + "/customer"))
                .withRequestBody(WireMock.containing("\"Active\":true")).withRequestBody(WireMock.containing("\"58\"")));
    }

    @Test
    void shouldKeepALinkReportedStaleWhenQboStillHasTheCustomerActive() {
        link("58", "Ada Lovelace");
        wireMock.stubFor(get(urlPathEqualTo(QBO_PATH + "/customer/58")).willReturn(
                customerResponse(customer("58", "Ada Lovelace", "Ada", "Lovelace", "ada@example.com", true))));

        ExtractableResponse<Response> answer = call("/v1/customers/resolve", ada("\"staleCustomerId\": \"58\",", "x"));

        assertEquals(200, answer.statusCode(), answer.asString());
        assertEquals("LINKED", answer.path("resolution"));
        assertEquals("58", answer.path("customerId"));
        assertNull(answer.path("replacedCustomerId"));
        assertEquals("58", linkedCustomer());
        wireMock.verify(1, anyQboCall());
        wireMock.verify(0, customerWrites());
    }

    @Test
    void shouldRepairALinkWhoseCustomerQboNoLongerFinds() {
        link("58", "Ada Lovelace");
        wireMock.stubFor(get(urlPathEqualTo(QBO_PATH + "/customer/58")).willReturn(
                QboStubs.fault("610", "Object Not Found")));
        wireMock.stubFor(customerQuery(emailQuery("'ada@example.com'")).willReturn(
                queryResponse(customer("64", "Ada Lovelace", "Ada", "Lovelace", "ada@example.com", true))));

        ExtractableResponse<Response> answer = call("/v1/customers/resolve", ada("\"staleCustomerId\": \"58\",", "x"));

        assertEquals(200, answer.statusCode(), answer.asString());
        assertEquals("MATCHED", answer.path("resolution"));
        assertEquals("64", answer.path("customerId"));
        assertEquals("58", answer.path("replacedCustomerId"));
        assertEquals("64", linkedCustomer());
        wireMock.verify(0, customerWrites());
    }

    @Test
    void shouldGiveTheRepairItsOwnRequestIdSoQboDoesNotReplayTheStaleCreate() {
        wireMock.stubFor(customerQuery(emailQuery("'ada@example.com'")).willReturn(queryResponse()));
        wireMock.stubFor(post(urlPathEqualTo(QBO_PATH + "/customer")).willReturn(
                customerResponse(customer("58", "Ada Lovelace", "Ada", "Lovelace", "ada@example.com", true))));
        call("/v1/customers/resolve", ada("", "x"));
        String first = wireMock.findAll(customerWrites()).get(0).queryParameter("requestid").firstValue();
        wireMock.stubFor(get(urlPathEqualTo(QBO_PATH + "/customer/58")).willReturn(
                QboStubs.fault("610", "Object Not Found")));

        call("/v1/customers/resolve", ada("\"staleCustomerId\": \"58\",", "x"));

        List<String> requestIds = wireMock.findAll(customerWrites()).stream()
                .map(r -> r.queryParameter("requestid").firstValue()).toList();
        assertEquals(2, requestIds.size());
        assertNotEquals(first, requestIds.get(1));
    }

    @Test
    void shouldKeepALinkThatIsNotTheStaleCustomerWithoutAnyQboCall() {
        link("71", "Ada Lovelace");

        ExtractableResponse<Response> answer = call("/v1/customers/resolve", ada("\"staleCustomerId\": \"58\",", "x"));

        assertEquals("LINKED", answer.path("resolution"));
        assertEquals("71", answer.path("customerId"));
        wireMock.verify(0, anyQboCall());
    }

    @Test
    void shouldPreviewALinkWithoutCallingQbo() {
        link("58", "Ada Lovelace");

        ExtractableResponse<Response> preview = call("/v1/customers/preview", ada("", "x"));

        assertEquals(200, preview.statusCode(), preview.asString());
        assertEquals("LINK", preview.path("outcome"));
        assertEquals("58", preview.path("customerId"));
        assertEquals("LEGACY", preview.path("mode"));
        wireMock.verify(0, anyQboCall());
    }

    @Test
    void shouldPreviewAMatchAndItsReactivationWithoutWritingAnything() {
        wireMock.stubFor(customerQuery(emailQuery("'ada@example.com'")).willReturn(
                queryResponse(customer("58", "Ada Lovelace", "Ada", "Lovelace", "ada@example.com", false))));

        ExtractableResponse<Response> preview = call("/v1/customers/preview", ada("", "x"));

        assertEquals("MATCH", preview.path("outcome"));
        assertEquals("58", preview.path("customerId"));
        assertEquals(Boolean.TRUE, preview.path("reactivate"));
        wireMock.verify(0, customerWrites());
        assertEquals(0, links());
    }

    @Test
    void shouldPreviewTheReadableNameACreateWouldUseWhenTheFirstIsTakenByAVendor() {
        wireMock.stubFor(customerQuery(emailQuery("'ada@example.com'")).willReturn(queryResponse()));
        wireMock.stubFor(get(urlPathEqualTo(QBO_PATH + "/query")).withQueryParam("query",
                        WireMock.matching("SELECT \\* FROM Customer WHERE DisplayName IN .*"))
                .willReturn(queryResponse()));
        wireMock.stubFor(get(urlPathEqualTo(QBO_PATH + "/query")).withQueryParam("query",
                        WireMock.matching("SELECT \\* FROM Vendor WHERE DisplayName IN .*"))
                .willReturn(WireMock.aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                        .withBody("{\"QueryResponse\":{\"Vendor\":[{\"Id\":\"9\",\"DisplayName\":\"ada lovelace\"}]}}")));

        ExtractableResponse<Response> preview = call("/v1/customers/preview", ada("", "x"));

        assertEquals(200, preview.statusCode(), preview.asString());
        assertEquals("CREATE", preview.path("outcome"));
        assertEquals("Ada Lovelace (ada@example.com)", preview.path("displayName"));
        assertEquals(List.of("Ada Lovelace"), preview.path("takenNames"));
        wireMock.verify(0, customerWrites());
        wireMock.verify(3, WireMock.getRequestedFor(urlPathEqualTo(QBO_PATH + "/query")));
        assertEquals(0, links());
    }

    @Test
    void shouldPreviewTheRefusalOfAnIneligibleContactNamingTheConditionWithoutCallingQbo() {
        given().contentType(ContentType.JSON).header("X-LedgerBridge-Actor", "test").body("""
                        {"mode": "SYNC_FILTERS", "expectedVersion": 0, "filterGroups": [{"filters": [
                          {"property": "lifecyclestage", "operator": "EQUALS", "values": ["customer"]}]}]}""")
                .when().put("/v1/companies/" + REALM + "/matching-settings").then().statusCode(200);

        ExtractableResponse<Response> preview = call("/v1/customers/preview", ada("", "lead"));

        assertEquals(200, preview.statusCode(), preview.asString());
        assertEquals("REFUSE", preview.path("outcome"));
        assertEquals("CONTACT_NOT_ELIGIBLE", preview.path("code"));
        assertEquals("This contact does not pass the QuickBooks sync filters: lifecycle stage is lead, must be"
                + " customer.", preview.path("message"));
        assertEquals("SYNC_FILTERS", preview.path("mode"));
        assertEquals(1, preview.<Integer>path("settingsVersion"));
        wireMock.verify(0, anyQboCall());
        pool.preparedQuery("DELETE FROM matching_settings_audit WHERE realm_id = $1").execute(Tuple.of(REALM))
                .await().atMost(Duration.ofSeconds(10));
    }

    @Test
    void shouldPreviewARefusalForAContactThatIsNotAssociated() {
        ExtractableResponse<Response> preview = call("/v1/customers/preview",
                ada("\"contactChoice\": \"999\",", "x"));

        assertEquals("REFUSE", preview.path("outcome"));
        assertEquals("CONTACT_NOT_ASSOCIATED", preview.path("code"));
        wireMock.verify(0, anyQboCall());
    }

    @Test
    void shouldRefuseAStaleCustomerIdThatIsNotAnId() {
        ExtractableResponse<Response> answer = call("/v1/customers/resolve", ada("\"staleCustomerId\": \"x'1\",", "x"));

        assertEquals(400, answer.statusCode());
        assertEquals("staleCustomerId must be a QuickBooks customer id", answer.path("message"));
    }
}
