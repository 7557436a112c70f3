package dev.ledgerbridge.e2e;

import static dev.ledgerbridge.e2e.E2eSuite.enrollment;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The slow path end to end (issue 6): QuickBooks throttles every call of the company for a while, so the gateway
 * cannot finish within its 5-second answer budget. The sandbox's workflow engine must get BLOCK, then the result
 * through the callback API once QBO lets calls through again, also when the gateway is killed and restarted while
 * the execution is blocked; and QBO must hold exactly one invoice for the execution.
 */
class SlowPathEndToEndIT {

    private static final String US = SuiteHttp.US_REALM;

    private static SuiteLauncher suite;
    private static SuiteHttp http;

    @BeforeAll
    static void launch() {
        suite = E2eSuite.suite();
        http = E2eSuite.http();
    }

    @AfterEach
    void noMoreFaults() {
        http.clearFaults();
    }

    @Test
    void shouldAnswerBlockAndCompleteThroughTheCallbackWhenQuickBooksThrottlesEverythingForTenSeconds() {
        throttleQuickBooks(10);

        String callbackId = enroll("301");
        awaitState(callbackId, "BLOCKED", Duration.ofSeconds(30));

        JsonNode done = awaitFinished(callbackId, Duration.ofSeconds(90));
        assertSucceededThroughCallback(done);
        assertTrue(injected429s() > 0, "the sandbox throttled no QBO call: " + http.faults().raw());
        assertOneInvoice(callbackId, done.path("outputFields").path("qbo_document_id").asText());
        JsonNode journal = http.get(suite.url(SuiteApp.GATEWAY), "/admin/v1/executions/" + callbackId).body();
        assertEquals("SENT", journal.path("completionState").asText(), journal.toString());
    }

    @Test
    void shouldCompleteABlockedExecutionAfterTheGatewayIsKilledAndRestarted() {
        throttleQuickBooks(20);

        String callbackId = enroll("303");
        awaitState(callbackId, "BLOCKED", Duration.ofSeconds(30));
        suite.kill(SuiteApp.GATEWAY);
        suite.restart(SuiteApp.GATEWAY);

        JsonNode done = awaitFinished(callbackId, Duration.ofSeconds(120));
        assertSucceededThroughCallback(done);
        assertOneInvoice(callbackId, done.path("outputFields").path("qbo_document_id").asText());
    }

    private static void throttleQuickBooks(int seconds) {
        SuiteHttp.Reply set = http.setFaults(Map.of("seed", 11, "rules", List.of(Map.of("vendor", "qbo",
                "share429", 1.0, "retryAfterSeconds", 1, "forSeconds", seconds))));
        assertEquals(200, set.status(), set.raw());
    }

    private static String enroll(String dealId) {
        SuiteHttp.Reply enrolled = http.enroll(enrollment("create-invoice", "DEAL", dealId, US));
        assertEquals(202, enrolled.status(), enrolled.raw());
        return enrolled.body().path("callbackId").asText();
    }

    private static void awaitState(String callbackId, String state, Duration atMost) {
        await().atMost(atMost).pollInterval(Duration.ofMillis(200))
                .until(() -> http.execution(callbackId).body().path("state").asText(), state::equals);
    }

    private static JsonNode awaitFinished(String callbackId, Duration atMost) {
        return await().atMost(atMost).pollInterval(Duration.ofMillis(250))
                .until(() -> http.execution(callbackId).body(), e -> {
                    String state = e.path("state").asText();
                    return !state.equals("RUNNING") && !state.equals("BLOCKED");
                });
    }

    private static void assertSucceededThroughCallback(JsonNode execution) {
        assertEquals("SUCCESS", execution.path("state").asText(), execution.toString());
        assertEquals("CALLBACK", execution.path("completedBy").asText(), execution.toString());
        assertFalse(execution.path("outputFields").path("qbo_document_id").asText().isEmpty(), execution.toString());
    }

    private static int injected429s() {
        int total = 0;
        for (JsonNode n : http.faults().body().path("injected")) {
            total += n.asInt();
        }
        return total;
    }

    /** Exactly one invoice in QBO carries this execution's marker, and it is the one reported. */
    private static void assertOneInvoice(String callbackId, String documentId) {
        JsonNode invoices = http.qboQuery(US, "select * from Invoice maxresults 1000").body()
                .path("QueryResponse").path("Invoice");
        int found = 0;
        String foundId = null;
        for (JsonNode invoice : invoices) {
            if (invoice.path("PrivateNote").asText().contains("callback=" + callbackId)) {
                found++;
                foundId = invoice.path("Id").asText();
            }
        }
        assertEquals(1, found, "invoices marked with " + callbackId);
        assertEquals(documentId, foundId);
    }
}
