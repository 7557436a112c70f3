package dev.ledgerbridge.catalog.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.ledgerbridge.auth.testing.TestOidcProvider;
import dev.ledgerbridge.auth.testing.TestTokens;
import dev.ledgerbridge.catalog.QboStubs;
import dev.ledgerbridge.catalog.QboStubs.StubItem;
import dev.ledgerbridge.catalog.WireMockVendors;
import dev.ledgerbridge.catalog.WireMockVendors.InjectWireMock;
import dev.ledgerbridge.catalog.client.GatewayAccessTokenProvider;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Internal authentication (issue 8) over HTTP with the real service: every internal resource refuses a caller without
 * a valid token for product-catalog-service (401 for a missing, expired, wrongly signed, foreign-issuer or unreadable
 * token, 403 for a token of another service) before anything runs, answers the right token, leaves the health checks
 * open, and the service's own calls to the gateway's QBO and HubSpot token endpoints carry its bearer token.
 */
@QuarkusTest
@QuarkusTestResource(WireMockVendors.class)
class InternalAuthTest {

    private static final String AUDIENCE = "product-catalog-service";
    private static final String REALM = "9130350000000901";
    // The HubSpot product sync's company and portal: their own, so no other test's mirror or token cache is involved.
    private static final String SYNC_REALM = "9130350000000902";
    private static final long PORTAL = 40219902L;
    private static final String BEARER_JWT = "Bearer [A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+";
    private static final String LINE_ITEMS = """
            {"realmId": "%s", "portalId": 40213377, "lineItems": [
              {"id": "442", "name": "Support Hours", "sku": "SUP-HR", "productId": "203", "quantity": 4,
               "price": 150.00}]}""".formatted(REALM);
    private static final Duration WAIT = Duration.ofSeconds(30);

    @InjectWireMock
    WireMockServer wireMock;

    @Inject
    Pool pool;

    @Inject
    GatewayAccessTokenProvider qboTokens;

    private QboStubs qbo;

    @BeforeEach
    void reset() {
        wireMock.resetAll();
        qbo = new QboStubs(wireMock);
        qbo.token(REALM);
        qbo.items(REALM, "Sku IN", StubItem.service("3", "Support Hours", "SUP-HR"));
        // An earlier test's cached QBO token would spare the gateway call whose bearer token is checked here.
        qboTokens.invalidate(REALM);
        for (String table : List.of("catalog_item", "product_link", "catalog_sync_state", "catalog_settings",
                "hubspot_product_sync")) {
            pool.preparedQuery("DELETE FROM " + table + " WHERE realm_id = $1 OR realm_id = $2")
                    .execute(Tuple.of(REALM, SYNC_REALM)).await().atMost(WAIT);
        }
    }

    @AfterEach
    void resetBreakers() {
        CircuitBreakerMaintenance.get().resetAll();
    }

    /** A call of an internal resource: the resolution and preview, and the read and the write of each other one. */
    record Call(String name, String method, String path, String body) {

        @Override
        public String toString() {
            return name;
        }
    }

    static List<Call> calls() {
        return List.of(
                new Call("LineItemResource: resolve", "POST", "/v1/line-items/resolve", LINE_ITEMS),
                new Call("LineItemResource: preview", "POST", "/v1/line-items/preview", LINE_ITEMS),
                new Call("CatalogResource: state", "GET", "/v1/catalog/" + REALM, null),
                new Call("CatalogResource: sync", "POST", "/v1/catalog/" + REALM + "/sync", null),
                new Call("CatalogSettingsResource: read", "GET", "/v1/companies/" + REALM + "/catalog-settings", null),
                new Call("CatalogSettingsResource: change", "PUT", "/v1/companies/" + REALM + "/catalog-settings",
                        "{\"itemType\": \"Service\", \"incomeAccountId\": \"79\"}"),
                new Call("HubSpotProductSyncResource: read", "GET",
                        "/v1/companies/" + REALM + "/hubspot-product-sync", null),
                new Call("HubSpotProductSyncResource: change", "PUT",
                        "/v1/companies/" + REALM + "/hubspot-product-sync",
                        "{\"enabled\": true, \"portalId\": " + PORTAL + "}"));
    }

