package dev.ledgerbridge.bench;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ledgerbridge.e2e.SuiteApp;
import dev.ledgerbridge.e2e.SuiteHttp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * One measured stage of a load run: open loop (enrollments at a fixed rate, whatever the suite answers) or closed
 * loop (a fixed number of executions in flight), warm-up first and excluded, bounded by time and count; then the
 * numbers of the executions enrolled in the measured window, read back from the workflow engine and the sandbox's
 * counters.
 */
final class LoadRun {

    /** Deals whose create-invoice succeeds on a warm path (linked contacts, items in the mirror). */
    static final List<String> WARM_DEALS = List.of("301", "302", "303", "306", "307");

    private static final Duration DRAIN_TIMEOUT = Duration.ofSeconds(180);

    /** An execution the stage enrolled. */
    private record Enrolled(String action, String callbackId, boolean measured) {
    }

    private final SuiteSession session;
    private final BenchOptions options;
    private final Random random;

    LoadRun(SuiteSession session, BenchOptions options) {
        this.session = session;
        this.options = options;
        this.random = new Random(options.seed());
    }

    /** Runs one stage: {@code rate} enrollments/s (open loop) or {@code concurrency} in flight (closed loop). */
    Map<String, Object> stage(Double rate, Integer concurrency) {
        String label = rate != null ? "open loop, " + BenchOptions.trim(rate) + " enrollments/s" : "closed loop, " + concurrency + " in flight";
        System.out.printf("%n== Stage: %s, warm-up %d s, measured %d s%s%n", label, options.warmup().toSeconds(),
                options.duration().toSeconds(), options.maxActions() == null ? "" : ", at most " + options.maxActions() + " actions");
        ConcurrentLinkedQueue<Enrolled> enrolled = new ConcurrentLinkedQueue<>();
        AtomicInteger enrollFailures = new AtomicInteger();
        String loadBefore = Machine.loadAverage();
        List<SuiteApp> sampled = new ArrayList<>(SuiteSession.SERVICES);
        // The sandbox is sampled too: it plays both vendors and the workflow engine on the same cores.
        sampled.add(SuiteApp.SANDBOX);
        ResourceSampler sampler = new ResourceSampler(session.launcher(), sampled);
        long[] window = rate != null ? openLoop(rate, enrolled, enrollFailures, sampler)
                : closedLoop(concurrency, enrolled, enrollFailures, sampler);
        long drainStarted = System.nanoTime();
        boolean drained = awaitDrain();
        double drainSeconds = (System.nanoTime() - drainStarted) / 1e9;
        // Sampled through the drain: the CPU of every execution finishing in that time is in the window.
        long sampledTo = System.currentTimeMillis();
        Map<SuiteApp, ResourceSampler.Usage> usage = sampler.stop();

        JsonNode all = session.http().executions(true).body().path("results");
        Map<String, JsonNode> views = new HashMap<>();
        all.forEach(e -> views.put(e.path("callbackId").asText(), e));
        SuiteHttp.Reply stats = session.http().stats();
        if (stats.status() != 200 || stats.body() == null) {
            System.out.printf("  the sandbox's counters could not be read (HTTP %d): vendor calls are missing from this stage%n",
                    stats.status());
        }
        JsonNode correlations = stats.body() == null ? SuiteHttp.parse("{}") : stats.body().path("correlations");

        List<Enrolled> measured = enrolled.stream().filter(Enrolled::measured).toList();
        double windowSeconds = (window[1] - window[0]) / 1e9;
        Map<String, Object> stage = new LinkedHashMap<>();
        stage.put("mode", rate != null ? "open" : "closed");
        stage.put("rate", rate);
        stage.put("concurrency", concurrency);
        stage.put("label", label);
        stage.put("loadAverageBefore", loadBefore);
        stage.put("measuredSeconds", ResourceSampler.round(windowSeconds));
        stage.put("enrolled", measured.size());
        stage.put("enrolledPerSecond", ResourceSampler.round(measured.size() / windowSeconds));
        stage.put("enrollFailures", enrollFailures.get());
        stage.put("drained", drained);
        stage.put("drainSeconds", ResourceSampler.round(drainSeconds));
        stage.put("sandboxCountersStatus", stats.status());
        Map<String, Object> actions = new LinkedHashMap<>();
        for (String action : options.mix().keySet()) {
            actions.put(action, actionNumbers(measured.stream().filter(e -> e.action().equals(action)).toList(), views,
                    correlations));
        }
        stage.put("actions", actions);
        Map<String, Object> resources = new LinkedHashMap<>();
        usage.forEach((app, u) -> resources.put(app.module(), u.view()));
        stage.put("resources", resources);
        // CPU per action is what a throughput target rests on when cores are shared: actions/s <= cores / CPU per action.
        long finished = 0;
        for (JsonNode view : views.values()) {
            String at = view.path("finishedAt").asText(null);
            if (at != null && !"null".equals(at)) {
                long ms = Instant.parse(at).toEpochMilli();
                if (ms >= sampler.startedAtMillis() && ms <= sampledTo) {
                    finished++;
                }
            }
        }
        double servicesCpu = 0;
        for (Map.Entry<SuiteApp, ResourceSampler.Usage> u : usage.entrySet()) {
            if (u.getKey() != SuiteApp.SANDBOX) {
                servicesCpu += u.getValue().cpuSeconds();
            }
        }
        double sandboxCpu = usage.get(SuiteApp.SANDBOX).cpuSeconds();
        Map<String, Object> cpu = new LinkedHashMap<>();
        cpu.put("executionsFinishedWhileSampled", finished);
        cpu.put("servicesCpuMsPerAction", finished == 0 ? 0 : ResourceSampler.round(servicesCpu * 1000 / finished));
        cpu.put("sandboxCpuMsPerAction", finished == 0 ? 0 : ResourceSampler.round(sandboxCpu * 1000 / finished));
        stage.put("cpuPerAction", cpu);
        return stage;
    }

