package dev.ledgerbridge.e2e;

import static dev.ledgerbridge.e2e.E2eSuite.enrollment;
import static dev.ledgerbridge.e2e.E2eSuite.runToEnd;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Operations end to end (issue 9): one create-invoice is one trace with spans from every service it touched
 * (exported to the sandbox's OTLP receiver), and every service's /q/metrics carries the named metrics.
 */
class ObservabilityEndToEndIT {

    private static final Set<String> SERVICES_OF_AN_INVOICE = Set.of("gateway", "contact-sync-service",
            "product-catalog-service", "document-service");
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private static SuiteLauncher suite;
    private static SuiteHttp http;

    @BeforeAll
    static void launch() {
        suite = E2eSuite.suite();
        http = E2eSuite.http();
    }

    @Test
    void shouldTraceOneExecutionAcrossEveryServiceItTouched() {
        JsonNode execution = runToEnd(enrollment("create-invoice", "DEAL", "302", SuiteHttp.US_REALM));
        assertEquals("SUCCESS", execution.path("outputFields").path("hs_execution_state").asText(), execution.toString());
        String callbackId = execution.path("callbackId").asText();

        // Spans arrive in batches after the answer; wait until every service's batch is in.
        JsonNode spans = await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .until(() -> spansOf(callbackId), s -> services(s).containsAll(SERVICES_OF_AN_INVOICE));

        List<String> traceIds = traceIdsOf(callbackId);
        assertEquals(1, traceIds.size(), "one trace per HubSpot execution: " + traceIds);
        Set<String> vendorCalls = new TreeSet<>();
        for (JsonNode span : spans) {
            assertEquals(traceIds.get(0), span.path("traceId").asText());
            if ("CLIENT".equals(span.path("kind").asText()) && span.path("attributes").has("peer.service")) {
                vendorCalls.add(span.path("service").asText() + " -> " + span.path("attributes").path("peer.service").asText());
            }
        }
        System.out.println("trace " + traceIds.get(0) + " of " + callbackId + ": " + spans.size() + " spans from "
                + services(spans) + "; vendor calls " + vendorCalls);
        assertTrue(vendorCalls.contains("gateway -> hubspot"), vendorCalls.toString());
        assertTrue(vendorCalls.contains("document-service -> quickbooks"), vendorCalls.toString());
    }

    @Test
    void shouldExposeTheNamedMetricsOfEveryService() throws IOException {
        JsonNode execution = runToEnd(enrollment("create-invoice", "DEAL", "302", SuiteHttp.US_REALM));
        assertEquals("SUCCESS", execution.path("outputFields").path("hs_execution_state").asText(), execution.toString());
        Map<SuiteApp, List<String>> expected = new EnumMap<>(SuiteApp.class);
        expected.put(SuiteApp.GATEWAY, List.of("ledgerbridge_actions_total{action=\"create-invoice\",outcome=\"success\"}",
                "ledgerbridge_actions_in_flight", "ledgerbridge_journal_backlog", "ledgerbridge_connections_reconnect_needed",
                "ledgerbridge_vendor_calls_total{endpoint=\"/crm/v3/objects/{type}/{id}\",method=\"GET\",status=\"200\",vendor=\"hubspot\"}",
                "http_server_requests_seconds_count", "sql_pool_active"));
        expected.put(SuiteApp.CONTACT_SYNC, List.of("ledgerbridge_vendor_calls_total", "sql_pool_active"));
        // The catalog's gauge appears once its refresh (every 15 s) has seen the mirror the first action loaded.
        expected.put(SuiteApp.PRODUCT_CATALOG, List.of("ledgerbridge_vendor_calls_total",
                "ledgerbridge_catalog_sync_lag_seconds{realm=\"" + SuiteHttp.US_REALM + "\"}", "sql_pool_active"));
        expected.put(SuiteApp.DOCUMENT, List.of(
                "ledgerbridge_vendor_calls_total{endpoint=\"/v3/company/{realmId}/invoice\",method=\"POST\",status=\"200\",vendor=\"quickbooks\"}",
                "ledgerbridge_vendor_call_duration_seconds_count", "sql_pool_active"));
        expected.put(SuiteApp.PAYMENTS_BRIDGE, List.of("sql_pool_active", "jvm_memory_used_bytes"));

        expected.forEach((app, names) -> await().atMost(Duration.ofSeconds(40)).pollInterval(Duration.ofMillis(500))
                .untilAsserted(() -> {
                    String metrics = metrics(app);
                    for (String name : names) {
                        assertTrue(metrics.contains("\n" + name), app.module() + " /q/metrics lacks " + name);
                    }
                }));
        // Resident memory after the suite's actions, next to k8s/measure-jvm.sh's idle numbers (k8s/README.md).
        for (SuiteApp app : expected.keySet()) {
            System.out.printf("%-24s RSS %d MiB after end-to-end actions (launch to ready %d ms)%n", app.module(),
                    residentMiB(suite.pid(app)), suite.readyMillis(app));
        }
    }

    private static long residentMiB(long pid) throws IOException {
        for (String line : java.nio.file.Files.readAllLines(java.nio.file.Path.of("/proc/" + pid + "/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024;
            }
        }
        return -1;
    }

    private static JsonNode spansOf(String callbackId) {
        List<String> ids = traceIdsOf(callbackId);
        if (ids.isEmpty()) {
            return SuiteHttp.parse("[]");
        }
        return http.get(suite.url(SuiteApp.SANDBOX), "/_sandbox/traces/" + ids.get(0)).body();
    }

    private static List<String> traceIdsOf(String callbackId) {
        JsonNode ids = http.get(suite.url(SuiteApp.SANDBOX), "/_sandbox/traces?callbackId=" + callbackId).body();
        return ids == null ? List.of() : java.util.stream.StreamSupport.stream(ids.spliterator(), false)
                .map(JsonNode::asText).toList();
    }

    private static Set<String> services(JsonNode spans) {
        Set<String> services = new TreeSet<>();
        spans.forEach(span -> services.add(span.path("service").asText()));
        return services;
    }

    private static String metrics(SuiteApp app) throws IOException, InterruptedException {
        URI uri = suite.url(app).resolve("/q/metrics");
        HttpResponse<String> response = CLIENT.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).GET()
                .build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), uri.toString());
        return "\n" + response.body();
    }
}
