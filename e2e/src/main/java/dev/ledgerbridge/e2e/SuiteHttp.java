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
 * vendor APIs with the seeded pre-authorised tokens, and the gateway's admin API (connections through the real OAuth
 * flows against the sandbox).
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
    private final java.util.Set<String> services = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private volatile CachedToken admin;
    private volatile CachedToken service;

    public SuiteHttp(URI sandbox, URI gateway) {
        this.sandbox = sandbox;
        this.gateway = gateway;
    }

    /**
     * Names the four services' base URIs: a request to one of them sent without an Authorization header gets the
     * token of the sandbox's {@code gateway} client (audiences: the four services), as the gateway's own calls do.
     */
    public SuiteHttp withServices(java.util.Collection<URI> serviceBases) {
        serviceBases.forEach(base -> services.add(base.getAuthority()));
        return this;
    }

    /**
     * The Authorization header a request to the target needs (issue 8): the admin client's bearer token for the
     * gateway's admin and internal APIs, the gateway client's for a service, null for anything else: the gateway's
     * public paths (HubSpot sends no bearer token to /hubspot/**, a browser none to /oauth/**) and the sandbox.
     */
    public String bearerFor(URI target) {
        String authority = target.getAuthority();
        if (authority.equals(gateway.getAuthority())) {
            String path = target.getPath() == null ? "" : target.getPath();
            return path.startsWith("/admin/") || path.startsWith("/internal/") ? "Bearer " + adminToken() : null;
        }
        if (services.contains(authority)) {
            CachedToken current = service;
            if (current == null || current.isStale()) {
                current = new CachedToken(clientToken("gateway", "gateway-local-secret"));
                service = current;
            }
            return "Bearer " + current.token();
        }
        return null;
    }

    /** A token and when it was fetched; the provider's live 5 minutes, reused for 4. */
    private record CachedToken(String token, java.time.Instant fetched) {

        CachedToken(String token) {
            this(token, java.time.Instant.now());
        }

        boolean isStale() {
            return fetched.plus(Duration.ofMinutes(4)).isBefore(java.time.Instant.now());
        }
    }

    /** A response: status and parsed JSON body (null when empty). */
    public record Reply(int status, JsonNode body, String raw) {
    }

    /**
     * Connects a QuickBooks company through Intuit's authorization-code flow, as an operator's browser does: the
     * gateway's admin API starts the authorization, the sandbox's authorize page (the sandbox-only {@code realmId}
     * parameter picks the company) redirects with a code, and that redirect is followed to the gateway's callback.
     * Returns the callback's answer (200 with the CONNECTED company).
     */
    public Reply connectCompany(String realmId) {
        return followAuthorization(gateway, "/admin/v1/connections/quickbooks/authorizations",
                "&realmId=" + encode(realmId));
    }

    /** Installs the LedgerBridge app in the seeded HubSpot portal through HubSpot's flow; the callback's answer. */
    public Reply installHubSpotApp() {
        return followAuthorization(gateway, "/admin/v1/connections/hubspot/installations", "");
    }

    /**
     * Starts an authorization at one gateway's admin API and follows it like a browser: GET the vendor's authorize URL
     * without following redirects, then GET its Location (the gateway's callback).
     */
    public Reply followAuthorization(URI gatewayBase, String startPath, String extraAuthorizeParameters) {
        Reply started = send(adminRequest(gatewayBase.resolve(startPath)).POST(HttpRequest.BodyPublishers.noBody()));
        if (started.status() != 200 || started.body() == null) {
            return started;
        }
        URI authorize = URI.create(started.body().path("authorizeUrl").asText() + extraAuthorizeParameters);
        HttpResponse<String> consent = sendRaw(HttpRequest.newBuilder(authorize).GET());
        String location = consent.headers().firstValue("Location").orElse(null);
        if (consent.statusCode() != 302 || location == null) {
            return new Reply(consent.statusCode(), parseOrNull(consent.body()), consent.body());
        }
        return send(HttpRequest.newBuilder(URI.create(location)).GET());
    }

    /** Disconnects a QuickBooks company at the gateway (revoked at Intuit, tokens wiped). */
    public Reply disconnectCompany(String realmId) {
        return send(adminRequest(gateway.resolve("/admin/v1/connections/quickbooks/" + realmId)).DELETE());
    }

    /** One QuickBooks company as the gateway's admin API shows it (state, reason). */
    public Reply company(String realmId) {
        return send(adminRequest(gateway.resolve("/admin/v1/connections/quickbooks/" + realmId)).GET());
    }

    /** A QBO access token from a gateway's internal token endpoint, as a service asks for it. */
    public Reply internalQuickBooksToken(URI gatewayBase, String realmId) {
        return send(adminRequest(gatewayBase.resolve("/internal/v1/quickbooks/" + realmId + "/access-token")).GET());
    }

    /**
     * A request to a gateway's admin or internal API with the bearer token of the sandbox's admin client
     * ({@code ledgerbridge-admin}, client-credentials grant at the sandbox's OIDC provider).
     */
    public HttpRequest.Builder adminRequest(URI uri) {
        return HttpRequest.newBuilder(uri).header("Authorization", "Bearer " + adminToken())
                .header("Accept", "application/json");
    }

    /** An admin token from the sandbox's OIDC provider (reused for 4 of its 5 minutes). */
    public String adminToken() {
        CachedToken current = admin;
        if (current == null || current.isStale()) {
            current = new CachedToken(clientToken("ledgerbridge-admin", "admin-local-secret"));
            admin = current;
        }
        return current.token();
    }

    /** A client-credentials token of the client from the sandbox's OIDC provider. */
    public String clientToken(String clientId, String secret) {
        String basic = java.util.Base64.getEncoder().encodeToString((clientId + ":" + secret)
                .getBytes(StandardCharsets.UTF_8));
        Reply token = send(HttpRequest.newBuilder(sandbox.resolve("/realms/ledgerbridge/protocol/openid-connect/token"))
                .header("Authorization", "Basic " + basic)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials")));
        if (token.status() != 200 || token.body() == null) {
            throw new IllegalStateException("the sandbox's OIDC provider gave no token to " + clientId + ": "
                    + token.status());
        }
        return token.body().path("access_token").asText();
    }

    /** A POST to any sandbox path with a JSON body (e.g. its OAuth controls). */
    public Reply postToSandbox(String path, Object body) {
        return send(HttpRequest.newBuilder(sandbox.resolve(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body == null ? "" : write(body))));
    }

    /** A form POST to any sandbox path with HTTP Basic credentials (the vendors' token endpoints). */
    public Reply postFormToSandbox(String path, String form, String clientId, String clientSecret) {
        String basic = java.util.Base64.getEncoder().encodeToString((clientId + ":" + clientSecret)
                .getBytes(StandardCharsets.UTF_8));
        return send(HttpRequest.newBuilder(sandbox.resolve(path)).header("Authorization", "Basic " + basic)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)));
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

    /** Sends any request (redirects are not followed) and parses the answer. */
    public Reply send(HttpRequest.Builder builder) {
        HttpResponse<String> response = sendRaw(builder);
        String raw = response.body();
        JsonNode body = raw == null || raw.isBlank() ? null : parseOrNull(raw);
        return new Reply(response.statusCode(), body, raw);
    }

    /** Sends the request; one to the gateway or a service without an Authorization header gets {@link #bearerFor}'s. */
    private HttpResponse<String> sendRaw(HttpRequest.Builder builder) {
        try {
            HttpRequest request = builder.timeout(Duration.ofSeconds(60)).build();
            if (request.headers().firstValue("Authorization").isEmpty()) {
                String bearer = bearerFor(request.uri());
                if (bearer != null) {
                    request = HttpRequest.newBuilder(request, (name, value) -> true).header("Authorization", bearer)
                            .build();
                }
            }
            return http.send(request, HttpResponse.BodyHandlers.ofString());
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
        if (raw == null || raw.isBlank()) {
            return null;
        }
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
