package dev.ledgerbridge.contacts.rest;

import static dev.ledgerbridge.contacts.QboStubs.customerQuery;
import static dev.ledgerbridge.contacts.QboStubs.emailQuery;
import static dev.ledgerbridge.contacts.QboStubs.throttled;
import static dev.ledgerbridge.contacts.QboStubs.REALM;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.ledgerbridge.contacts.InjectWireMock;
import dev.ledgerbridge.contacts.QboStubs;
import dev.ledgerbridge.observability.testing.MetricsScrape;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** After one resolution that QBO throttles, /q/metrics shows the vendor calls, the back-off and the route. */
@QuarkusTest
class ContactSyncMetricsTest {

    private static final Map<String, String> THROTTLED_QUERY = Map.of("vendor", "quickbooks", "method", "GET",
            "endpoint", "/v3/company/{realmId}/query", "status", "429");
    private static final Map<String, String> QUERY = Map.of("vendor", "quickbooks",
            "endpoint", "/v3/company/{realmId}/query");

    @InjectWireMock
    WireMockServer wireMock;

    @BeforeEach
    void reset() {
        QboStubs.reset(wireMock);
    }

    @Test
    void shouldExposeVendorCallsThrottlingWaitsAndTheRoute() {
        wireMock.stubFor(customerQuery(emailQuery("'grace@example.com'")).willReturn(throttled()));
        MetricsScrape before = MetricsScrape.now();

        given().contentType(ContentType.JSON).header("X-LedgerBridge-Correlation-Id", "ap-metrics-1")
                .body("""
                        {"realmId": "%s", "portalId": 40213377, "contactChoice": null,
                         "contacts": [{"id": "107", "firstName": "Grace", "lastName": "Hopper", "email": "grace@example.com"}]}"""
                        .formatted(REALM))
                .when().post("/v1/customers/resolve")
                .then().statusCode(503);

        MetricsScrape after = MetricsScrape.now();
        // The first call plus the one retry the test profile allows, with one back-off between them.
        assertEquals(2, after.count("ledgerbridge_vendor_calls_total", THROTTLED_QUERY)
                - before.count("ledgerbridge_vendor_calls_total", THROTTLED_QUERY));
        assertEquals(1, after.count("ledgerbridge_vendor_throttle_waits_total", QUERY)
                - before.count("ledgerbridge_vendor_throttle_waits_total", QUERY));
        for (String name : List.of("ledgerbridge_vendor_throttle_wait_seconds_total",
                "ledgerbridge_vendor_call_duration_seconds_count", "sql_pool_active", "sql_pool_queue_size")) {
            assertTrue(after.has(name), name + " missing from /q/metrics");
        }
        assertTrue(after.count("http_server_requests_seconds_count",
                Map.of("uri", "/v1/customers/resolve", "status", "503")) >= 1, "per-route HTTP server metrics");
    }
}
