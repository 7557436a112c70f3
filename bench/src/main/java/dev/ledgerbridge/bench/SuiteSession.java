package dev.ledgerbridge.bench;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ledgerbridge.e2e.SuiteApp;
import dev.ledgerbridge.e2e.SuiteHttp;
import dev.ledgerbridge.e2e.SuiteLauncher;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The launched suite as the harness uses it: the launcher, blocking admin calls, a non-blocking enroll for open-loop
 * load, the seeded companies connected, and the warm-up of customer links and the catalog mirror.
 */
final class SuiteSession implements AutoCloseable {

    /** The five services whose memory, CPU and start time the report holds (the sandbox is the vendors, not us). */
    static final List<SuiteApp> SERVICES = List.of(SuiteApp.GATEWAY, SuiteApp.CONTACT_SYNC, SuiteApp.PRODUCT_CATALOG,
            SuiteApp.DOCUMENT, SuiteApp.PAYMENTS_BRIDGE);

    private static final Pattern STARTED_IN = Pattern.compile("started in ([0-9.]+)s");
    private static final Duration EXECUTION_TIMEOUT = Duration.ofSeconds(120);

    private final SuiteLauncher launcher;
    private final SuiteHttp http;
    private final HttpClient async = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final URI enrollUri;

    private SuiteSession(SuiteLauncher launcher) {
        this.launcher = launcher;
        this.http = new SuiteHttp(launcher.url(SuiteApp.SANDBOX), launcher.url(SuiteApp.GATEWAY))
                .withServices(List.of(launcher.url(SuiteApp.CONTACT_SYNC), launcher.url(SuiteApp.PRODUCT_CATALOG), launcher.url(SuiteApp.DOCUMENT), launcher.url(SuiteApp.PAYMENTS_BRIDGE)));
        this.enrollUri = launcher.url(SuiteApp.SANDBOX).resolve("/_sandbox/workflows/enroll");
    }

    /** Launches the suite with the given sandbox properties and per-app JVM arguments, connects both companies and installs the HubSpot app. */
    static SuiteSession launch(BenchOptions options, Map<String, String> sandboxProperties,
                               Map<SuiteApp, List<String>> jvmArguments, String logName) {
        Path logs = options.repoRoot().resolve("bench/target/logs/" + logName);
        var launcherOptions = new SuiteLauncher.Options(options.repoRoot(), false, options.dbSuffix(), true, logs,
                sandboxProperties, jvmArguments);
        SuiteLauncher launcher = SuiteLauncher.start(launcherOptions, line -> System.out.println("  " + line));
        SuiteSession session = new SuiteSession(launcher);
        Runtime.getRuntime().addShutdownHook(new Thread(launcher::close, "bench-suite-stop"));
        for (String realm : new String[] {SuiteHttp.US_REALM, SuiteHttp.CANADIAN_REALM}) {
            SuiteHttp.Reply reply = session.http.connectCompany(realm);
            if (reply.status() != 200) {
                session.close();
                throw new IllegalStateException("connecting company " + realm + " failed: " + reply.status() + " " + reply.raw());
            }
        }
        // The gateway reads HubSpot with the portal's stored OAuth tokens (issue 8): the app must be installed.
        SuiteHttp.Reply portal = session.http.installHubSpotApp();
        if (portal.status() != 200) {
            session.close();
            throw new IllegalStateException("installing the HubSpot app failed: " + portal.status() + " " + portal.raw());
        }
        return session;
    }

    SuiteLauncher launcher() {
        return launcher;
    }

    SuiteHttp http() {
        return http;
    }

    /** An enrollment for the sandbox's workflow engine. */
    Map<String, Object> enrollment(String action, String objectType, String objectId, String realm) {
        Map<String, Object> enrollment = new LinkedHashMap<>();
        enrollment.put("actionUrl", http.actionUrl(action));
        enrollment.put("objectType", objectType);
        enrollment.put("objectId", objectId);
        enrollment.put("inputFields", Map.of("quickbooks_company", realm));
        return enrollment;
    }

