package dev.ledgerbridge.bench;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ledgerbridge.e2e.SuiteApp;
import dev.ledgerbridge.e2e.SuiteHttp;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The exactly-once run: executions enrolled at a steady rate while the sandbox injects vendor faults, some
 * deliveries are duplicated (half of them concurrently) and services are SIGKILLed and restarted; then it waits for
 * the engine to drain and audits every execution against the documents QBO holds.
 */
final class FaultRun {

    /** One kind of execution the run enrolls: a record, a company, and whether a document is due. */
    record Case(String objectId, String realm, boolean documentDue, String expectedCode) {
    }

    /** Deals that succeed, and refusals: unmatched line items, no contact, a non-US company. */
    static final List<Case> SUCCESSES = LoadRun.WARM_DEALS.stream()
            .map(d -> new Case(d, SuiteHttp.US_REALM, true, "")).toList();
    static final List<Case> REFUSALS = List.of(new Case("304", SuiteHttp.US_REALM, false, "UNMATCHED_LINE_ITEMS"),
            new Case("305", SuiteHttp.US_REALM, false, "NO_CONTACT"),
            new Case("301", SuiteHttp.CANADIAN_REALM, false, "COMPANY_NOT_US"));

    /** The order services are killed in; the short run kills the first only. */
    static final List<SuiteApp> KILL_ORDER = List.of(SuiteApp.DOCUMENT, SuiteApp.CONTACT_SYNC, SuiteApp.PRODUCT_CATALOG,
            SuiteApp.GATEWAY, SuiteApp.PAYMENTS_BRIDGE);

    private final SuiteSession session;
    private final BenchOptions options;
    private final Random random;

    FaultRun(SuiteSession session, BenchOptions options) {
        this.session = session;
        this.options = options;
        this.random = new Random(options.seed());
    }

    /** The fault rules of the run (issue 10): QBO 429/5xx on 20% and +latency on 10%, HubSpot reads failing 5%. */
    Map<String, Object> faultSettings() {
        List<Map<String, Object>> rules = new ArrayList<>();
        Map<String, Object> qbo = new LinkedHashMap<>();
        qbo.put("vendor", "qbo");
        qbo.put("share429", 0.10);
        qbo.put("retryAfterSeconds", 1);
        qbo.put("share5xx", 0.10);
        qbo.put("status5xx", 503);
        qbo.put("latencyMs", 400);
        qbo.put("latencyShare", 0.10);
        rules.add(qbo);
        // HubSpot reads: GETs, batch reads and searches (writes and callback completions pass).
        for (String endpoint : List.of("GET /crm/*", "POST /crm/*/batch/read", "POST /crm/*/search")) {
            Map<String, Object> read = new LinkedHashMap<>();
            read.put("vendor", "hubspot");
            read.put("endpoint", endpoint);
            read.put("share5xx", 0.05);
            read.put("status5xx", 502);
            rules.add(read);
        }
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("seed", options.seed());
        settings.put("rules", rules);
        return settings;
    }

