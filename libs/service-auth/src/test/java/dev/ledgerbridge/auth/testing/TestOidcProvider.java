package dev.ledgerbridge.auth.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The token endpoint the services' own REST clients use in tests (client-credentials grant, Keycloak's path), one per
 * test JVM on a free port: it answers every client that authenticates with HTTP Basic with a {@link TestTokens}
 * token for all of LedgerBridge's audiences, and refuses a request without client authentication as Keycloak does
 * (401 {@code invalid_client}). Kept apart from the tests' WireMock servers, whose stubs tests reset freely.
 *
 * <p>A module's test resource adds {@link #configOverrides()} to the config it returns.
 */
public final class TestOidcProvider {

    /** Every audience a LedgerBridge token may name. */
    public static final String[] AUDIENCES = {"gateway", "contact-sync-service", "product-catalog-service",
        "document-service", "payments-bridge-service"};

    private static HttpServer server;
    private static final AtomicInteger TOKENS_ISSUED = new AtomicInteger();

    private TestOidcProvider() {
    }

    /** The realm URL of the running provider (started on first use). */
    public static synchronized String realmUrl() {
        if (server == null) {
            try {
                server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            server.createContext("/realms/ledgerbridge/protocol/openid-connect/token", TestOidcProvider::token);
            server.start();
        }
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/realms/ledgerbridge";
    }

    /** Points the service's oidc-client at this provider. */
    public static Map<String, String> configOverrides() {
        return Map.of("quarkus.oidc-client.auth-server-url", realmUrl());
    }

    /** How many tokens were issued so far in this JVM. */
    public static int tokensIssued() {
        return TOKENS_ISSUED.get();
    }

    private static void token(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        boolean clientAuthenticated = (authorization != null && authorization.startsWith("Basic "))
                || body.contains("client_secret=");
        int status;
        String answer;
        if (!"POST".equals(exchange.getRequestMethod())) {
            status = 405;
            answer = "{\"error\":\"invalid_request\"}";
        } else if (!body.contains("grant_type=client_credentials")) {
            status = 400;
            answer = "{\"error\":\"unsupported_grant_type\"}";
        } else if (!clientAuthenticated) {
            status = 401;
            answer = "{\"error\":\"invalid_client\"}";
        } else {
            status = 200;
            TOKENS_ISSUED.incrementAndGet();
            answer = "{\"access_token\":\"" + TestTokens.service(AUDIENCES)
                    + "\",\"expires_in\":300,\"token_type\":\"Bearer\",\"scope\":\"profile\"}";
        }
        byte[] bytes = answer.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }
}
