package dev.ledgerbridge.documents.rest;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.ledgerbridge.auth.testing.TestOidcProvider;
import dev.ledgerbridge.auth.testing.TestTokens;
import dev.ledgerbridge.documents.client.GatewayAccessTokenProvider;
import dev.ledgerbridge.documents.support.InjectWireMock;
import dev.ledgerbridge.documents.support.VendorWireMock;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.UUID;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Internal authentication (issue 8): the token matrix on one endpoint of each resource ({@link DocumentResource},
 * {@link DocumentSettingsResource}), the open {@code /q} paths, and this service's own token on its call to the
 * gateway's token endpoint.
 */
@QuarkusTest
@QuarkusTestResource(VendorWireMock.class)
class InternalAuthTest {

    private static final String SERVICE = "document-service";
    private static final String REALM = "9130350000000081";
    private static final String JWT = "[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+";

    @InjectWireMock
    WireMockServer wireMock;

    @Inject
    GatewayAccessTokenProvider tokens;

    @Inject
    Pool pool;

    @BeforeEach
    void reset() {
        wireMock.resetAll();
        tokens.invalidateAll();
    }

    /** One representative call per resource class, each a read that changes nothing. */
    static Stream<Arguments> endpoints() {
        return Stream.of(
                Arguments.of("GET /v1/documents/{key}", "/v1/documents/40213377:ap-auth-absent:invoice"),
                Arguments.of("GET /v1/companies/{realmId}/document-settings",
                        "/v1/companies/" + REALM + "/document-settings"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("endpoints")
    void shouldChallengeACallerWithoutAToken(String name, String path) {
        call(path, spec -> spec.auth().none())
                .then().statusCode(401)
                .header("WWW-Authenticate", startsWith("Bearer"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("endpoints")
    void shouldRefuseAnExpiredToken(String name, String path) {
        refusedAsUnauthenticated(path, TestTokens.expired(SERVICE));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("endpoints")
    void shouldRefuseATokenSignedByAnUnknownKey(String name, String path) {
        refusedAsUnauthenticated(path, TestTokens.wronglySigned(SERVICE));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("endpoints")
    void shouldRefuseATokenFromAnotherIssuer(String name, String path) {
        refusedAsUnauthenticated(path, TestTokens.otherIssuer(SERVICE));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("endpoints")
    void shouldRefuseABearerThatIsNoJwt(String name, String path) {
        call(path, spec -> spec.auth().none().header("Authorization", "Bearer abc"))
                .then().statusCode(401)
                .header("WWW-Authenticate", startsWith("Bearer"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("endpoints")
    void shouldForbidAValidTokenForAnotherService(String name, String path) {
        // What contact-sync's or document-service's own token looks like: well signed, for the gateway only.
        call(path, spec -> spec.auth().oauth2(TestTokens.service("gateway"))).then().statusCode(403);
        call(path, spec -> spec.auth().oauth2(TestTokens.admin("payments-bridge-service"))).then().statusCode(403);
    }

    @Test
    void shouldServeACallerWhoseTokenNamesThisService() {
        // The gateway's token names every service it calls; a service token carries no role.
        String gatewayToken = TestTokens.service("contact-sync-service", "product-catalog-service", SERVICE,
                "payments-bridge-service");
        given().auth().oauth2(gatewayToken)
                .when().get("/v1/documents/{key}", "40213377:ap-auth-absent:invoice")
                .then().statusCode(404)
                .body("code", is("DOCUMENT_NOT_FOUND"));
        given().auth().oauth2(TestTokens.service(SERVICE))
                .when().get("/v1/companies/{realm}/document-settings", REALM)
                .then().statusCode(200)
                .body("realmId", is(REALM));
    }

    @Test
    void shouldWriteNothingForARefusedCaller() {
        String callbackId = "ap-auth-" + UUID.randomUUID();
        String key = "40213377:" + callbackId + ":invoice";

        given().auth().oauth2(TestTokens.expired(SERVICE)).contentType(ContentType.JSON).body("""
                        {"idempotencyKey": "%s", "realmId": "%s", "type": "INVOICE", "customerId": "58",
                         "source": {"portalId": 40213377, "objectType": "DEAL", "objectId": "301", "callbackId": "%s"},
                         "lines": [{"itemId": "2", "description": "Annual Subscription", "quantity": 1,
                                    "unitPrice": 12000.00}]}""".formatted(key, REALM, callbackId))
                .when().post("/v1/documents")
                .then().statusCode(401);

        assertEquals(0, wireMock.getAllServeEvents().size());
        long rows = pool.preparedQuery("SELECT count(*) AS n FROM document WHERE idempotency_key = $1")
                .execute(Tuple.of(key)).await().atMost(Duration.ofSeconds(10)).iterator().next().getLong("n");
        assertEquals(0, rows);
    }

    @Test
    void shouldLeaveHealthMetricsAndOpenApiOpen() {
        given().auth().none().when().get("/q/health/ready").then().statusCode(200);
        given().auth().none().when().get("/q/metrics").then().statusCode(200);
        given().auth().none().accept("application/json").when().get("/q/openapi").then().statusCode(200);
    }

    @Test
    void shouldAskTheGatewayForAQboTokenWithItsOwnBearerToken() {
        wireMock.stubFor(get(urlPathEqualTo("/internal/v1/quickbooks/" + REALM + "/access-token"))
                .willReturn(okJson("{\"accessToken\": \"sandbox-qbo-" + REALM + "\", \"expiresAt\": \""
                        + OffsetDateTime.now().plusHours(1) + "\"}")));
        wireMock.stubFor(get(urlPathEqualTo("/v3/company/" + REALM + "/query"))
                .withQueryParam("query", equalTo("SELECT * FROM Account WHERE Id = '3'"))
                .willReturn(okJson("{\"QueryResponse\": {\"Account\": [{\"Id\": \"3\", \"Name\": \"Services\","
                        + " \"AccountType\": \"Income\", \"Active\": true}]}}")));

        // Saving settings checks the deposit account in QBO, which needs the company's token from the gateway.
        given().contentType(ContentType.JSON).body("{\"depositAccountId\": \"3\"}")
                .when().put("/v1/companies/{realm}/document-settings", REALM)
                .then().statusCode(422)
                .body("code", is("INVALID_DEPOSIT_ACCOUNT"))
                .body(not(containsString("sandbox-qbo-")));

        var tokenRequest = getRequestedFor(urlPathEqualTo("/internal/v1/quickbooks/" + REALM + "/access-token"))
                .withHeader("Authorization", matching("Bearer " + JWT));
        wireMock.verify(1, tokenRequest);
        String authorization = wireMock.findAll(tokenRequest).get(0).getHeader("Authorization");
        String claims = new String(Base64.getUrlDecoder().decode(authorization.split("\\.")[1]),
                StandardCharsets.UTF_8);
        assertTrue(claims.contains("\"gateway\""), claims);
        assertTrue(claims.contains("\"iss\":\"" + TestTokens.ISSUER + "\""), claims);
        assertTrue(TestOidcProvider.tokensIssued() > 0);
        // QBO itself gets the company's QBO token, never the service token.
        wireMock.verify(getRequestedFor(urlPathEqualTo("/v3/company/" + REALM + "/query"))
                .withHeader("Authorization", equalTo("Bearer sandbox-qbo-" + REALM)));
    }

    private void refusedAsUnauthenticated(String path, String token) {
        call(path, spec -> spec.auth().oauth2(token))
                .then().statusCode(401)
                .header("WWW-Authenticate", startsWith("Bearer"));
    }

    private static Response call(String path, UnaryOperator<RequestSpecification> auth) {
        return auth.apply(given()).when().get(path);
    }
}
