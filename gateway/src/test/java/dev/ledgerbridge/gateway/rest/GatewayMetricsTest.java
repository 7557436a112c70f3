package dev.ledgerbridge.gateway.rest;

import static dev.ledgerbridge.gateway.support.SignedActionRequests.dealExecution;
import static dev.ledgerbridge.gateway.support.SignedActionRequests.postCreateInvoice;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.ledgerbridge.gateway.repository.QuickBooksConnectionRepository;
import dev.ledgerbridge.gateway.support.DownstreamStubs;
import dev.ledgerbridge.gateway.support.DownstreamWireMock;
import dev.ledgerbridge.gateway.support.InjectWireMock;
import dev.ledgerbridge.observability.testing.MetricsScrape;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** After one action, /q/metrics exposes the gateway's named metrics with the action counted once. */
@QuarkusTest
@WithTestResource(DownstreamWireMock.class)
class GatewayMetricsTest {

    private static final String US_REALM = "9130350000000001";
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final Map<String, String> SUCCESS = Map.of("action", "create-invoice", "outcome", "success");
    private static final Map<String, String> REFUSED = Map.of("action", "create-invoice", "outcome", "refused");
    private static final Map<String, String> NOT_CONNECTED = Map.of("action", "create-invoice", "code", "COMPANY_NOT_CONNECTED");
    private static final Map<String, String> DEAL_READ = Map.of("vendor", "hubspot", "method", "GET",
            "endpoint", "/crm/v3/objects/{type}/{id}", "status", "200");

    @InjectWireMock
    WireMockServer wireMock;

    @Inject
    QuickBooksConnectionRepository connections;

    @Inject
    CircuitBreakerMaintenance circuitBreakers;

    @BeforeEach
    void oneUsCompanyConnected() {
        wireMock.resetAll();
        connections.deleteAll().await().atMost(WAIT);
        connections.upsertConnected(US_REALM, "Ledger Demo US Inc.", "US").await().atMost(WAIT);
    }

    @AfterEach
    void resetBreakers() {
        circuitBreakers.resetAll();
    }

    @Test
    void shouldCountAnActionItsVendorCallsAndARefusalByCode() {
        DownstreamStubs.hubSpotDeal301(wireMock);
        DownstreamStubs.contactSyncLegacyEverywhere(wireMock);
        DownstreamStubs.servicesSucceed(wireMock);
        MetricsScrape before = MetricsScrape.now();

        postCreateInvoice(dealExecution("ap-metrics-" + UUID.randomUUID(), "301", "{}"))
                .then().statusCode(200).body("outputFields.hs_execution_state", equalTo("SUCCESS"));
        postCreateInvoice(dealExecution("ap-metrics-" + UUID.randomUUID(), "301", "{\"quickbooks_company\":\"77\"}"))
                .then().statusCode(200).body("outputFields.error_code", equalTo("COMPANY_NOT_CONNECTED"));

        MetricsScrape after = MetricsScrape.now();
        assertEquals(1, after.count("ledgerbridge_actions_total", SUCCESS) - before.count("ledgerbridge_actions_total", SUCCESS));
        assertEquals(1, after.count("ledgerbridge_actions_total", REFUSED) - before.count("ledgerbridge_actions_total", REFUSED));
        assertEquals(1, after.count("ledgerbridge_refusals_total", NOT_CONNECTED)
                - before.count("ledgerbridge_refusals_total", NOT_CONNECTED));
        assertEquals(1, after.count("ledgerbridge_vendor_calls_total", DEAL_READ)
                - before.count("ledgerbridge_vendor_calls_total", DEAL_READ), "one deal read");
        assertEquals(0.0, after.value("ledgerbridge_actions_in_flight", Map.of()), "nothing in flight after the answers");
        for (String name : List.of("ledgerbridge_vendor_call_duration_seconds_count", "ledgerbridge_journal_backlog",
                "ledgerbridge_connections_reconnect_needed", "sql_pool_active", "sql_pool_queue_size")) {
            assertTrue(after.has(name), name + " missing from /q/metrics");
        }
        assertTrue(after.count("http_server_requests_seconds_count",
                Map.of("uri", "/hubspot/actions/create-invoice", "status", "200")) >= 2, "per-route HTTP server metrics");
    }

    @Test
    void shouldCountARejectedSignatureWithoutCallingAnything() {
        MetricsScrape before = MetricsScrape.now();
        Map<String, String> rejected = Map.of("action", "create-invoice", "outcome", "rejected");

        io.restassured.RestAssured.given().contentType("application/json")
                .body(dealExecution("ap-metrics-unsigned", "301", "{}"))
                .when().post("/hubspot/actions/create-invoice").then().statusCode(401);

        assertEquals(1, MetricsScrape.now().count("ledgerbridge_actions_total", rejected)
                - before.count("ledgerbridge_actions_total", rejected));
        assertEquals(0, wireMock.getAllServeEvents().size());
    }
}