    /** Enrolls and returns the callbackId, or throws when the engine refuses. */
    String enroll(Map<String, Object> enrollment) {
        SuiteHttp.Reply reply = http.enroll(enrollment);
        if (reply.status() != 202) {
            throw new IllegalStateException("the workflow engine refused an enrollment: " + reply.status() + " " + reply.raw());
        }
        return reply.body().path("callbackId").asText();
    }

    /** Enrolls without blocking; completes with the callbackId (open loop: the next enrollment never waits for it). */
    CompletableFuture<String> enrollAsync(String body) {
        HttpRequest request = HttpRequest.newBuilder(enrollUri).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build();
        return async.sendAsync(request, HttpResponse.BodyHandlers.ofString()).thenApply(response -> {
            if (response.statusCode() != 202) {
                throw new IllegalStateException("enroll answered " + response.statusCode() + " " + response.body());
            }
            return SuiteHttp.parse(response.body()).path("callbackId").asText();
        });
    }

    /** Enrolls and waits until the engine considers the execution finished; returns its view. */
    JsonNode runToEnd(Map<String, Object> enrollment) {
        String callbackId = enroll(enrollment);
        long deadline = System.nanoTime() + EXECUTION_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            JsonNode execution = http.execution(callbackId).body();
            if (isFinal(execution.path("state").asText())) {
                return execution;
            }
            pause(Duration.ofMillis(20));
        }
        throw new IllegalStateException("execution " + callbackId + " did not finish within " + EXECUTION_TIMEOUT.toSeconds() + " s");
    }

    /**
     * Warms the suite: one execution per deal links its contacts, the first starts the catalog mirror's load, which
     * is awaited; the deals are then run again so the measured executions meet a fully warm path.
     */
    void warm(List<String> deals) {
        for (String deal : deals) {
            JsonNode done = runToEnd(enrollment("create-invoice", "DEAL", deal, SuiteHttp.US_REALM));
            if (!"SUCCESS".equals(done.path("state").asText())) {
                throw new IllegalStateException("warming deal " + deal + " did not succeed: " + done.path("outputFields"));
            }
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!"LOADED".equals(http.get(launcher.url(SuiteApp.PRODUCT_CATALOG), "/v1/catalog/" + SuiteHttp.US_REALM)
                .body().path("status").asText())) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the catalog mirror was not LOADED within 60 s");
            }
            pause(Duration.ofMillis(100));
        }
        for (String deal : deals) {
            runToEnd(enrollment("create-invoice", "DEAL", deal, SuiteHttp.US_REALM));
        }
    }

    /** Quarkus' own "started in X s" of each service's first start, in milliseconds (-1 when not found). */
    Map<SuiteApp, Long> quarkusStartMillis() {
        Map<SuiteApp, Long> started = new EnumMap<>(SuiteApp.class);
        for (SuiteApp app : SERVICES) {
            long ms = -1;
            try {
                Matcher m = STARTED_IN.matcher(Files.readString(launcher.logFile(app)));
                if (m.find()) {
                    ms = Math.round(Double.parseDouble(m.group(1)) * 1000);
                }
            } catch (IOException e) {
                // no log: leave -1
            }
            started.put(app, ms);
        }
        return started;
    }

    /** Every "started in X s" of a service's log, in milliseconds: its first start and each restart. */
    List<Long> quarkusStarts(SuiteApp app) {
        try {
            Matcher m = STARTED_IN.matcher(Files.readString(launcher.logFile(app)));
            List<Long> all = new ArrayList<>();
            while (m.find()) {
                all.add(Math.round(Double.parseDouble(m.group(1)) * 1000));
            }
            return all;
        } catch (IOException e) {
            return List.of();
        }
    }

    static boolean isFinal(String state) {
        return !state.equals("RUNNING") && !state.equals("BLOCKED");
    }

    static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        launcher.close();
    }
}
