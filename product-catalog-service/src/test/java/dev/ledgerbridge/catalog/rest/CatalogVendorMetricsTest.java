package dev.ledgerbridge.catalog.rest;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.ledgerbridge.catalog.QboStubs;
import dev.ledgerbridge.catalog.QboStubs.StubItem;
import dev.ledgerbridge.catalog.WireMockVendors;
import dev.ledgerbridge.catalog.WireMockVendors.InjectWireMock;
import dev.ledgerbridge.observability.testing.MetricsScrape;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** After one mirror load, /q/metrics shows the company's sync lag, the QBO reads that loaded it and the route. */
@QuarkusTest
@QuarkusTestResource(WireMockVendors.class)
class CatalogVendorMetricsTest {

    private static final String REALM = "9130350000000621";
    private static final Map<String, String> QUERY = Map.of("vendor", "quickbooks", "method", "GET",
            "endpoint", "/v3/company/{realmId}/query", "status", "200");

    @InjectWireMock
    WireMockServer wireMock;

    private QboStubs qbo;

    @BeforeEach
    void resetVendors() {
        wireMock.resetAll();
        qbo = new QboStubs(wireMock);
    }

    @AfterEach
    void resetBreakers() {
        CircuitBreakerMaintenance.get().resetAll();
    }

    @Test
    void shouldExposeTheSyncLagOfAMirroredCompanyAndTheQboReads() {
        qbo.token(REALM);
        qbo.catalog(REALM, List.of(StubItem.service("1", "Annual Subscription", "SUB-ANNUAL")), 1000);
        MetricsScrape before = MetricsScrape.now();

        given().when().post("/v1/catalog/" + REALM + "/sync").then().statusCode(202);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().when().get("/v1/catalog/" + REALM)
                .then().statusCode(200).body("status", equalTo("LOADED")));
        // CatalogMetrics refreshes a company's gauges right after its own sync run.
        MetricsScrape after = await().atMost(Duration.ofSeconds(10)).until(MetricsScrape::now,
                scrape -> scrape.value("ledgerbridge_catalog_sync_lag_seconds", Map.of("realm", REALM)) != null);
        Double lag = after.value("ledgerbridge_catalog_sync_lag_seconds", Map.of("realm", REALM));
        assertTrue(lag >= 0 && lag < 60, "sync lag of the company just loaded: " + lag);
        assertEquals(2, after.count("ledgerbridge_vendor_calls_total", QUERY)
                - before.count("ledgerbridge_vendor_calls_total", QUERY), "count and one page");
        for (String name : List.of("ledgerbridge_vendor_call_duration_seconds_count", "sql_pool_active")) {
            assertTrue(after.has(name), name + " missing from /q/metrics");
        }
        assertTrue(after.count("http_server_requests_seconds_count",
                Map.of("uri", "/v1/catalog/{realmId}/sync", "status", "202")) >= 1, "per-route HTTP server metrics");
    }
}