    private long[] openLoop(double rate, ConcurrentLinkedQueue<Enrolled> enrolled, AtomicInteger failures,
                            ResourceSampler sampler) {
        long interval = (long) (1e9 / rate);
        long start = System.nanoTime();
        long warmEnd = start + options.warmup().toNanos();
        long end = warmEnd + options.duration().toNanos();
        long next = start;
        int measured = 0;
        boolean sampling = false;
        AtomicInteger inFlight = new AtomicInteger();
        while (true) {
            long now = System.nanoTime();
            if (now >= end || (options.maxActions() != null && measured >= options.maxActions())) {
                break;
            }
            if (now < next) {
                LockSupport.parkNanos(next - now);
                continue;
            }
            // The schedule, not the answers, decides when the next enrollment goes: a slow suite cannot slow the load.
            boolean inWindow = next >= warmEnd;
            if (inWindow && !sampling) {
                sampler.start();
                sampling = true;
            }
            if (inWindow) {
                measured++;
            }
            String action = pickAction();
            String body = SuiteHttp.json(session.enrollment(action, "DEAL", pickDeal(), SuiteHttp.US_REALM));
            inFlight.incrementAndGet();
            session.enrollAsync(body).whenComplete((callbackId, failure) -> {
                inFlight.decrementAndGet();
                if (failure != null) {
                    failures.incrementAndGet();
                } else {
                    enrolled.add(new Enrolled(action, callbackId, inWindow));
                }
            });
            next += interval;
        }
        long stopped = System.nanoTime();
        long deadline = stopped + Duration.ofSeconds(30).toNanos();
        while (inFlight.get() > 0 && System.nanoTime() < deadline) {
            LockSupport.parkNanos(1_000_000);
        }
        if (!sampling) {
            sampler.start();
        }
        return new long[] {warmEnd, stopped};
    }