    /** Each refused credential with the status it gets; no credential at all has its own test (the challenge). */
    static Stream<Arguments> refusals() {
        record Credential(String name, int status, UnaryOperator<RequestSpecification> apply) {
        }
        List<Credential> credentials = List.of(
                new Credential("expired token", 401, r -> r.auth().oauth2(TestTokens.expired(AUDIENCE))),
                new Credential("token signed by an unknown key", 401,
                        r -> r.auth().oauth2(TestTokens.wronglySigned(AUDIENCE))),
                new Credential("token of another issuer", 401, r -> r.auth().oauth2(TestTokens.otherIssuer(AUDIENCE))),
                new Credential("Bearer abc", 401, r -> r.auth().none().header("Authorization", "Bearer abc")),
                new Credential("Basic credentials", 401,
                        r -> r.auth().none().header("Authorization", "Basic cHJvZHVjdC1jYXRhbG9nOnNlY3JldA==")),
                new Credential("token for the gateway", 403, r -> r.auth().oauth2(TestTokens.service("gateway"))),
                new Credential("admin token for contact-sync-service", 403,
                        r -> r.auth().oauth2(TestTokens.admin("contact-sync-service"))));
        return calls().stream().flatMap(call -> credentials.stream()
                .map(credential -> Arguments.of(call, credential.name(), credential.status(), credential.apply())));
    }

    private static RequestSpecification request(Call call, RequestSpecification spec) {
        if (call.body() != null) {
            spec.contentType(ContentType.JSON).body(call.body());
        }
        return spec;
    }

