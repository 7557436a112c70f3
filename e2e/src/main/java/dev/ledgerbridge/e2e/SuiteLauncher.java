package dev.ledgerbridge.e2e;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * Starts the packaged sandbox and services as real JVM processes, wired to each other, and stops them again.
 * The demo and the end-to-end tests both use it, so what the tests prove is what the demo shows.
 */
public final class SuiteLauncher implements AutoCloseable {

    /**
     * How to launch.
     *
     * @param repoRoot       the repository root (each module's {@code target/quarkus-app} is read from there)
     * @param fixedPorts     use each app's default port (the demo) instead of free random ports (tests)
     * @param databaseSuffix appended to each service's database name, e.g. {@code _e2e}
     * @param freshDatabases wipe each service's database at start (the sandbox always starts empty)
     * @param logDirectory   where each process writes {@code <module>.log}
     * @param sandboxProperties extra system properties for the sandbox (e.g. its QBO throttle limits)
     * @param extraJvmArguments extra JVM arguments per app, added before {@code -jar} (e.g. {@code -D} settings or a
     *                          flight recording for the benchmark); apps not in the map get none
     */
    public record Options(Path repoRoot, boolean fixedPorts, String databaseSuffix, boolean freshDatabases,
                          Path logDirectory, Map<String, String> sandboxProperties,
                          Map<SuiteApp, List<String>> extraJvmArguments) {

        /** Options without extra JVM arguments (the demo and the end-to-end tests). */
        public Options(Path repoRoot, boolean fixedPorts, String databaseSuffix, boolean freshDatabases,
                       Path logDirectory, Map<String, String> sandboxProperties) {
            this(repoRoot, fixedPorts, databaseSuffix, freshDatabases, logDirectory, sandboxProperties, Map.of());
        }
    }

    private static final Duration READY_TIMEOUT = Duration.ofSeconds(90);

    private final Options options;
    private final Map<SuiteApp, Integer> ports = new EnumMap<>(SuiteApp.class);
    // Synchronized: the fault run restarts two apps from two threads when their restarts overlap.
    private final Map<SuiteApp, Process> processes = Collections.synchronizedMap(new EnumMap<>(SuiteApp.class));
    private final Map<SuiteApp, Long> readyMillis = Collections.synchronizedMap(new EnumMap<>(SuiteApp.class));
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    // Further gateway replicas on the same database (ConnectionsEndToEndIT's concurrent refreshes), by port.
    private final Map<Integer, Process> extraGateways = Collections.synchronizedMap(new LinkedHashMap<>());
    /**
     * The gateway's token encryption key for this launch: random, so no run uses the public development key (a gateway
     * started with java -jar runs in prod mode and refuses that one), and the same for every gateway process and
     * restart of this launch, which share one database.
     */
    private final String tokenEncryptionKey = "e2e-" + Long.toHexString(System.nanoTime()) + ":"
            + java.util.Base64.getEncoder().encodeToString(randomBytes(32));

    private SuiteLauncher(Options options) {
        this.options = options;
    }

    private static byte[] randomBytes(int count) {
        byte[] bytes = new byte[count];
        new java.security.SecureRandom().nextBytes(bytes);
        return bytes;
    }

