package dev.ledgerbridge.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

/**
 * The calls the demo and the end-to-end tests make: the sandbox's admin API (workflow engine, counters), its
 * vendor APIs with the seeded pre-authorised tokens, and the gateway's admin API.
 */
public final class SuiteHttp {

    /** The seeded US QuickBooks company. */
    public static final String US_REALM = "9130350000000001";
    /** The seeded Canadian QuickBooks company (refused by R23). */
    public static final String CANADIAN_REALM = "9130350000000002";
    /** The seeded HubSpot portal. */
    public static final long PORTAL = 40213377L;

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final URI sandbox;
    private final URI gateway;

    public SuiteHttp(URI sandbox, URI gateway) {
        this.sandbox = sandbox;
        this.gateway = gateway;
    }

    /** A response: status and parsed JSON body (null when empty). */
    public record Reply(int status, JsonNode body, String raw) {
    }

    /** Connects a QuickBooks company to the gateway with the sandbox's pre-authorised token. */
    public Reply connectCompany(String realmId) {
        return send(HttpRequest.newBuilder(gateway.resolve("/admin/v1/connections/quickbooks/" + realmId))
                .POST(HttpRequest.BodyPublishers.noBody()));
    }

    /** Enrolls a record into an action through the sandbox's workflow engine; returns the engine's answer. */
    public Reply enroll(Map<String, Object> enrollment) {
        return send(HttpRequest.newBuilder(sandbox.resolve("/_sandbox/workflows/enroll"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(write(enrollment))));
    }

    /** Delivers an execution's request once more, as HubSpot does when it retries. */
    public Reply redeliver(String callbackId) {
        return send(HttpRequest.newBuilder(sandbox.resolve("/_sandbox/workflows/executions/" + encode(callbackId) + "/redeliver"))
                .POST(HttpRequest.BodyPublishers.noBody()));
    }

    /** The sandbox's record of one execution, with its attempts. */
    public Reply execution(String callbackId) {
        return send(HttpRequest.newBuilder(sandbox.resolve("/_sandbox/workflows/executions/" + encode(callbackId))).GET());
    }

    /** Every execution the sandbox's workflow engine holds; with attempts, each one's attempts too. */
    public Reply executions(boolean withAttempts) {
        return send(HttpRequest.newBuilder(sandbox.resolve("/_sandbox/workflows/executions" + (withAttempts ? "?attempts=true" : "")))
                .GET());
    }

    /** The executions the sandbox's workflow engine holds in one state (e.g. RUNNING). */
    public Reply executionsIn(String state) {
        return send(HttpRequest.newBuilder(sandbox.resolve("/_sandbox/workflows/executions?state=" + encode(state))).GET());
    }

    /** The sandbox's counters: per vendor, per endpoint, per correlation id. */
    public Reply stats() {
        return send(HttpRequest.newBuilder(sandbox.resolve("/_sandbox/stats")).GET());
    }

    /** Sets the sandbox's fault injection ({@code {seed, rules: [...]}}). */
    public Reply setFaults(Map<String, Object> settings) {
        return send(HttpRequest.newBuilder(sandbox.resolve("/_sandbox/faults"))
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(write(settings))));
    }

    /** The sandbox's fault rules and how many faults each injected. */
    public Reply faults() {
        return send(HttpRequest.newBuilder(sandbox.resolve("/_sandbox/faults")).GET());
    }

    /** Ends fault injection. */
    public Reply clearFaults() {
        return send(HttpRequest.newBuilder(sandbox.resolve("/_sandbox/faults")).DELETE());
    }

    /** Vendor calls the sandbox counted for one correlation id (the gateway sends the callbackId). */
    public Reply callsFor(String correlationId) {
        return send(HttpRequest.newBuilder(sandbox.resolve("/_sandbox/stats/correlation/" + encode(correlationId))).GET());
    }

    /** Runs a QBO query in a seeded company, as a client would (pre-authorised token, minorversion 75). */
    public Reply qboQuery(String realmId, String statement) {
        URI uri = sandbox.resolve("/v3/company/" + realmId + "/query?minorversion=75&query=" + encode(statement));
        return send(HttpRequest.newBuilder(uri).header("Authorization", "Bearer sandbox-qbo-" + realmId)
                .header("Accept", "application/json").GET());
    }

    /** A GET on any app of the suite (e.g. a service's own state endpoint). */
    public Reply get(URI base, String path) {
        return send(HttpRequest.newBuilder(base.resolve(path)).header("Accept", "application/json").GET());
    }

    /** Posts an arbitrary request to the gateway (for signature and replay tests). */
    public Reply postToGateway(String path, String body, Map<String, String> headers) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(gateway.resolve(path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(builder::header);
        return send(builder);
    }

    /** The gateway's URL of an action, as HubSpot would call it. */
    public String actionUrl(String action) {
        return gateway.resolve("/hubspot/actions/" + action).toString();
    }

    private Reply send(HttpRequest.Builder builder) {
        try {
            HttpResponse<String> response = http.send(builder.timeout(Duration.ofSeconds(60)).build(),
                    HttpResponse.BodyHandlers.ofString());
            String raw = response.body();
            JsonNode body = raw == null || raw.isBlank() ? null : parseOrNull(raw);
            return new Reply(response.statusCode(), body, raw);
        } catch (IOException e) {
            throw new IllegalStateException("request failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Parses a JSON text, or returns null when it is not JSON. */
    public static JsonNode parse(String raw) {
        return parseOrNull(raw);
    }

    private static JsonNode parseOrNull(String raw) {
        try {
            return JSON.readTree(raw);
        } catch (IOException e) {
            return null;
        }
    }

    /** A value as a JSON text. */
    public static String json(Object value) {
        return write(value);
    }

    private static String write(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (IOException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
