package dev.ledgerbridge.documents.rest;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.ledgerbridge.documents.support.InjectWireMock;
import dev.ledgerbridge.documents.support.VendorWireMock;
import dev.ledgerbridge.observability.testing.MetricsScrape;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** After one created invoice, /q/metrics shows the QBO write by endpoint and status, and the route. */
@QuarkusTest
@QuarkusTestResource(VendorWireMock.class)
class DocumentMetricsTest {

    private static final String REALM = "9130350000000001";
    private static final Map<String, String> INVOICE_WRITE = Map.of("vendor", "quickbooks", "method", "POST",
            "endpoint", "/v3/company/{realmId}/invoice", "status", "200");

    @InjectWireMock
    WireMockServer wireMock;

    @BeforeEach
    void stubVendors() {
        wireMock.resetAll();
        wireMock.stubFor(get(urlPathMatching("/internal/v1/quickbooks/[0-9]+/access-token"))
                .willReturn(okJson("{\"accessToken\": \"sandbox-qbo-" + REALM + "\", \"expiresAt\": \""
                        + OffsetDateTime.now().plusHours(1) + "\"}")));
        // QBO numbers the invoice itself: "custom transaction numbers" off.
        wireMock.stubFor(get(urlPathEqualTo("/v3/company/" + REALM + "/preferences")).willReturn(okJson(
                "{\"Preferences\": {\"Id\": \"1\", \"SalesFormsPrefs\": {\"CustomTxnNumbers\": false}}}")));
        wireMock.stubFor(post(urlPathEqualTo("/v3/company/" + REALM + "/invoice")).willReturn(okJson("""
                {"Invoice": {"Id": "131", "SyncToken": "0", "DocNumber": "1002", "TxnDate": "2026-11-26",
                 "CustomerRef": {"value": "58", "name": "Ada Lovelace"}, "TotalAmt": 12000.00, "Balance": 12000.00},
                 "time": "2026-11-26T10:00:00.000-08:00"}""")));
    }

    @Test
    void shouldExposeTheQboWriteAndTheRouteAfterOneDocument() {
        String callbackId = "ap-metrics-" + UUID.randomUUID();
        MetricsScrape before = MetricsScrape.now();

        given().contentType(ContentType.JSON).header("X-LedgerBridge-Correlation-Id", callbackId).body("""
                {"idempotencyKey": "40213377:%s:invoice", "realmId": "%s", "type": "INVOICE", "customerId": "58",
                 "termName": null, "txnDate": "2026-11-26",
                 "source": {"portalId": 40213377, "objectType": "DEAL", "objectId": "301", "callbackId": "%s"},
                 "lines": [{"itemId": "2", "description": "Annual Subscription", "quantity": 1, "unitPrice": 12000.00}]}"""
                        .formatted(callbackId, REALM, callbackId))
                .when().post("/v1/documents")
                .then().statusCode(201);

        MetricsScrape after = MetricsScrape.now();
        assertEquals(1, after.count("ledgerbridge_vendor_calls_total", INVOICE_WRITE)
                - before.count("ledgerbridge_vendor_calls_total", INVOICE_WRITE));
        for (String name : List.of("ledgerbridge_vendor_call_duration_seconds_count", "sql_pool_active",
                "sql_pool_queue_size")) {
            assertTrue(after.has(name), name + " missing from /q/metrics");
        }
        assertTrue(after.count("http_server_requests_seconds_count", Map.of("uri", "/v1/documents", "status", "201")) >= 1,
                "per-route HTTP server metrics");
    }
}
