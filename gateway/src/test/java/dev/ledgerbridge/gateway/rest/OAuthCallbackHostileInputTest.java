package dev.ledgerbridge.gateway.rest;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.ledgerbridge.gateway.support.DownstreamWireMock;
import dev.ledgerbridge.gateway.support.InjectWireMock;
import dev.ledgerbridge.gateway.support.RawHttp;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 8, hostile input on the public OAuth callbacks (the vendor redirects a browser there, so anyone can call them):
 * hostile values in every query parameter, already percent-encoded as a browser would send them. Each gets a clear 4xx
 * with an error code, never a 5xx, no header injected, no token endpoint called and no connection row written; a
 * valid state spent on a hostile realmId is refused before any exchange.
 */
@QuarkusTest
@TestProfile(ConnectionFlowResourceTest.OAuthTokens.class)
@WithTestResource(DownstreamWireMock.class)
class OAuthCallbackHostileInputTest {

    /**
     * Query values that are no valid percent-encoding at all: Vert.x' HTTP server refuses them with a bare 400 before
     * any filter or resource of the gateway runs (a known gap: no ErrorBody code), which still changes nothing.
     */
    private static final List<String> UNDECODABLE = List.of("%", "%%41");

    /** Encoded query values: injection, metacharacters, control bytes, invalid UTF-8, size. */
    private static final List<String> PAYLOADS = List.of(
            enc("' OR 1=1 --"), enc("9130350000000001' OR Name LIKE '%"), enc("\\' \\\\ \\\""),
            enc("realm\r\nSet-Cookie: injected=1"), "%0d%0aSet-Cookie:%20injected=1", "%00", "%C3%28", "%FF%FE",
            "%E2%80%AE", enc("<script>alert(1)</script>"), enc("../../etc/passwd"), enc("${jndi:ldap://x/a}"),
            enc("{\"a\":[1,2,{\"b\":null}]}"), enc("a".repeat(5000)), enc("-1"), enc("1e309"),
            enc("9130350000000001 9130350000000003"), enc("*"), enc("%"), "%", "%%41", enc("😀 Zoë Ånd"),
            enc("value=1&realmId=9130350000000001"), "");

    @InjectWireMock
    WireMockServer wireMock;

    @Inject
    Pool pool;

    @BeforeEach
    void quiet() {
        wireMock.resetRequests();
    }

    @Test
    void shouldRefuseHostileCallbackParametersWithAClear4xxAndChangeNothing() {
        long before = connectionRows();
        List<String> failures = new ArrayList<>();
        int cases = 0;
        for (String callback : List.of("/oauth/v1/quickbooks/callback", "/oauth/v1/hubspot/callback")) {
            for (String parameter : List.of("code", "state", "realmId", "error")) {
                for (String payload : PAYLOADS) {
                    cases++;
                    String query = "code=abc&state=unknown-state&realmId=9130350000000001";
                    query = query.replaceAll("(^|&)" + parameter + "=[^&]*", "") + "&" + parameter + "=" + payload;
                    check(failures, callback + "?" + query);
                }
            }
        }
        assertEquals(List.of(), failures, cases + " cases");
        assertEquals(before, connectionRows(), "no connection row written");
        wireMock.verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void shouldSpendNoValidStateOnAHostileRealmId() {
        List<String> failures = new ArrayList<>();
        for (String payload : PAYLOADS) {
            String state = enc(freshState());
            RawHttp.Answer answer = raw("/oauth/v1/quickbooks/callback?code=abc&state=" + state + "&realmId=" + payload);
            // 414: the 5000-character value makes the request line longer than the HTTP codec reads (4096), refused
            // before any handler, so no state is spent either.
            boolean refused = answer.status() == 414 || answer.status() == 400
                    && (answer.body().contains("\"code\"") || UNDECODABLE.contains(payload));
            if (!refused) {
                failures.add(payload + " -> " + answer.status() + " " + answer.body());
            }
        }
        assertEquals(List.of(), failures);
        // Refused before the code exchange: Intuit's token endpoint never asked.
        wireMock.verify(0, anyRequestedFor(anyUrl()));
    }

    private static void check(List<String> failures, String pathAndQuery) {
        RawHttp.Answer answer = raw(pathAndQuery);
        int status = answer.status();
        String body = answer.body();
        String shown = pathAndQuery.length() > 120 ? pathAndQuery.substring(0, 120) + "..." : pathAndQuery;
        if (status < 400 || status >= 500) {
            failures.add(shown + " -> " + status);
        } else if (status != 414 && status != 431 && !body.contains("\"code\"")
                && UNDECODABLE.stream().noneMatch(pathAndQuery::endsWith)) {
            failures.add(shown + " -> " + status + " without an error code: " + body);
        }
        if (answer.header("Set-Cookie") != null) {
            failures.add(shown + " -> a Set-Cookie header");
        }
        if (body.contains("<script>")) {
            failures.add(shown + " -> the script echoed");
        }
    }

    /** The request line exactly as given (a browser's encoding, malformed escapes included), no Authorization. */
    private static RawHttp.Answer raw(String pathAndQuery) {
        try {
            return RawHttp.send(RestAssured.port, "GET", pathAndQuery, List.of(), new byte[0], false);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String freshState() {
        String url = given().when().post("/admin/v1/connections/quickbooks/authorizations")
                .then().statusCode(200).extract().path("authorizeUrl");
        String state = URLDecoder.decode(url.replaceAll(".*state=([^&]+).*", "$1"), StandardCharsets.UTF_8);
        assertFalse(state.isBlank());
        return state;
    }

    private long connectionRows() {
        long rows = pool.query("SELECT (SELECT count(*) FROM quickbooks_connection) + "
                        + "(SELECT count(*) FROM hubspot_connection) AS n").execute()
                .await().atMost(Duration.ofSeconds(10)).iterator().next().getLong("n");
        assertTrue(rows >= 0);
        return rows;
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
