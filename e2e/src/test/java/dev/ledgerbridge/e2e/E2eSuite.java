package dev.ledgerbridge.e2e;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The one suite every end-to-end test class shares: launched by the first class that asks, stopped when the
 * Failsafe JVM exits, so adding a test class costs its tests' time and not another start of six processes.
 * Tests that need a different sandbox behaviour change it through the sandbox's admin API (faults, seeds) and
 * undo it afterwards; they never relaunch the suite.
 */
final class E2eSuite {

    private static SuiteLauncher suite;
    private static SuiteHttp http;

    private E2eSuite() {
    }

    /** The running suite, launched (both seeded companies connected, the HubSpot app installed) on first use. */
    static synchronized SuiteLauncher suite() {
        if (suite == null) {
            Path root = Path.of(System.getProperty("ledgerbridge.repo-root", "..")).toAbsolutePath().normalize();
            // A separate suffix lets two checkouts run their end-to-end tests at once without sharing databases.
            String databaseSuffix = System.getProperty("ledgerbridge.e2e.db-suffix", "_e2e");
            // The sandbox throttles each QBO company at 10 requests/s like QBO; back-to-back actions plus the tests'
            // own verification queries would hit it. Throttling itself is covered by the sandbox's and the services'
            // tests, the slow path by SlowPathEndToEndIT (fault injection), the pacing by RealmPacerTest.
            // SlowPathEndToEndIT throttles QBO and kills the gateway while an execution is BLOCKED. Two production
            // waits are shortened so it runs in seconds, not minutes: the run lease after which a restarted gateway
            // resumes a blocked execution (default 2 min), and the Retry-After the services send while QBO throttles
            // (default 60 s, Intuit's advice).
            // The per-company pacing is off like the sandbox's throttle above (the demo keeps both).
            List<String> quickThrottleAnswers = List.of("-Dledgerbridge.quickbooks.throttle-backoff=PT2S",
                    "-Dledgerbridge.contacts.throttled-retry-after=PT2S",
                    "-Dledgerbridge.catalog.lookup.throttled-retry-after=PT2S",
                    "-Dledgerbridge.quickbooks.pace-per-second=0", "-Dledgerbridge.quickbooks.pace-per-minute=0");
            var options = new SuiteLauncher.Options(root, false, databaseSuffix, true, root.resolve("e2e/target/e2e-logs"),
                    Map.of("sandbox.qbo.throttle.per-second", "1000", "sandbox.qbo.throttle.per-minute", "60000",
                            // Likewise HubSpot's per-portal limit (110 per 10 s): the classes run back to back, and a
                            // 429 retry would add reads to the vendor-call counts they assert. The limit itself is the
                            // sandbox's and the HubSpot client's tests' subject.
                            "ledgerbridge.sandbox.hubspot.rate-limit.requests", "1000"),
                    Map.of(SuiteApp.GATEWAY, List.of("-Dledgerbridge.gateway.slow-path.run-lease=PT10S",
                                    "-Dledgerbridge.quickbooks.pace-per-second=0",
                                    "-Dledgerbridge.quickbooks.pace-per-minute=0"),
                            SuiteApp.CONTACT_SYNC, quickThrottleAnswers,
                            SuiteApp.PRODUCT_CATALOG, quickThrottleAnswers,
                            SuiteApp.DOCUMENT, quickThrottleAnswers,
                            SuiteApp.PAYMENTS_BRIDGE, List.of("-Dledgerbridge.quickbooks.throttle-backoff=PT2S",
                                    "-Dledgerbridge.quickbooks.pace-per-second=0",
                                    "-Dledgerbridge.quickbooks.pace-per-minute=0")));
            SuiteLauncher launched = SuiteLauncher.start(options, System.out::println);
            Runtime.getRuntime().addShutdownHook(new Thread(launched::close, "e2e-suite-stop"));
            SuiteHttp client = new SuiteHttp(launched.url(SuiteApp.SANDBOX), launched.url(SuiteApp.GATEWAY))
                    .withServices(List.of(launched.url(SuiteApp.CONTACT_SYNC), launched.url(SuiteApp.PRODUCT_CATALOG), launched.url(SuiteApp.DOCUMENT), launched.url(SuiteApp.PAYMENTS_BRIDGE)));
            // Through the real OAuth flows against the sandbox (issue 8): both companies, and the app in the portal.
            SuiteHttp.Reply us = client.connectCompany(SuiteHttp.US_REALM);
            assertEquals(200, us.status(), us.raw());
            SuiteHttp.Reply canadian = client.connectCompany(SuiteHttp.CANADIAN_REALM);
            assertEquals(200, canadian.status(), canadian.raw());
            SuiteHttp.Reply portal = client.installHubSpotApp();
            assertEquals(200, portal.status(), portal.raw());
            suite = launched;
            http = client;
        }
        return suite;
    }

    /**
     * A request builder for the URI carrying the bearer token a LedgerBridge app needs (issue 8): the admin client's
     * for the gateway, the gateway client's for a service, none for the sandbox.
     */
    static java.net.http.HttpRequest.Builder authorized(java.net.URI uri) {
        java.net.http.HttpRequest.Builder builder = java.net.http.HttpRequest.newBuilder(uri);
        String bearer = http().bearerFor(uri);
        return bearer == null ? builder : builder.header("Authorization", bearer);
    }

    /** Calls to the running suite. */
    static synchronized SuiteHttp http() {
        suite();
        return http;
    }

    /** An enrollment of a record into an action, for the sandbox's workflow engine. */
    static Map<String, Object> enrollment(String action, String objectType, String objectId, String realm) {
        Map<String, Object> enrollment = new LinkedHashMap<>();
        enrollment.put("actionUrl", http().actionUrl(action));
        enrollment.put("objectType", objectType);
        enrollment.put("objectId", objectId);
        enrollment.put("inputFields", new LinkedHashMap<>(Map.of("quickbooks_company", realm)));
        return enrollment;
    }

    /** Enrolls and waits until the sandbox's workflow engine considers the execution finished. */
    static JsonNode runToEnd(Map<String, Object> enrollment) {
        SuiteHttp.Reply enrolled = http().enroll(enrollment);
        assertEquals(202, enrolled.status(), enrolled.raw());
        String callbackId = enrolled.body().path("callbackId").asText();
        return await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100))
                .until(() -> http().execution(callbackId).body(), e -> {
                    String state = e.path("state").asText();
                    return !state.equals("RUNNING") && !state.equals("BLOCKED");
                });
    }

    /** One QBO entity by id in a company, or a missing node. */
    static JsonNode qboEntity(String realm, String entity, String id) {
        return http().qboQuery(realm, "select * from " + entity + " where Id = '" + id + "'").body()
                .path("QueryResponse").path(entity).path(0);
    }

    /** How many entities of a kind a company holds. */
    static long count(String realm, String entity) {
        return http().qboQuery(realm, "select count(*) from " + entity).body()
                .path("QueryResponse").path("totalCount").asLong();
    }

    /** "HubSpot r reads + w writes, QBO r reads + w writes (total n)" for a sandbox call summary. */
    static String summary(JsonNode calls) {
        JsonNode hubspot = calls.path("vendors").path("hubspot");
        JsonNode qbo = calls.path("vendors").path("qbo");
        return String.format("HubSpot %d reads + %d writes, QBO %d reads + %d writes (total %d)",
                hubspot.path("read").asLong(), hubspot.path("write").asLong(), qbo.path("read").asLong(),
                qbo.path("write").asLong(), calls.path("total").asLong());
    }
}
