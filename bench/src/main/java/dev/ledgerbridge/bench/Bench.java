package dev.ledgerbridge.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.ledgerbridge.e2e.SuiteApp;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The harness's entry point ({@code scripts/bench.sh}): a load run (one report of one or more measured stages) or
 * a fault run with its exactly-once audit; exits 1 when the audit finds a duplicate or a lost execution.
 */
public final class Bench {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private Bench() {
    }

    public static void main(String[] args) {
        BenchOptions options;
        try {
            options = BenchOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("bench: " + e.getMessage());
            System.err.println(BenchOptions.USAGE);
            System.exit(2);
            return;
        }
        for (String action : options.mix().keySet()) {
            if (!action.equals("create-invoice")) {
                System.err.println("bench: unknown action " + action + " (actions today: create-invoice)");
                System.exit(2);
            }
        }
        Machine machine = Machine.read(options.repoRoot());
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("name", options.name());
        report.put("kind", options.faults() ? "faults" : "load");
        report.put("startedAt", Instant.now().toString());
        report.put("machine", machine.view());
        int exit;
        if (options.faults()) {
            exit = faults(options, report);
        } else {
            exit = load(options, report);
        }
        report.put("finishedAt", Instant.now().toString());
        Path written = write(options, report);
        System.out.println("\nReport: " + written + " (and .json)");
        System.exit(exit);
    }

    /** Per-company QBO pacing off: the runs lift the sandbox's QBO throttle, and measure the suite, not the pacing. */
    private static final List<String> PACING_OFF = List.of("-Dledgerbridge.quickbooks.pace-per-second=0",
            "-Dledgerbridge.quickbooks.pace-per-minute=0");

    private static int load(BenchOptions options, Map<String, Object> report) {
        Map<String, String> sandbox = new LinkedHashMap<>(Settings.LOAD_SANDBOX);
        Map<SuiteApp, List<String>> jvm = new LinkedHashMap<>();
        for (SuiteApp app : SuiteSession.SERVICES) {
            jvm.put(app, new ArrayList<>(options.serviceJvm()));
            // The sandbox's QBO throttle is lifted for load runs (Settings.LOAD_SANDBOX); so is the services' pacing.
            jvm.get(app).addAll(PACING_OFF);
        }
        report.put("serviceJvmArguments", options.serviceJvm());
        // The sandbox keeps every execution, attempt and vendor call of the run in memory; 256 MB is not enough for a
        // run of tens of thousands of executions. It is the vendors, not a service under test.
        jvm.put(SuiteApp.SANDBOX, List.of("-Xmx1g"));
        if (options.jfr()) {
            // Recordings are tens of MB: they stay under target/, the report names the file.
            Path jfr = options.repoRoot().resolve("bench/target/jfr/" + LocalDate.now(ZoneOffset.UTC) + "-" + options.name() + "-gateway.jfr");
            try {
                Files.createDirectories(jfr.getParent());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            jvm.get(SuiteApp.GATEWAY).add("-XX:StartFlightRecording=filename=" + jfr + ",settings=profile");
            report.put("flightRecording", options.repoRoot().relativize(jfr).toString());
        }
        report.put("sandboxSettings", sandbox);
        report.put("options", Map.of("mix", options.mix(), "warmupSeconds", options.warmup().toSeconds(),
                "durationSeconds", options.duration().toSeconds(),
                "maxActions", options.maxActions() == null ? "none" : options.maxActions()));
        System.out.println("== Launching the sandbox and the five services");
        try (SuiteSession session = SuiteSession.launch(options, sandbox, jvm, options.name())) {
            report.put("ready", readiness(session));
            System.out.println("== Warming: one execution per deal links its contacts; the catalog mirror loads");
            session.warm(LoadRun.WARM_DEALS);
            LoadRun run = new LoadRun(session, options);
            List<Map<String, Object>> stages = new ArrayList<>();
            for (Double rate : options.rates()) {
                Map<String, Object> stage = run.stage(rate, null);
                stages.add(stage);
                System.out.print(ReportWriter.stageMarkdown(stage));
            }
            for (Integer concurrency : options.concurrencies()) {
                Map<String, Object> stage = run.stage(null, concurrency);
                stages.add(stage);
                System.out.print(ReportWriter.stageMarkdown(stage));
            }
            report.put("stages", stages);
            report.put("targets", Targets.evaluate(report));
        }
        return 0;
    }

    private static int faults(BenchOptions options, Map<String, Object> report) {
        Map<String, String> sandbox = new LinkedHashMap<>(Settings.FAULT_SANDBOX);
        report.put("sandboxSettings", sandbox);
        System.out.println("== Launching the sandbox and the five services");
        // The gateway is SIGKILLed during the run: a BLOCKED execution it was working on is resumed by the restarted
        // process once its run lease (production default 2 min) runs out, so the lease is shortened to fit the drain.
        Map<SuiteApp, List<String>> jvm = new LinkedHashMap<>();
        for (SuiteApp app : SuiteSession.SERVICES) {
            jvm.put(app, new ArrayList<>(PACING_OFF));
        }
        jvm.get(SuiteApp.GATEWAY).add("-Dledgerbridge.gateway.slow-path.run-lease=PT15S");
        jvm.put(SuiteApp.SANDBOX, List.of("-Xmx1g"));
        try (SuiteSession session = SuiteSession.launch(options, sandbox, jvm, options.name())) {
            report.put("ready", readiness(session));
            System.out.println("== Warming: one execution per deal (no faults yet)");
            session.warm(LoadRun.WARM_DEALS);
            Map<String, Object> run = new FaultRun(session, options).run();
            report.put("faultRun", run);
            System.out.print(ReportWriter.faultMarkdown(run));
            return Boolean.TRUE.equals(run.get("passed")) ? 0 : 1;
        }
    }

    private static Map<String, Object> readiness(SuiteSession session) {
        Map<String, Object> ready = new LinkedHashMap<>();
        Map<SuiteApp, Long> quarkus = session.quarkusStartMillis();
        for (SuiteApp app : SuiteSession.SERVICES) {
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("readyAfterLaunchMs", session.launcher().readyMillis(app));
            r.put("quarkusStartedInMs", quarkus.get(app));
            ready.put(app.module(), r);
        }
        return ready;
    }

    private static Path write(BenchOptions options, Map<String, Object> report) {
        try {
            Files.createDirectories(options.resultsDir());
            String base = LocalDate.now(ZoneOffset.UTC) + "-" + options.name();
            Path md = options.resultsDir().resolve(base + ".md");
            Files.writeString(md, ReportWriter.markdown(report));
            Files.writeString(options.resultsDir().resolve(base + ".json"), JSON.writeValueAsString(report) + "\n");
            return md;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