    private long[] closedLoop(int concurrency, ConcurrentLinkedQueue<Enrolled> enrolled, AtomicInteger failures,
                              ResourceSampler sampler) {
        long start = System.nanoTime();
        long warmEnd = start + options.warmup().toNanos();
        long end = warmEnd + options.duration().toNanos();
        AtomicInteger measured = new AtomicInteger();
        CountDownLatch done = new CountDownLatch(concurrency);
        for (int w = 0; w < concurrency; w++) {
            Thread worker = new Thread(() -> {
                try {
                    while (true) {
                        long now = System.nanoTime();
                        boolean inWindow = now >= warmEnd;
                        if (now >= end || (inWindow && options.maxActions() != null
                                && measured.incrementAndGet() > options.maxActions())) {
                            return;
                        }
                        String action = pickAction();
                        try {
                            JsonNode finished = session.runToEnd(session.enrollment(action, "DEAL", pickDeal(), SuiteHttp.US_REALM));
                            enrolled.add(new Enrolled(action, finished.path("callbackId").asText(), inWindow));
                        } catch (RuntimeException e) {
                            failures.incrementAndGet();
                        }
                    }
                } finally {
                    done.countDown();
                }
            }, "bench-closed-loop-" + w);
            worker.setDaemon(true);
            worker.start();
        }
        LockSupport.parkNanos(Math.max(0, warmEnd - System.nanoTime()));
        sampler.start();
        try {
            done.await(options.warmup().toSeconds() + options.duration().toSeconds() + 180, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return new long[] {warmEnd, System.nanoTime()};
    }

    private synchronized String pickAction() {
        int total = options.mix().values().stream().mapToInt(Integer::intValue).sum();
        int draw = random.nextInt(total);
        for (Map.Entry<String, Integer> e : new TreeMap<>(options.mix()).entrySet()) {
            draw -= e.getValue();
            if (draw < 0) {
                return e.getKey();
            }
        }
        throw new IllegalStateException("empty mix");
    }

    private synchronized String pickDeal() {
        return WARM_DEALS.get(random.nextInt(WARM_DEALS.size()));
    }

    /** Waits until the engine holds no running execution (warm-up ones included) or the drain timeout passes. */
    private boolean awaitDrain() {
        long deadline = System.nanoTime() + DRAIN_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (session.http().executionsIn("RUNNING").body().path("results").isEmpty()) {
                return true;
            }
            SuiteSession.pause(Duration.ofMillis(200));
        }
        return false;
    }

    private static Map<String, Object> actionNumbers(List<Enrolled> executions, Map<String, JsonNode> views,
                                                     JsonNode correlations) {
        List<Long> firstAttempt = new ArrayList<>();
        List<Long> allAttempts = new ArrayList<>();
        List<Long> endToEnd = new ArrayList<>();
        Map<String, Integer> states = new TreeMap<>();
        Map<String, Integer> callShapes = new TreeMap<>();
        int retried = 0;
        long minCreated = Long.MAX_VALUE;
        long maxFinished = Long.MIN_VALUE;
        long hubspotRead = 0;
        long hubspotWrite = 0;
        long qboRead = 0;
        long qboWrite = 0;
        int atFloor = 0;
        Map<String, List<Long>> hops = new LinkedHashMap<>();
        for (String hop : HOPS) {
            hops.put(hop, new ArrayList<>());
        }
        for (Enrolled e : executions) {
            JsonNode view = views.get(e.callbackId());
            if (view == null) {
                states.merge("UNKNOWN", 1, Integer::sum);
                continue;
            }
            String state = view.path("state").asText();
            states.merge(state, 1, Integer::sum);
            for (JsonNode attempt : view.path("attempts")) {
                allAttempts.add(attempt.path("durationMillis").asLong());
                if (attempt.path("delivery").asInt() == 1 && attempt.path("attempt").asInt() == 1) {
                    firstAttempt.add(attempt.path("durationMillis").asLong());
                }
            }
            if (view.path("attemptCount").asInt() > 1) {
                retried++;
            }
            Instant created = Instant.parse(view.path("createdAt").asText());
            minCreated = Math.min(minCreated, created.toEpochMilli());
            if (!view.path("finishedAt").isNull() && !view.path("finishedAt").isMissingNode()) {
                Instant finished = Instant.parse(view.path("finishedAt").asText());
                endToEnd.add(Duration.between(created, finished).toMillis());
                maxFinished = Math.max(maxFinished, finished.toEpochMilli());
            }
            JsonNode vendors = correlations.path(e.callbackId()).path("vendors");
            long hr = vendors.path("hubspot").path("read").asLong();
            long hw = vendors.path("hubspot").path("write").asLong();
            long qr = vendors.path("qbo").path("read").asLong();
            long qw = vendors.path("qbo").path("write").asLong();
            hubspotRead += hr;
            hubspotWrite += hw;
            qboRead += qr;
            qboWrite += qw;
            callShapes.merge(String.format("HubSpot %dR+%dW, QBO %dR+%dW", hr, hw, qr, qw), 1, Integer::sum);
            if (hr == 3 && hw == 1 && qr == 0 && qw == 1) {
                atFloor++;
                if (view.path("attemptCount").asInt() == 1) {
                    addHops(view.path("attempts").path(0), correlations.path(e.callbackId()).path("calls"), hops);
                }
            }
        }
        int n = executions.size();
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("executions", n);
        v.put("states", states);
        v.put("retriedExecutions", retried);
        double completionSeconds = maxFinished > minCreated ? (maxFinished - minCreated) / 1000.0 : 0;
        long finished = states.getOrDefault("SUCCESS", 0) + states.getOrDefault("FAIL_CONTINUE", 0);
        v.put("completedPerSecond", completionSeconds > 0 ? ResourceSampler.round(finished / completionSeconds) : 0);
        v.put("latencyFirstAttemptMs", summary(firstAttempt));
        v.put("latencyAllAttemptsMs", summary(allAttempts));
        v.put("latencyEnrollToFinishedMs", summary(endToEnd));
        Map<String, Object> hopSummaries = new LinkedHashMap<>();
        hops.forEach((hop, samples) -> hopSummaries.put(hop, summary(samples)));
        v.put("hopsMs", hopSummaries);
        Map<String, Object> calls = new LinkedHashMap<>();
        calls.put("hubspotReads", perAction(hubspotRead, n));
        calls.put("hubspotWrites", perAction(hubspotWrite, n));
        calls.put("qboReads", perAction(qboRead, n));
        calls.put("qboWrites", perAction(qboWrite, n));
        calls.put("total", perAction(hubspotRead + hubspotWrite + qboRead + qboWrite, n));
        calls.put("executionsAtTheFloor", atFloor);
        calls.put("shapes", callShapes);
        v.put("vendorCallsPerAction", calls);
        return v;
    }

    /** The hops of a warm create-invoice, as the sandbox sees them: its clock stamps each vendor call it receives. */
    static final List<String> HOPS = List.of(
            "engine sends -> first HubSpot read (engine's connection queue, gateway edge: signature, journal claim, company check)",
            "first -> last HubSpot read (deal, contacts, line items)",
            "last HubSpot read -> QBO invoice write (customer link, items, document-service)",
            "QBO invoice write -> HubSpot note write (QBO answer, document recorded, gateway)",
            "HubSpot note write -> answer at the engine (journal finished, response)");

    private static void addHops(JsonNode attempt, JsonNode calls, Map<String, List<Long>> hops) {
        long start = attempt.path("atEpochMillis").asLong();
        long end = start + attempt.path("durationMillis").asLong();
        long firstRead = -1;
        long lastRead = -1;
        long qboWrite = -1;
        long hubspotWrite = -1;
        for (JsonNode call : calls) {
            long at = Instant.parse(call.path("at").asText()).toEpochMilli();
            boolean read = "read".equals(call.path("kind").asText());
            boolean hubspot = "hubspot".equals(call.path("vendor").asText());
            if (hubspot && read) {
                firstRead = firstRead < 0 ? at : firstRead;
                lastRead = at;
            } else if (!hubspot && !read) {
                qboWrite = at;
            } else if (hubspot) {
                hubspotWrite = at;
            }
        }
        if (firstRead < 0 || qboWrite < 0 || hubspotWrite < 0) {
            return;
        }
        long[] marks = {start, firstRead, lastRead, qboWrite, hubspotWrite, end};
        for (int i = 0; i < HOPS.size(); i++) {
            hops.get(HOPS.get(i)).add(Math.max(0, marks[i + 1] - marks[i]));
        }
    }

    private static Map<String, Object> summary(List<Long> samples) {
        LatencySummary s = LatencySummary.of(samples);
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("count", s.count());
        v.put("mean", ResourceSampler.round(s.mean()));
        v.put("p50", s.p50());
        v.put("p95", s.p95());
        v.put("p99", s.p99());
        v.put("max", s.max());
        return v;
    }

    private static double perAction(long total, int n) {
        return n == 0 ? 0 : Math.round(total * 1000.0 / n) / 1000.0;
    }
}