    /** Runs it and returns the report's content; {@code passed} says whether exactly-once held. */
    Map<String, Object> run() {
        int n = options.executions();
        List<SuiteApp> victims = KILL_ORDER.subList(0, options.kills());
        System.out.printf("%n== Fault run: %d executions at %s/s, faults on, kills: %s%n", n,
                BenchOptions.trim(options.faultRate()), victims.stream().map(SuiteApp::module).toList());
        SuiteHttp.Reply set = session.http().setFaults(faultSettings());
        if (set.status() != 200) {
            throw new IllegalStateException("the sandbox refused the fault rules: " + set.status() + " " + set.raw());
        }
        List<ExactlyOnceAudit.Planned> planned = new ArrayList<>();
        List<Map<String, Object>> kills = new ArrayList<>();
        AtomicInteger enrolledSoFar = new AtomicInteger();
        Thread chaos = new Thread(() -> killAndRestart(victims, n, enrolledSoFar, kills), "bench-chaos");
        chaos.setDaemon(true);
        chaos.start();

        long interval = (long) (1e9 / options.faultRate());
        long started = System.nanoTime();
        long next = started;
        for (int i = 0; i < n; i++) {
            long wait = next - System.nanoTime();
            if (wait > 0) {
                SuiteSession.pause(Duration.ofNanos(wait));
            }
            next += interval;
            Case c = random.nextDouble() < 0.85 ? SUCCESSES.get(random.nextInt(SUCCESSES.size()))
                    : REFUSALS.get(random.nextInt(REFUSALS.size()));
            boolean duplicated = random.nextDouble() < 0.30;
            boolean concurrent = duplicated && random.nextBoolean();
            Map<String, Object> enrollment = session.enrollment("create-invoice", "DEAL", c.objectId(), c.realm());
            if (duplicated) {
                enrollment.put("deliveries", 2);
                enrollment.put("concurrentDeliveries", concurrent);
            }
            String callbackId = session.enroll(enrollment);
            planned.add(new ExactlyOnceAudit.Planned(callbackId, c.objectId(), c.realm(), c.documentDue(),
                    duplicated ? 2 : 1, concurrent));
            enrolledSoFar.incrementAndGet();
            if ((i + 1) % Math.max(1, n / 10) == 0) {
                System.out.printf("  enrolled %d of %d%n", i + 1, n);
            }
        }
        long enrolledAt = System.nanoTime();
        try {
            chaos.join(Duration.ofMinutes(5).toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        System.out.println("  every execution enrolled; waiting for the engine to finish them all (every delivery answered)");
        Duration drainTimeout = options.shortRun() ? Duration.ofMinutes(3) : Duration.ofMinutes(10);
        long drainDeadline = System.nanoTime() + drainTimeout.toNanos();
        Map<String, ExactlyOnceAudit.EngineView> views = engineViews();
        while (System.nanoTime() < drainDeadline && unfinished(planned, views) > 0) {
            SuiteSession.pause(Duration.ofMillis(500));
            views = engineViews();
        }
        double drainSeconds = (System.nanoTime() - enrolledAt) / 1e9;
        JsonNode injected = session.http().faults().body();
        // The audit's own queries must not meet injected faults.
        session.http().clearFaults();
        List<ExactlyOnceAudit.Document> documents = invoices(SuiteHttp.US_REALM);
        documents.addAll(invoices(SuiteHttp.CANADIAN_REALM));
        ExactlyOnceAudit.Result audit = ExactlyOnceAudit.audit(planned, views, documents);

        Map<String, Object> report = new LinkedHashMap<>();
        report.put("executions", n);
        report.put("enrollmentsPerSecond", options.faultRate());
        report.put("enrollSeconds", ResourceSampler.round((enrolledAt - started) / 1e9));
        report.put("faultRules", faultSettings().get("rules"));
        report.put("faultsInjectedPerRule", injected.path("injected"));
        report.put("kills", kills);
        report.put("drainSeconds", ResourceSampler.round(drainSeconds));
        report.put("drainedWithin", drainTimeout.toSeconds() + " s");
        Map<String, Object> counts = new LinkedHashMap<>();
        counts.put("executed", audit.executed());
        counts.put("succeeded", audit.succeeded());
        counts.put("refusedByCode", audit.refusedByCode());
        counts.put("duplicates", audit.duplicates());
        counts.put("lost", audit.lost());
        counts.put("unfinished", audit.unfinished());
        counts.put("documentsWhereRefused", audit.documentsWhereRefused());
        counts.put("wrongDocumentId", audit.wrongDocumentId());
        counts.put("documentsOfOtherExecutions (warm-up, before the faults)", audit.orphanDocuments());
        counts.put("executionsDeliveredTwice", audit.duplicatedDeliveries());
        counts.put("ofThemConcurrently", audit.concurrentDeliveries());
        counts.put("attemptsRetriedByTheEngine", retriedAttempts(planned));
        report.put("audit", counts);
        report.put("findings", audit.findings().stream().limit(200).map(f -> Map.of("callbackId", f.callbackId(),
                "objectId", f.objectId(), "realm", f.realm(), "problem", f.problem())).toList());
        report.put("passed", audit.passed());
        return report;
    }

    /**
     * Kills each victim when its share of the enrollments is reached, whether or not the previous victim is back yet:
     * on a loaded machine a restart can take longer than the gap between two kills, and a kill schedule that waited
     * for it would slide past the end of the enrollments.
     */
    private void killAndRestart(List<SuiteApp> victims, int n, AtomicInteger enrolled, List<Map<String, Object>> kills) {
        List<Thread> restarts = new ArrayList<>();
        for (int k = 0; k < victims.size(); k++) {
            int at = (int) ((k + 1) * (long) n / (victims.size() + 1));
            while (enrolled.get() < at) {
                SuiteSession.pause(Duration.ofMillis(20));
            }
            SuiteApp app = victims.get(k);
            long killedAt = System.nanoTime();
            session.launcher().kill(app);
            int after = enrolled.get();
            System.out.printf("  SIGKILL %s after %d enrollments%n", app.module(), after);
            Thread restart = new Thread(() -> {
                long readyMs = session.launcher().restart(app);
                double down = (System.nanoTime() - killedAt) / 1e9;
                System.out.printf("  %s restarted on its port, ready %d ms after launch (down %.1f s)%n", app.module(),
                        readyMs, down);
                Map<String, Object> kill = new LinkedHashMap<>();
                kill.put("service", app.module());
                kill.put("afterEnrollments", after);
                kill.put("restartReadyMs", readyMs);
                List<Long> starts = session.quarkusStarts(app);
                kill.put("quarkusStartedInMs", starts.isEmpty() ? -1 : starts.get(starts.size() - 1));
                kill.put("downSeconds", ResourceSampler.round(down));
                synchronized (kills) {
                    kills.add(kill);
                }
            }, "bench-restart-" + app.module());
            restart.start();
            restarts.add(restart);
        }
        for (Thread restart : restarts) {
            try {
                restart.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private Map<String, ExactlyOnceAudit.EngineView> engineViews() {
        Map<String, ExactlyOnceAudit.EngineView> views = new HashMap<>();
        for (JsonNode e : session.http().executions(false).body().path("results")) {
            JsonNode out = e.path("outputFields");
            views.put(e.path("callbackId").asText(), new ExactlyOnceAudit.EngineView(e.path("callbackId").asText(),
                    e.path("state").asText(), e.path("deliveries").asInt(), e.path("deliveryOutcomes").size(),
                    out.path("error_code").asText(""), out.path("qbo_document_id").asText("")));
        }
        return views;
    }

    private static int unfinished(List<ExactlyOnceAudit.Planned> planned, Map<String, ExactlyOnceAudit.EngineView> views) {
        int open = 0;
        for (ExactlyOnceAudit.Planned p : planned) {
            ExactlyOnceAudit.EngineView v = views.get(p.callbackId());
            if (v == null || !SuiteSession.isFinal(v.state()) || v.answeredDeliveries() < v.deliveries()) {
                open++;
            }
        }
        return open;
    }

    private int retriedAttempts(List<ExactlyOnceAudit.Planned> planned) {
        int retried = 0;
        Map<String, Integer> attempts = new HashMap<>();
        for (JsonNode e : session.http().executions(false).body().path("results")) {
            attempts.put(e.path("callbackId").asText(), e.path("attemptCount").asInt());
        }
        for (ExactlyOnceAudit.Planned p : planned) {
            retried += Math.max(0, attempts.getOrDefault(p.callbackId(), 0) - p.deliveries());
        }
        return retried;
    }

    /** Every invoice of a company, paged as a client would (PrivateNote is not filterable in QBO). */
    private List<ExactlyOnceAudit.Document> invoices(String realm) {
        List<ExactlyOnceAudit.Document> documents = new ArrayList<>();
        int position = 1;
        while (true) {
            JsonNode page = session.http().qboQuery(realm,
                    "select * from Invoice STARTPOSITION " + position + " MAXRESULTS 1000").body()
                    .path("QueryResponse").path("Invoice");
            page.forEach(i -> documents.add(new ExactlyOnceAudit.Document(i.path("Id").asText(), i.path("PrivateNote").asText(null))));
            if (page.size() < 1000) {
                return documents;
            }
            position += 1000;
        }
    }
}