    private void assertNothingHappened() {
        wireMock.verify(0, anyRequestedFor(anyUrl()));
        for (String table : List.of("catalog_item", "product_link", "catalog_sync_state", "catalog_settings",
                "hubspot_product_sync")) {
            long rows = pool.preparedQuery("SELECT count(*) FROM " + table + " WHERE realm_id = $1")
                    .execute(Tuple.of(REALM)).await().atMost(WAIT).iterator().next().getLong(0);
            assertEquals(0, rows, table + " written by a refused call");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("calls")
    void shouldChallengeACallWithoutToken(Call call) {
        request(call, given().auth().none())
                .when().request(call.method(), call.path())
                .then().statusCode(401)
                .header("WWW-Authenticate", startsWith("Bearer"));
        assertNothingHappened();
    }

    @ParameterizedTest(name = "{0} with {1}: {2}")
    @MethodSource("refusals")
    void shouldRefuseABadOrForeignToken(Call call, String credential, int status,
            UnaryOperator<RequestSpecification> apply) {
        request(call, apply.apply(given()))
                .when().request(call.method(), call.path())
                .then().statusCode(status);
        assertNothingHappened();
    }

    @ParameterizedTest
    @ValueSource(strings = {"//v1/line-items/resolve", "/v1//line-items/resolve", "/v1/./line-items/resolve",
        "/q/../v1/line-items/resolve", "/v1/line-items/resolve/", "/v1/line-items/resolve;x=y",
        "/v1/%6Cine-items/resolve"})
    void shouldNotLetAnOddlyWrittenPathAroundTheCheck(String path) {
        int status = given().auth().none().urlEncodingEnabled(false).contentType(ContentType.JSON).body(LINE_ITEMS)
                .when().post(path)
                .then().extract().statusCode();
        assertTrue(status == 401 || status == 404, path + " answered " + status);
        assertNothingHappened();
    }

    @Test
    void shouldResolveWithAServiceTokenForThisServiceAndAskTheGatewayWithItsOwnToken() {
        String callersToken = TestTokens.service(AUDIENCE);
        given().auth().oauth2(callersToken).contentType(ContentType.JSON).body(LINE_ITEMS)
                .when().post("/v1/line-items/resolve")
                .then().statusCode(200)
                .body("lines.itemId", equalTo(List.of("3")));

        // The QBO token came from the gateway's internal endpoint, asked with this service's bearer token (a JWT from
        // the OIDC provider for the gateway), not with the caller's token passed on.
        wireMock.verify(1, getRequestedFor(urlPathEqualTo(QboStubs.tokenPath(REALM)))
                .withHeader("Authorization", matching(BEARER_JWT)));
        String ownToken = bearer(wireMock.findAll(getRequestedFor(urlPathEqualTo(QboStubs.tokenPath(REALM)))).get(0));
        assertNotEquals(callersToken, ownToken);
        assertTrue(claims(ownToken).get("aud").toString().contains("\"gateway\""), "not for the gateway: " + ownToken);
        assertTrue(TestOidcProvider.tokensIssued() >= 1);
    }

    @Test
    void shouldAskTheGatewayForTheHubSpotTokenWithItsOwnToken() {
        String hubSpotTokenPath = "/internal/v1/hubspot/" + PORTAL + "/access-token";
        wireMock.stubFor(get(urlPathEqualTo(hubSpotTokenPath))
                .willReturn(okJson("{\"accessToken\": \"hs-token\", \"expiresAt\": \"2099-01-01T00:00:00Z\"}")));
        wireMock.stubFor(post(urlPathEqualTo("/crm/v3/objects/products/batch/upsert")).willReturn(okJson("""
                {"status": "COMPLETE", "startedAt": "2026-11-27T01:00:00.000Z", "completedAt": "2026-11-27T01:00:00.100Z",
                 "results": [{"id": "7001", "new": true, "properties": {"qbo_item_id": "1"}}]}""")));
        qbo.token(SYNC_REALM);
        qbo.catalog(SYNC_REALM, List.of(StubItem.service("1", "Annual Subscription", "SUB-ANNUAL")), 1000);
        given().auth().oauth2(TestTokens.service(AUDIENCE)).contentType(ContentType.JSON)
                .body("{\"enabled\": true, \"portalId\": " + PORTAL + "}")
                .when().put("/v1/companies/" + SYNC_REALM + "/hubspot-product-sync")
                .then().statusCode(200)
                .body("enabled", equalTo(true));

        given().auth().oauth2(TestTokens.service(AUDIENCE))
                .when().post("/v1/catalog/" + SYNC_REALM + "/sync")
                .then().statusCode(202);

        // The mirror run sends the items to HubSpot after the 202, with the token the gateway handed out.
        await().atMost(WAIT).untilAsserted(() -> wireMock.verify(getRequestedFor(urlPathEqualTo(hubSpotTokenPath))
                .withHeader("Authorization", matching(BEARER_JWT))));
        List<LoggedRequest> asked = wireMock.findAll(getRequestedFor(urlPathEqualTo(hubSpotTokenPath)));
        assertFalse(asked.isEmpty());
        asked.forEach(request -> assertTrue(claims(bearer(request)).get("aud").toString().contains("\"gateway\"")));
    }

    @Test
    void shouldAnswerTheSettingsToAServiceTokenWithoutAdminRole() {
        // The services' internal API needs the audience only; the admin role is the gateway's admin API's concern.
        given().auth().oauth2(TestTokens.service(AUDIENCE))
                .when().get("/v1/companies/" + REALM + "/catalog-settings")
                .then().statusCode(404)
                .body("code", equalTo("CATALOG_SETTINGS_NOT_FOUND"));
    }

    @Test
    void shouldAcceptATokenNamingThisServiceAmongOthers() {
        // The gateway's token names all four services; this one is among them.
        given().auth().oauth2(TestTokens.service(TestOidcProvider.AUDIENCES)).contentType(ContentType.JSON)
                .body("{\"enabled\": false, \"portalId\": " + PORTAL + "}")
                .when().put("/v1/companies/" + REALM + "/hubspot-product-sync")
                .then().statusCode(200)
                .body("enabled", equalTo(false));
    }

    @Test
    void shouldKeepTheHealthChecksOpenWithoutToken() {
        given().auth().none().when().get("/q/health/ready")
                .then().statusCode(200)
                .body("status", equalTo("UP"));
        given().auth().none().when().get("/q/health/live").then().statusCode(200);
    }

    private static String bearer(LoggedRequest request) {
        return request.getHeader("Authorization").substring("Bearer ".length());
    }

    private static JsonNode claims(String jwt) {
        try {
            return new ObjectMapper().readTree(new String(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]),
                    StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new AssertionError("token payload is not JSON", e);
        }
    }
}
