package dev.ledgerbridge.e2e;

import static dev.ledgerbridge.e2e.E2eSuite.enrollment;
import static dev.ledgerbridge.e2e.E2eSuite.runToEnd;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The OAuth connections end to end (issue 8) against the sandbox's Intuit and HubSpot OAuth servers: connect through the
 * authorization-code flow, refresh with rotation, thirty concurrent token requests over three gateway processes that
 * share one database (one refresh grant), invalid_grant, disconnect and uninstall, and no plaintext token in the
 * database or the gateways' logs. It works on the second US company, which no other class uses, and leaves the HubSpot
 * app installed as it found it.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConnectionsEndToEndIT {

    private static final String REALM = "9130350000000003";
    private static final String TOKEN_ENDPOINT = "POST /oauth2/v1/tokens/bearer";
    /** Every token this class saw; none may be stored or logged in plaintext. */
    private static final Set<String> SEEN_TOKENS = new LinkedHashSet<>();

    private static SuiteLauncher suite;
    private static SuiteHttp http;

    @BeforeAll
    static void suite() {
        suite = E2eSuite.suite();
        http = E2eSuite.http();
    }

    @Test
    @Order(1)
    void shouldConnectACompanyThroughIntuitsAuthorizationAndRefuseItsStateTwice() {
        SuiteHttp.Reply started = http.send(http.adminRequest(suite.url(SuiteApp.GATEWAY)
                .resolve("/admin/v1/connections/quickbooks/authorizations")).POST(HttpRequest.BodyPublishers.noBody()));
        assertEquals(200, started.status(), started.raw());
        String authorizeUrl = started.body().path("authorizeUrl").asText();
        assertTrue(authorizeUrl.contains("scope=com.intuit.quickbooks.accounting"), authorizeUrl);
        assertTrue(authorizeUrl.contains("state="), authorizeUrl);

        String callback = location(authorizeUrl + "&realmId=" + REALM);
        SuiteHttp.Reply connected = http.send(HttpRequest.newBuilder(URI.create(callback)).GET());
        assertEquals(200, connected.status(), connected.raw());
        assertEquals("CONNECTED", connected.body().path("state").asText());
        assertEquals("US", connected.body().path("country").asText(), "CompanyInfo read with the new token (R23)");
        assertEquals("Ledger Demo US West LLC", connected.body().path("companyName").asText());
        assertTrue(connected.raw().indexOf("accessToken") < 0 && connected.raw().indexOf("refresh") < 0, connected.raw());

        SuiteHttp.Reply again = http.send(HttpRequest.newBuilder(URI.create(callback)).GET());
        assertEquals(400, again.status(), again.raw());
        assertEquals("OAUTH_STATE_USED", again.body().path("code").asText());
        SuiteHttp.Reply forged = http.send(HttpRequest.newBuilder(URI.create(callback.replaceAll("state=[^&]+",
                "state=forged"))).GET());
        assertEquals(400, forged.status(), forged.raw());
        assertEquals("OAUTH_STATE_UNKNOWN", forged.body().path("code").asText());

        // The suite installed the HubSpot app the same way; the portal is the sandbox's hub id.
        SuiteHttp.Reply portal = http.send(http.adminRequest(suite.url(SuiteApp.GATEWAY)
                .resolve("/admin/v1/connections/hubspot/" + SuiteHttp.PORTAL)).GET());
        assertEquals(200, portal.status(), portal.raw());
        assertEquals("CONNECTED", portal.body().path("state").asText());
        assertEquals("sandbox-40213377.hubspot.local", portal.body().path("hubDomain").asText());
        rememberStoredTokens();
    }

    @Test
    @Order(2)
    void shouldRefreshOnceForThirtyConcurrentRequestsOverThreeGatewaysAndRotateTheRefreshToken() throws Exception {
        List<URI> gateways = List.of(suite.url(SuiteApp.GATEWAY), suite.startExtraGateway(), suite.startExtraGateway());
        String accessBefore = storedToken("quickbooks_connection", "access_token", REALM);
        String refreshBefore = storedToken("quickbooks_connection", "refresh_token", REALM);
        expireAccessToken();
        long grantsBefore = tokenEndpoint("200");
        long refusalsBefore = tokenEndpoint("400");

        ExecutorService pool = Executors.newFixedThreadPool(30);
        List<Future<SuiteHttp.Reply>> answers = new ArrayList<>();
        try {
            for (int i = 0; i < 30; i++) {
                URI gateway = gateways.get(i % 3);
                Callable<SuiteHttp.Reply> request = () -> http.internalQuickBooksToken(gateway, REALM);
                answers.add(pool.submit(request));
            }
            Set<String> tokens = new HashSet<>();
            for (Future<SuiteHttp.Reply> answer : answers) {
                SuiteHttp.Reply reply = answer.get();
                assertEquals(200, reply.status(), reply.raw());
                tokens.add(reply.body().path("accessToken").asText());
            }
            assertEquals(1, tokens.size(), "every request got the same token");
            String refreshed = tokens.iterator().next();
            assertNotEquals(accessBefore, refreshed);
            SEEN_TOKENS.add(refreshed);
        } finally {
            pool.shutdownNow();
        }
        assertEquals(grantsBefore + 1, tokenEndpoint("200"), "exactly one refresh grant reached Intuit");
        assertEquals(refusalsBefore, tokenEndpoint("400"), "no invalid_grant");

        String refreshAfter = storedToken("quickbooks_connection", "refresh_token", REALM);
        assertNotEquals(refreshBefore, refreshAfter, "Intuit rotated the refresh token and the new one is stored");
        SuiteHttp.Reply superseded = http.postFormToSandbox("/oauth2/v1/tokens/bearer",
                "grant_type=refresh_token&refresh_token=" + URLEncoder.encode(refreshBefore, StandardCharsets.UTF_8),
                "ledgerbridge-local", "ledgerbridge-local-secret");
        assertEquals(400, superseded.status(), superseded.raw());
        assertEquals("invalid_grant", superseded.body().path("error").asText());

        // The stored (rotated) refresh token works: the next due refresh succeeds with it.
        expireAccessToken();
        SuiteHttp.Reply next = http.internalQuickBooksToken(gateways.get(1), REALM);
        assertEquals(200, next.status(), next.raw());
        assertEquals(grantsBefore + 2, tokenEndpoint("200"));
        SEEN_TOKENS.add(next.body().path("accessToken").asText());
        rememberStoredTokens();
    }

    @Test
    @Order(3)
    void shouldNeedAReconnectAfterInvalidGrantAndRefuseActionsUntilThen() {
        String refresh = storedToken("quickbooks_connection", "refresh_token", REALM);
        // The grant is revoked behind the gateway's back (as when a user disconnects the app inside QuickBooks).
        SuiteHttp.Reply revoked = http.postFormToSandbox("/v2/oauth2/tokens/revoke",
                "token=" + URLEncoder.encode(refresh, StandardCharsets.UTF_8), "ledgerbridge-local",
                "ledgerbridge-local-secret");
        assertEquals(200, revoked.status(), revoked.raw());
        expireAccessToken();

        SuiteHttp.Reply token = http.internalQuickBooksToken(suite.url(SuiteApp.GATEWAY), REALM);
        assertEquals(409, token.status(), token.raw());
        assertEquals("COMPANY_NOT_CONNECTED", token.body().path("code").asText());
        assertTrue(token.body().path("message").asText().contains("must be reconnected by an admin"), token.raw());

        SuiteHttp.Reply company = http.company(REALM);
        assertEquals("RECONNECT_NEEDED", company.body().path("state").asText(), company.raw());
        assertTrue(company.body().path("stateReason").asText().contains("invalid_grant"), company.raw());
        assertNull(storedCiphertext("quickbooks_connection", "refresh_token", REALM), "dead tokens are wiped");

        JsonNode execution = runToEnd(enrollment("create-invoice", "DEAL", "301", REALM));
        JsonNode output = execution.path("outputFields");
        assertEquals("FAIL_CONTINUE", output.path("hs_execution_state").asText(), output.toString());
        assertEquals("COMPANY_NOT_CONNECTED", output.path("error_code").asText());
        assertTrue(output.path("error_message").asText().contains("/admin/v1/connections/quickbooks/authorizations"),
                output.toString());
        assertEquals(0, http.callsFor(execution.path("callbackId").asText()).body().path("write").asLong());

        SuiteHttp.Reply reconnected = http.connectCompany(REALM);
        assertEquals(200, reconnected.status(), reconnected.raw());
        assertEquals("CONNECTED", reconnected.body().path("state").asText());
        rememberStoredTokens();
    }

    @Test
    @Order(4)
    void shouldDisconnectRevokingTheGrantAtIntuitAndWipingTheTokens() {
        String refresh = storedToken("quickbooks_connection", "refresh_token", REALM);

        SuiteHttp.Reply disconnected = http.disconnectCompany(REALM);
        assertEquals(200, disconnected.status(), disconnected.raw());
        assertEquals("DISCONNECTED", disconnected.body().path("state").asText());
        assertNull(storedCiphertext("quickbooks_connection", "access_token", REALM));
        assertNull(storedCiphertext("quickbooks_connection", "refresh_token", REALM));

        SuiteHttp.Reply refused = http.postFormToSandbox("/oauth2/v1/tokens/bearer",
                "grant_type=refresh_token&refresh_token=" + URLEncoder.encode(refresh, StandardCharsets.UTF_8),
                "ledgerbridge-local", "ledgerbridge-local-secret");
        assertEquals(400, refused.status(), "revoked at Intuit: " + refused.raw());
        assertEquals(404, http.internalQuickBooksToken(suite.url(SuiteApp.GATEWAY), REALM).status());
    }

    @Test
    @Order(5)
    void shouldUninstallTheHubSpotAppDeletingItsRefreshTokenAndInstallItAgain() {
        String refresh = storedToken("hubspot_connection", "refresh_token", Long.toString(SuiteHttp.PORTAL));
        URI portal = suite.url(SuiteApp.GATEWAY).resolve("/admin/v1/connections/hubspot/" + SuiteHttp.PORTAL);

        SuiteHttp.Reply uninstalled = http.send(http.adminRequest(portal).DELETE());
        assertEquals(200, uninstalled.status(), uninstalled.raw());
        assertEquals("DISCONNECTED", uninstalled.body().path("state").asText());
        assertEquals(404, http.get(URI.create(suite.url(SuiteApp.SANDBOX) + "/"), "oauth/v1/refresh-tokens/"
                + URLEncoder.encode(refresh, StandardCharsets.UTF_8)).status(), "deleted at HubSpot");

        // Installed again: the other classes' actions read HubSpot with it.
        SuiteHttp.Reply installed = http.installHubSpotApp();
        assertEquals(200, installed.status(), installed.raw());
        assertEquals("CONNECTED", installed.body().path("state").asText());
        rememberStoredTokens();
    }

    @Test
    @Order(6)
    void shouldHoldNoPlaintextTokenInTheDatabaseNorInTheGatewayLogs() throws Exception {
        rememberStoredTokens();
        assertTrue(SEEN_TOKENS.size() >= 8, "tokens seen: " + SEEN_TOKENS.size());
        assertTrue(logsOf().size() >= 3, "the logs of the three gateway processes");
        List<String> hits = new ArrayList<>();
        try (Connection db = database()) {
            List<String[]> columns = new ArrayList<>();
            try (ResultSet rows = db.createStatement().executeQuery("SELECT table_name, column_name FROM "
                    + "information_schema.columns WHERE table_schema = 'public' AND data_type IN "
                    + "('text', 'character varying', 'character', 'json', 'jsonb')")) {
                while (rows.next()) {
                    columns.add(new String[] {rows.getString(1), rows.getString(2)});
                }
            }
            assertTrue(columns.size() > 10, "text columns scanned: " + columns.size());
            for (String[] column : columns) {
                for (String token : SEEN_TOKENS) {
                    try (PreparedStatement query = db.prepareStatement("SELECT count(*) FROM \"" + column[0]
                            + "\" WHERE position(? in \"" + column[1] + "\"::text) > 0")) {
                        query.setString(1, token);
                        try (ResultSet count = query.executeQuery()) {
                            count.next();
                            if (count.getLong(1) > 0) {
                                hits.add(column[0] + "." + column[1]);
                            }
                        }
                    }
                }
            }
        }
        assertEquals(List.of(), hits, "columns holding a plaintext token");

        for (Path log : logsOf()) {
            String text = Files.readString(log, StandardCharsets.ISO_8859_1);
            for (String token : SEEN_TOKENS) {
                assertTrue(!text.contains(token), log.getFileName() + " contains a token");
            }
        }
    }

    /** Every gateway process's log: the suite's gateway and the extra replicas. */
    private static List<Path> logsOf() throws java.io.IOException {
        try (Stream<Path> files = Files.list(suite.logFile(SuiteApp.GATEWAY).getParent())) {
            return files.filter(p -> p.getFileName().toString().startsWith("gateway")).toList();
        }
    }

    /** Adds the decrypted tokens of every stored connection to the tokens that must never appear in plaintext. */
    private static void rememberStoredTokens() {
        for (String table : List.of("quickbooks_connection", "hubspot_connection")) {
            String id = table.startsWith("quickbooks") ? "realm_id" : "portal_id";
            try (Connection db = database();
                    ResultSet rows = db.createStatement().executeQuery("SELECT " + id + ", access_token, refresh_token"
                            + " FROM " + table)) {
                while (rows.next()) {
                    for (String column : List.of("access_token", "refresh_token")) {
                        String stored = rows.getString(column);
                        if (stored != null) {
                            assertTrue(stored.startsWith("v1:"), table + "." + column + " is not a v1 ciphertext");
                            SEEN_TOKENS.add(decrypt(stored, table, column, rows.getString(1)));
                        }
                    }
                }
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    private static String storedToken(String table, String column, String id) {
        String stored = storedCiphertext(table, column, id);
        assertNotNull(stored, table + "." + column + " of " + id);
        String token = decrypt(stored, table, column, id);
        SEEN_TOKENS.add(token);
        return token;
    }

    private static String storedCiphertext(String table, String column, String id) {
        String idColumn = table.startsWith("quickbooks") ? "realm_id" : "portal_id";
        try (Connection db = database();
                PreparedStatement query = db.prepareStatement("SELECT " + column + " FROM " + table + " WHERE "
                        + idColumn + " = ?")) {
            query.setString(1, id);
            try (ResultSet row = query.executeQuery()) {
                return row.next() ? row.getString(1) : null;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Moves the stored access token's expiry into the past: the next token request must refresh. */
    private static void expireAccessToken() {
        try (Connection db = database();
                PreparedStatement update = db.prepareStatement("UPDATE quickbooks_connection SET "
                        + "access_token_expires_at = now() - interval '1 minute' WHERE realm_id = ?")) {
            update.setString(1, REALM);
            assertEquals(1, update.executeUpdate());
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Decrypts a stored value independently of the gateway's code, from the documented format
     * ({@code v1:<key id>:<iv>:<ciphertext+tag>}, AES-256-GCM, AAD {@code <table>.<column>/<row id>}).
     */
    private static String decrypt(String stored, String table, String column, String id) {
        String[] parts = stored.split(":");
        String key = suite.tokenEncryptionKey();
        assertEquals(key.substring(0, key.indexOf(':')), parts[1], "encrypted with the active key");
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, new SecretKeySpec(Base64.getDecoder().decode(
                    key.substring(key.indexOf(':') + 1)), "AES"),
                    new GCMParameterSpec(128, Base64.getUrlDecoder().decode(parts[2])));
            cipher.updateAAD((table + "." + column + "/" + id).getBytes(StandardCharsets.UTF_8));
            return new String(cipher.doFinal(Base64.getUrlDecoder().decode(parts[3])), StandardCharsets.UTF_8);
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException("stored value does not decrypt", e);
        }
    }

    private static long tokenEndpoint(String status) {
        return http.stats().body().path("endpoints").path(TOKEN_ENDPOINT).path("statuses").path(status).asLong();
    }

    private static String location(String authorizeUrl) {
        // The sandbox's consent page answers at once with a 302 to the gateway's callback.
        try {
            var response = java.net.http.HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(authorizeUrl))
                    .GET().build(), java.net.http.HttpResponse.BodyHandlers.discarding());
            return response.headers().firstValue("Location").orElseThrow();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static Connection database() throws SQLException {
        String host = System.getenv().getOrDefault("PGHOST", "127.0.0.1");
        String port = System.getenv().getOrDefault("PGPORT", "5432");
        String user = System.getenv().getOrDefault("PGUSER", "postgres");
        return DriverManager.getConnection("jdbc:postgresql://" + host + ":" + port + "/"
                + suite.databaseName(SuiteApp.GATEWAY), user, System.getenv().getOrDefault("PGPASSWORD", ""));
    }
}