    /**
     * Starts one more gateway process on a free port, sharing the first gateway's database and settings (never wiping
     * it), and returns its base URL once it is ready; {@link #close()} stops it with the rest. Its log is
     * {@code gateway-<port>.log}.
     */
    public URI startExtraGateway() {
        int port = freePort();
        List<String> command = new ArrayList<>(List.of(javaExecutable(), "-Xmx256m", "-XX:+UseSerialGC"));
        Map<String, String> props = systemProperties(SuiteApp.GATEWAY, false);
        props.put("quarkus.http.port", String.valueOf(port));
        props.forEach((key, value) -> command.add("-D" + key + "=" + value));
        command.addAll(options.extraJvmArguments().getOrDefault(SuiteApp.GATEWAY, List.of()));
        command.addAll(List.of("-jar", options.repoRoot().resolve("gateway/target/quarkus-app/quarkus-run.jar").toString()));
        File log = options.logDirectory().resolve("gateway-" + port + ".log").toFile();
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.to(log));
        builder.environment().put("DB_NAME", SuiteApp.GATEWAY.database() + options.databaseSuffix());
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("could not start an extra gateway", e);
        }
        extraGateways.put(port, process);
        URI url = URI.create("http://127.0.0.1:" + port);
        awaitReady("gateway on " + port, process, url, log.toPath());
        return url;
    }

    /** Starts every app at once and returns when all report ready; on failure, stops what it started. */
    public static SuiteLauncher start(Options options, ProgressListener progress) {
        SuiteLauncher launcher = new SuiteLauncher(options);
        try {
            launcher.startAll(progress);
            return launcher;
        } catch (RuntimeException | Error e) {
            launcher.close();
            throw e;
        }
    }

    /** Receives one line per launch step. */
    @FunctionalInterface
    public interface ProgressListener {
        void step(String line);
    }

    private void startAll(ProgressListener progress) {
        for (SuiteApp app : SuiteApp.values()) {
            ports.put(app, options.fixedPorts() ? app.defaultPort() : freePort());
        }
        try {
            Files.createDirectories(options.logDirectory());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        long started = System.nanoTime();
        for (SuiteApp app : SuiteApp.values()) {
            processes.put(app, launch(app, options.freshDatabases(), false));
        }
        for (SuiteApp app : SuiteApp.values()) {
            awaitReady(app);
            long ms = (System.nanoTime() - started) / 1_000_000;
            readyMillis.put(app, ms);
            progress.step(String.format("%-24s ready on %s (%d ms after launch)", app.module(), url(app), ms));
        }
    }

    /**
     * Kills an app at once with SIGKILL (no shutdown hook, no graceful drain: a crash as the fault run needs it) and
     * waits until the process is gone.
     */
    public void kill(SuiteApp app) {
        Process process = processes.get(app);
        if (process == null) {
            throw new IllegalStateException(app.module() + " is not running");
        }
        // On Linux destroyForcibly() is SIGKILL.
        process.destroyForcibly();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                throw new IllegalStateException(app.module() + " survived SIGKILL for 10 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * Starts an app again on the same port with its database as it is (never wiped: a restart must find what the
     * killed process left) and returns the milliseconds from launch until it reported ready. Its log continues in
     * {@code <module>.log}.
     */
    public long restart(SuiteApp app) {
        Process previous = processes.get(app);
        if (previous != null && previous.isAlive()) {
            throw new IllegalStateException(app.module() + " is still running; kill it first");
        }
        long started = System.nanoTime();
        processes.put(app, launch(app, false, true));
        awaitReady(app);
        long ms = (System.nanoTime() - started) / 1_000_000;
        readyMillis.put(app, ms);
        return ms;
    }

    private Process launch(SuiteApp app, boolean freshDatabase, boolean appendLog) {
        Path jar = options.repoRoot().resolve(app.module()).resolve("target/quarkus-app/quarkus-run.jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: build the suite first (mvn package -DskipTests)");
        }
        List<String> command = new ArrayList<>(List.of(javaExecutable(), "-Xmx256m", "-XX:+UseSerialGC"));
        systemProperties(app, freshDatabase).forEach((key, value) -> command.add("-D" + key + "=" + value));
        command.addAll(options.extraJvmArguments().getOrDefault(app, List.of()));
        command.addAll(List.of("-jar", jar.toString()));
        File log = options.logDirectory().resolve(app.module() + ".log").toFile();
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(appendLog ? ProcessBuilder.Redirect.appendTo(log) : ProcessBuilder.Redirect.to(log));
        if (app.database() != null) {
            builder.environment().put("DB_NAME", app.database() + options.databaseSuffix());
        }
        try {
            return builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("could not start " + app.module(), e);
        }
    }

    private Map<String, String> systemProperties(SuiteApp app, boolean freshDatabase) {
        Map<String, String> props = new LinkedHashMap<>();
        props.put("quarkus.http.port", String.valueOf(port(app)));
        if (app == SuiteApp.SANDBOX) {
            props.putAll(options.sandboxProperties());
            return props;
        }
        props.put("ledgerbridge.quickbooks.base-url", url(SuiteApp.SANDBOX).toString());
        // Traces go to the sandbox's OTLP receiver (issue 9), batched every 200 ms so tests see them quickly.
        props.put("quarkus.otel.sdk.disabled", "false");
        props.put("quarkus.otel.exporter.otlp.traces.endpoint", url(SuiteApp.SANDBOX).toString());
        props.put("quarkus.otel.bsp.schedule.delay", "200ms");
        props.put("quarkus.rest-client.gateway.url", url(SuiteApp.GATEWAY).toString());
        // Internal authentication (issue 8, libs/service-auth): the sandbox is the OIDC provider; every app verifies
        // callers' tokens against its JWKS and gets its own token (client credentials, local secrets) from it.
        props.put("ledgerbridge.auth.server-url", url(SuiteApp.SANDBOX).resolve("/realms/ledgerbridge").toString());
        // The gateway reads and writes HubSpot; the catalog upserts products there (issue 5's product sync).
        if (app == SuiteApp.GATEWAY || app == SuiteApp.PRODUCT_CATALOG) {
            props.put("ledgerbridge.hubspot.base-url", url(SuiteApp.SANDBOX).toString());
        }
        // The gateway and payments-bridge (issue 7: customer, items and documents of a payment) call the three services.
        if (app == SuiteApp.GATEWAY || app == SuiteApp.PAYMENTS_BRIDGE) {
            props.put("quarkus.rest-client.contact-sync.url", url(SuiteApp.CONTACT_SYNC).toString());
            props.put("quarkus.rest-client.product-catalog.url", url(SuiteApp.PRODUCT_CATALOG).toString());
            props.put("quarkus.rest-client.document.url", url(SuiteApp.DOCUMENT).toString());
        }
        // The gateway routes the payment actions (A4-A7) to payments-bridge.
        if (app == SuiteApp.GATEWAY) {
            props.put("quarkus.rest-client.payments-bridge.url", url(SuiteApp.PAYMENTS_BRIDGE).toString());
            // OAuth connections (issue 8) against the sandbox's Intuit and HubSpot OAuth servers; HubSpot's token
            // endpoint follows ledgerbridge.hubspot.base-url. The callbacks are derived from the admin request's host.
            String sandbox = url(SuiteApp.SANDBOX).toString();
            props.put("quarkus.oidc-client.intuit.auth-server-url", sandbox);
            props.put("quarkus.oidc-client.intuit.revoke-path", sandbox + "/v2/oauth2/tokens/revoke");
            props.put("ledgerbridge.gateway.connections.quickbooks.authorize-url", sandbox + "/connect/oauth2");
            props.put("ledgerbridge.gateway.connections.hubspot.authorize-url", sandbox + "/oauth/authorize");
            props.put("ledgerbridge.gateway.connections.token-encryption.active-key", tokenEncryptionKey);
        }
        if (freshDatabase) {
            props.put("quarkus.flyway.clean-disabled", "false");
            props.put("quarkus.flyway.clean-at-start", "true");
        }
        return props;
    }

    private void awaitReady(SuiteApp app) {
        awaitReady(app.module(), processes.get(app), url(app), options.logDirectory().resolve(app.module() + ".log"));
    }

    private void awaitReady(String name, Process process, URI base, Path logFile) {
        long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        URI health = base.resolve("/q/health/ready");
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with " + process.exitValue() + "; see " + logFile);
            }
            try {
                HttpResponse<String> response = http.send(HttpRequest.newBuilder(health).timeout(Duration.ofSeconds(2))
                        .GET().build(), HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200) {
                    return;
                }
            } catch (ConnectException e) {
                // not listening yet
            } catch (IOException e) {
                // starting up
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for " + name, e);
            }
            pause(Duration.ofMillis(100));
        }
        throw new IllegalStateException(name + " was not ready within " + READY_TIMEOUT.toSeconds() + " s; see " + logFile);
    }

    /** The base URL of an app, e.g. {@code http://127.0.0.1:8080}. */
    public URI url(SuiteApp app) {
        return URI.create("http://127.0.0.1:" + port(app));
    }

    /** The gateway's token encryption key of this launch ({@code <key id>:<base64>}), for tests that read stored tokens. */
    public String tokenEncryptionKey() {
        return tokenEncryptionKey;
    }

    /** The database name of an app in this launch (e.g. {@code gateway_e2e}). */
    public String databaseName(SuiteApp app) {
        return app.database() + options.databaseSuffix();
    }

    /** The port an app listens on. */
    public int port(SuiteApp app) {
        return ports.get(app);
    }

    /** Milliseconds from launch until the app reported ready. */
    public long readyMillis(SuiteApp app) {
        return readyMillis.get(app);
    }

    /** The log file of an app. */
    public Path logFile(SuiteApp app) {
        return options.logDirectory().resolve(app.module() + ".log");
    }

    /** The OS process id of an app (for RSS readings and fault injection). */
    public long pid(SuiteApp app) {
        return processes.get(app).pid();
    }

    /** Stops every process: SIGTERM first so in-flight work finishes, then SIGKILL after 10 s. */
    @Override
    public void close() {
        List<Process> running;
        synchronized (processes) {
            running = new ArrayList<>(processes.values());
        }
        synchronized (extraGateways) {
            running.addAll(extraGateways.values());
            extraGateways.clear();
        }
        running.forEach(Process::destroy);
        for (Process process : running) {
            try {
                if (!process.waitFor(10, TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                process.destroyForcibly();
            }
        }
        processes.clear();
    }

    private static String javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /**
     * A free port below Linux's ephemeral range (32768 and up): a port taken from that range with
     * {@code new ServerSocket(0)} can be handed to some process's outgoing connection (to PostgreSQL, say) before the
     * app that was meant to listen on it starts, which then fails with "port in use".
     */
    private int freePort() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        for (int tries = 0; tries < 200; tries++) {
            int candidate = random.nextInt(20_000, 32_000);
            if (ports.containsValue(candidate) || extraGateways.containsKey(candidate)) {
                continue;
            }
            try (ServerSocket socket = new ServerSocket(candidate, 1, InetAddress.getLoopbackAddress())) {
                return candidate;
            } catch (IOException e) {
                // taken: try another
            }
        }
        throw new IllegalStateException("no free port found between 20000 and 32000");
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
