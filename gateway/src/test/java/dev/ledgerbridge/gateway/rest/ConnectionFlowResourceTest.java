package dev.ledgerbridge.gateway.rest;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.exactly;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.ledgerbridge.gateway.repository.HubSpotConnectionRepository;
import dev.ledgerbridge.gateway.repository.OAuthStateRepository;
import dev.ledgerbridge.gateway.repository.QuickBooksConnectionRepository;
import dev.ledgerbridge.gateway.service.OAuthStates;
import dev.ledgerbridge.gateway.support.DownstreamStubs;
import dev.ledgerbridge.gateway.support.DownstreamWireMock;
import dev.ledgerbridge.gateway.support.InjectWireMock;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The OAuth flows and the token lifecycle against WireMock standing in for Intuit and HubSpot: the state rules,
 * the callback, refresh with rotation, invalid_grant versus a 5xx, disconnect. Without pre-authorised tokens.
 */
@QuarkusTest
@TestProfile(ConnectionFlowResourceTest.OAuthTokens.class)
@WithTestResource(DownstreamWireMock.class)
class ConnectionFlowResourceTest {

    /** The gateway as in production: stored OAuth tokens only. */
    public static class OAuthTokens implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("ledgerbridge.gateway.connections.preauthorised-tokens", "false");
        }
    }

    private static final String REALM = "9130350000000001";
    private static final String TOKENS = "/oauth2/v1/tokens/bearer";

    @InjectWireMock
    WireMockServer wireMock;

    @Inject
    QuickBooksConnectionRepository connections;

    @Inject
    HubSpotConnectionRepository portals;

    @Inject
    OAuthStateRepository states;

    @Inject
    Pool pool;

    @BeforeEach
    void clean() {
        wireMock.resetAll();
        connections.deleteAll().await().atMost(Duration.ofSeconds(5));
        portals.deleteAll().await().atMost(Duration.ofSeconds(5));
        DownstreamStubs.quickBooksCompany(wireMock, REALM, "Ledger Demo US Inc.", "US");
    }

    @Test
    void shouldConnectThroughTheCallbackReadingCompanyInfoWithTheNewToken() {
        stubTokens("authorization_code", "eyJ-access-1", "RT1-refresh-1");
        String state = startAuthorization();

        given().queryParam("code", "AB11code").queryParam("state", state).queryParam("realmId", REALM)
                .when().get("/oauth/v1/quickbooks/callback")
                .then().statusCode(200)
                .body("state", equalTo("CONNECTED")).body("country", equalTo("US"))
                .body("companyName", equalTo("Ledger Demo US Inc."));

        var exchange = wireMock.findAll(postRequestedFor(urlPathEqualTo(TOKENS))).get(0);
        String form = URLDecoder.decode(exchange.getBodyAsString(), StandardCharsets.UTF_8);
        assertTrue(form.contains("grant_type=authorization_code") && form.contains("code=AB11code")
                && form.contains("redirect_uri=http://localhost:"), form);
        assertTrue(exchange.getHeader("Authorization").startsWith("Basic "), "client authentication by HTTP Basic");
        var companyInfo = wireMock.findAll(getRequestedFor(urlPathEqualTo("/v3/company/" + REALM + "/companyinfo/" + REALM)));
        assertEquals("Bearer eyJ-access-1", companyInfo.get(0).getHeader("Authorization"));

        Row row = row();
        assertTrue(row.getString("access_token").startsWith("v1:local-dev:"));
        assertFalse(row.getString("access_token").contains("eyJ-access-1"));
        assertFalse(row.getString("refresh_token").contains("RT1-refresh-1"));
        given().when().get("/internal/v1/quickbooks/" + REALM + "/access-token")
                .then().statusCode(200).body("accessToken", equalTo("eyJ-access-1"));
    }

    @Test
    void shouldRefuseUnknownExpiredAndReusedStatesWithoutAnyTokenRequest() {
        given().queryParam("code", "c").queryParam("state", "never-issued").queryParam("realmId", REALM)
                .when().get("/oauth/v1/quickbooks/callback")
                .then().statusCode(400).body("code", equalTo("OAUTH_STATE_UNKNOWN"));
        given().queryParam("code", "c").queryParam("realmId", REALM)
                .when().get("/oauth/v1/quickbooks/callback")
                .then().statusCode(400).body("code", equalTo("OAUTH_STATE_MISSING"));

        String expired = startAuthorization();
        states.expire(OAuthStates.hash(expired)).await().atMost(Duration.ofSeconds(5));
        given().queryParam("code", "c").queryParam("state", expired).queryParam("realmId", REALM)
                .when().get("/oauth/v1/quickbooks/callback")
                .then().statusCode(400).body("code", equalTo("OAUTH_STATE_EXPIRED"));

        // A HubSpot state is no Intuit state.
        String hubSpotState = given().when().post("/admin/v1/connections/hubspot/installations")
                .then().statusCode(200).extract().<String>path("authorizeUrl").replaceAll(".*state=([^&]+).*", "$1");
        given().queryParam("code", "c").queryParam("state", hubSpotState).queryParam("realmId", REALM)
                .when().get("/oauth/v1/quickbooks/callback")
                .then().statusCode(400).body("code", equalTo("OAUTH_STATE_UNKNOWN"));

        String denied = startAuthorization();
        given().queryParam("error", "access_denied").queryParam("state", denied)
                .when().get("/oauth/v1/quickbooks/callback")
                .then().statusCode(400).body("code", equalTo("AUTHORIZATION_DENIED"));
        given().queryParam("code", "c").queryParam("state", denied).queryParam("realmId", REALM)
                .when().get("/oauth/v1/quickbooks/callback")
                .then().statusCode(400).body("code", equalTo("OAUTH_STATE_USED"));

        wireMock.verify(exactly(0), postRequestedFor(urlPathEqualTo(TOKENS)));
        assertNull(connections.findById(REALM).await().atMost(Duration.ofSeconds(5)), "nothing stored");
    }

    @Test
    void shouldRefreshADueTokenOnceAndStoreTheRotatedRefreshToken() {
        connect("eyJ-access-1", "RT1-refresh-1");
        expireAccessToken();
        stubTokens("refresh_token", "eyJ-access-2", "RT1-refresh-2");

        given().when().get("/internal/v1/quickbooks/" + REALM + "/access-token")
                .then().statusCode(200).body("accessToken", equalTo("eyJ-access-2"));
        given().when().get("/internal/v1/quickbooks/" + REALM + "/access-token")
                .then().statusCode(200).body("accessToken", equalTo("eyJ-access-2"));

        var refreshes = wireMock.findAll(postRequestedFor(urlPathEqualTo(TOKENS))
                .withRequestBody(containing("grant_type=refresh_token")));
        assertEquals(1, refreshes.size(), "the fresh token is used as stored the second time");
        assertTrue(refreshes.get(0).getBodyAsString().contains("refresh_token=RT1-refresh-1"));
        String storedBefore = row().getString("refresh_token");
        expireAccessToken();
        stubTokens("refresh_token", "eyJ-access-3", "RT1-refresh-3");
        given().when().get("/internal/v1/quickbooks/" + REALM + "/access-token")
                .then().statusCode(200).body("accessToken", equalTo("eyJ-access-3"));
        assertTrue(wireMock.findAll(postRequestedFor(urlPathEqualTo(TOKENS))).get(1).getBodyAsString()
                .contains("refresh_token=RT1-refresh-2"), "the rotated refresh token was stored and used");
        assertNotEquals(storedBefore, row().getString("refresh_token"));
    }

    @Test
    void shouldMarkReconnectNeededOnInvalidGrantButNotOnA5xx() {
        connect("eyJ-access-1", "RT1-refresh-1");
        expireAccessToken();
        String storedRefresh = row().getString("refresh_token");

        wireMock.stubFor(post(urlPathEqualTo(TOKENS)).willReturn(aResponse().withStatus(503)
                .withHeader("Content-Type", "text/html").withBody("<html>upstream unavailable</html>")));
        given().when().get("/internal/v1/quickbooks/" + REALM + "/access-token")
                .then().statusCode(503).body("code", equalTo("TOKEN_ENDPOINT_UNAVAILABLE"))
                .body("message", containsString("unavailable"));
        wireMock.stubFor(post(urlPathEqualTo(TOKENS)).willReturn(aResponse().withStatus(500)
                .withHeader("Content-Type", "application/json").withBody("{\"error\":\"server_error\"}")));
        given().when().get("/internal/v1/quickbooks/" + REALM + "/access-token")
                .then().statusCode(503).body("code", equalTo("TOKEN_ENDPOINT_UNAVAILABLE"));
        assertEquals("CONNECTED", row().getString("state"), "a transient failure changes nothing");
        assertEquals(storedRefresh, row().getString("refresh_token"));

        wireMock.stubFor(post(urlPathEqualTo(TOKENS)).willReturn(aResponse().withStatus(400)
                .withHeader("Content-Type", "application/json").withBody("{\"error\":\"invalid_grant\"}")));
        given().when().get("/internal/v1/quickbooks/" + REALM + "/access-token")
                .then().statusCode(409).body("code", equalTo("COMPANY_NOT_CONNECTED"))
                .body("message", containsString("must be reconnected by an admin"))
                .body("message", containsString("/admin/v1/connections/quickbooks/authorizations"));
        Row row = row();
        assertEquals("RECONNECT_NEEDED", row.getString("state"));
        assertTrue(row.getString("state_reason").contains("invalid_grant"));
        assertNull(row.getString("refresh_token"));
        given().when().get("/admin/v1/connections/quickbooks/" + REALM)
                .then().statusCode(200).body("state", equalTo("RECONNECT_NEEDED"));
        // No further refresh is attempted for a dead grant.
        given().when().get("/internal/v1/quickbooks/" + REALM + "/access-token").then().statusCode(409);
        assertEquals(3, wireMock.findAll(postRequestedFor(urlPathEqualTo(TOKENS))
                .withRequestBody(containing("grant_type=refresh_token"))).size());
    }

    @Test
    void shouldDisconnectRevokingAtIntuitAndRefuseTheOneStepConnect() {
        connect("eyJ-access-1", "RT1-refresh-1");
        wireMock.stubFor(post(urlPathEqualTo("/v2/oauth2/tokens/revoke")).willReturn(aResponse().withStatus(200)));

        given().when().delete("/admin/v1/connections/quickbooks/" + REALM)
                .then().statusCode(200).body("state", equalTo("DISCONNECTED"));

        var revoke = wireMock.findAll(postRequestedFor(urlPathEqualTo("/v2/oauth2/tokens/revoke")));
        assertEquals(1, revoke.size());
        assertTrue(revoke.get(0).getBodyAsString().contains("token=RT1-refresh-1"));
        assertNull(row().getString("access_token"));
        assertNull(row().getString("refresh_token"));
        given().when().get("/internal/v1/quickbooks/" + REALM + "/access-token")
                .then().statusCode(404).body("code", equalTo("COMPANY_NOT_CONNECTED"));
        given().when().post("/admin/v1/connections/quickbooks/" + REALM)
                .then().statusCode(409).body("code", equalTo("AUTHORIZATION_FLOW_REQUIRED"));
    }

    @Test
    void shouldInstallTheHubSpotAppWithTheHubIdFromTokenInfo() {
        wireMock.stubFor(post(urlPathEqualTo("/oauth/v1/token")).willReturn(okJson("""
                {"token_type":"bearer","access_token":"hs-access-1","refresh_token":"hs-refresh-1","expires_in":1800}""")));
        wireMock.stubFor(com.github.tomakehurst.wiremock.client.WireMock.get(urlPathEqualTo(
                "/oauth/v1/access-tokens/hs-access-1")).willReturn(okJson("""
                {"token":"hs-access-1","hub_id":40213377,"hub_domain":"acme.hubspot.com","scopes":["oauth","automation"]}""")));
        String state = given().when().post("/admin/v1/connections/hubspot/installations")
                .then().statusCode(200).extract().<String>path("authorizeUrl").replaceAll(".*state=([^&]+).*", "$1");

        given().queryParam("code", "hs-code").queryParam("state", state)
                .when().get("/oauth/v1/hubspot/callback")
                .then().statusCode(200).body("portalId", equalTo("40213377"))
                .body("hubDomain", equalTo("acme.hubspot.com")).body("state", equalTo("CONNECTED"));

        String form = wireMock.findAll(postRequestedFor(urlPathEqualTo("/oauth/v1/token"))).get(0).getBodyAsString();
        assertTrue(form.contains("client_id=ledgerbridge-local") && form.contains("client_secret="), form);
        given().when().get("/internal/v1/hubspot/40213377/access-token")
                .then().statusCode(200).body("accessToken", equalTo("hs-access-1"));
        given().when().get("/internal/v1/hubspot/40213378/access-token")
                .then().statusCode(404).body("code", equalTo("PORTAL_NOT_CONNECTED"));
    }

    private String startAuthorization() {
        String url = given().when().post("/admin/v1/connections/quickbooks/authorizations")
                .then().statusCode(200)
                .body("authorizeUrl", containsString("scope=com.intuit.quickbooks.accounting"))
                .body("authorizeUrl", containsString("response_type=code"))
                .extract().path("authorizeUrl");
        return URLDecoder.decode(url.replaceAll(".*state=([^&]+).*", "$1"), StandardCharsets.UTF_8);
    }

    private void connect(String access, String refresh) {
        stubTokens("authorization_code", access, refresh);
        given().queryParam("code", "AB11code").queryParam("state", startAuthorization()).queryParam("realmId", REALM)
                .when().get("/oauth/v1/quickbooks/callback").then().statusCode(200);
        wireMock.resetRequests();
    }

    private void stubTokens(String grant, String access, String refresh) {
        wireMock.stubFor(post(urlPathEqualTo(TOKENS)).withRequestBody(containing("grant_type=" + grant))
                .willReturn(okJson("""
                        {"token_type":"bearer","access_token":"%s","expires_in":3600,"refresh_token":"%s",
                         "x_refresh_token_expires_in":8726400}""".formatted(access, refresh))));
    }

    private void expireAccessToken() {
        pool.preparedQuery("UPDATE quickbooks_connection SET access_token_expires_at = now() - interval '1 minute' "
                + "WHERE realm_id = $1").execute(Tuple.of(REALM)).await().atMost(Duration.ofSeconds(5));
    }

    private Row row() {
        return pool.preparedQuery("SELECT * FROM quickbooks_connection WHERE realm_id = $1").execute(Tuple.of(REALM))
                .await().atMost(Duration.ofSeconds(5)).iterator().next();
    }
}
