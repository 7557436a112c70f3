package dev.ledgerbridge.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 8's internal-auth matrix against the running suite: every internal API (the four services' and the gateway's)
 * and the gateway's admin API with no token, an expired token, a wrongly signed token, a token for another audience,
 * and the right token, all real tokens of the sandbox's OIDC provider (the expired one from its control plane).
 */
class InternalAuthEndToEndIT {

    private static final String US = SuiteHttp.US_REALM;
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** One representative internal endpoint of each app, read-only. */
    private static Map<SuiteApp, String> internal;
    private static SuiteLauncher suite;

    @BeforeAll
    static void launch() {
        suite = E2eSuite.suite();
        internal = new LinkedHashMap<>();
        internal.put(SuiteApp.GATEWAY, "/internal/v1/quickbooks/" + US + "/access-token");
        internal.put(SuiteApp.CONTACT_SYNC, "/v1/companies/" + US + "/matching-settings");
        internal.put(SuiteApp.PRODUCT_CATALOG, "/v1/catalog/" + US);
        internal.put(SuiteApp.DOCUMENT, "/v1/companies/" + US + "/document-settings");
        internal.put(SuiteApp.PAYMENTS_BRIDGE, "/v1/companies/" + US + "/payment-settings");
    }

    @Test
    void shouldRefuseEveryInternalApiWithoutAValidTokenAndAnswerTheRightOne() {
        // The gateway's client may call the four services; payments-bridge's the gateway (and three services).
        String forServices = token("gateway", "gateway-local-secret");
        String forGateway = token("contact-sync-service", "contact-sync-local-secret");
        String expired = expired("gateway");
        List<String> failures = new ArrayList<>();
        for (Map.Entry<SuiteApp, String> target : internal.entrySet()) {
            SuiteApp app = target.getKey();
            String path = target.getValue();
            String right = app == SuiteApp.GATEWAY ? forGateway : forServices;
            // document-service's client may call only the gateway; the gateway's only the services.
            String otherAudience = app == SuiteApp.GATEWAY ? forServices
                    : token("document-service", "document-local-secret");

            expect(failures, app, path, "no token", null, 401);
            expect(failures, app, path, "expired", app == SuiteApp.GATEWAY ? expired("contact-sync-service") : expired,
                    401);
            expect(failures, app, path, "wrong signature", resigned(right), 401);
            expect(failures, app, path, "not a JWT", "not-a-token", 401);
            expect(failures, app, path, "other audience", otherAudience, 403);
            expectServed(failures, app, path, right);
        }
        assertEquals(List.of(), failures);
    }

    @Test
    void shouldRequireTheAdminRoleOnTheGatewaysAdminApi() {
        String path = "/admin/v1/connections/quickbooks";
        List<String> failures = new ArrayList<>();
        expect(failures, SuiteApp.GATEWAY, path, "no token", null, 401);
        expect(failures, SuiteApp.GATEWAY, path, "expired admin token", expired("ledgerbridge-admin"), 401);
        String admin = token("ledgerbridge-admin", "admin-local-secret");
        expect(failures, SuiteApp.GATEWAY, path, "wrong signature", resigned(admin), 401);
        // A service's token for the gateway lacks the role; the gateway's own client's token is not for the gateway.
        expect(failures, SuiteApp.GATEWAY, path, "service token", token("document-service", "document-local-secret"),
                403);
        expect(failures, SuiteApp.GATEWAY, path, "other audience", token("gateway", "gateway-local-secret"), 403);
        expect(failures, SuiteApp.GATEWAY, path, "admin token", admin, 200);
        assertEquals(List.of(), failures);
    }

    @Test
    void shouldLeaveHealthOpenForTheKubelet() {
        for (SuiteApp app : internal.keySet()) {
            assertEquals(200, send(app, "/q/health/ready", null).statusCode(), app + " readiness without a token");
        }
    }

    /**
     * The right token reaches the resource: its own answer, whatever the data (the catalog answers 404
     * CATALOG_NOT_FOUND until its first load), never an authentication refusal or a server error.
     */
    private static void expectServed(List<String> failures, SuiteApp app, String path, String token) {
        HttpResponse<String> response = send(app, path, token);
        boolean served = response.statusCode() == 200
                || (response.statusCode() == 404 && response.body().contains("CATALOG_NOT_FOUND"));
        if (!served) {
            failures.add(app + " " + path + " with the right token: " + response.statusCode() + " " + response.body());
        }
    }

    private static void expect(List<String> failures, SuiteApp app, String path, String what, String token,
            int status) {
        HttpResponse<String> response = send(app, path, token);
        if (response.statusCode() != status) {
            failures.add(app + " " + path + " with " + what + ": " + response.statusCode() + " instead of " + status);
        } else if (status == 401 && !response.headers().firstValue("WWW-Authenticate").orElse("").startsWith("Bearer")) {
            failures.add(app + " " + path + " with " + what + ": 401 without a Bearer challenge");
        }
    }

    private static HttpResponse<String> send(SuiteApp app, String path, String token) {
        HttpRequest.Builder request = HttpRequest.newBuilder(suite.url(app).resolve(path))
                .timeout(Duration.ofSeconds(30)).header("Accept", "application/json").GET();
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        try {
            return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A client-credentials token from the sandbox's OIDC provider. */
    private static String token(String clientId, String secret) {
        return form("/realms/ledgerbridge/protocol/openid-connect/token", "grant_type=client_credentials",
                "Basic " + Base64.getEncoder().encodeToString((clientId + ":" + secret).getBytes(StandardCharsets.UTF_8)));
    }

    /** A properly signed token of the client that expired ten minutes ago. */
    private static String expired(String clientId) {
        return form("/_sandbox/oidc/expired-token", "client_id=" + URLEncoder.encode(clientId, StandardCharsets.UTF_8),
                null);
    }

    /** The token's header and claims with the signature of another token: well-formed, wrongly signed. */
    private static String resigned(String token) {
        String other = token("payments-bridge-service", "payments-bridge-local-secret");
        String[] parts = token.split("\\.");
        String[] otherParts = other.split("\\.");
        assertTrue(parts.length == 3 && otherParts.length == 3, "JWTs");
        return parts[0] + "." + parts[1] + "." + otherParts[2];
    }

    private static String form(String path, String body, String authorization) {
        HttpRequest.Builder request = HttpRequest.newBuilder(suite.url(SuiteApp.SANDBOX).resolve(path))
                .timeout(Duration.ofSeconds(30)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        try {
            HttpResponse<String> response = CLIENT.send(request.build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            assertEquals(200, response.statusCode(), path + " answered " + response.statusCode());
            return SuiteHttp.parse(response.body()).path("access_token").asText();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
