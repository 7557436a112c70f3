package dev.ledgerbridge.k8s;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/** The dashboard and the alert rules cover the metrics the services publish (names as in their /q/metrics). */
class ObservabilityTest {

    /** Every metric issue 9 names, as Prometheus exposes it. */
    static final List<String> NAMED_METRICS = List.of("ledgerbridge_actions_total", "ledgerbridge_refusals_total",
            "ledgerbridge_actions_in_flight", "ledgerbridge_vendor_calls_total",
            "ledgerbridge_vendor_call_duration_seconds_count", "ledgerbridge_vendor_throttle_waits_total",
            "ledgerbridge_vendor_throttle_wait_seconds_total", "ledgerbridge_journal_backlog",
            "ledgerbridge_catalog_sync_lag_seconds", "ledgerbridge_connections_reconnect_needed", "sql_pool_active",
            "http_server_requests_seconds_count");

    @Test
    void shouldChartEveryNamedMetricOnTheDashboard() throws Exception {
        JsonNode dashboard = new ObjectMapper().readTree(Path.of("observability/ledgerbridge-dashboard.json").toFile());
        StringBuilder expressions = new StringBuilder();
        for (JsonNode panel : dashboard.path("panels")) {
            panel.path("targets").forEach(t -> expressions.append(t.path("expr").asText()).append('\n'));
        }
        List<String> missing = new ArrayList<>();
        for (String metric : NAMED_METRICS) {
            if (!expressions.toString().contains(metric)) {
                missing.add(metric);
            }
        }
        assertEquals(List.of(), missing, "metrics without a dashboard panel");
    }

    @Test
    void shouldShipTheFourAlertsOfTheIssueInProduction() {
        JsonNode rule = ManifestPolicies.ofKind(OverlaysTest.render("prod"), "PrometheusRule").get(0);
        Set<String> alerts = new TreeSet<>();
        for (JsonNode group : rule.path("spec").path("groups")) {
            for (JsonNode r : group.path("rules")) {
                alerts.add(r.path("alert").asText());
                assertTrue(r.path("expr").asText().contains("ledgerbridge_"), r.toString());
            }
        }
        assertTrue(alerts.containsAll(Set.of("LedgerBridgeActionFailureRate", "LedgerBridgeQboThrottling",
                "LedgerBridgeCatalogSyncLag", "LedgerBridgeReconnectNeeded")), alerts.toString());
    }
}
