package dev.ledgerbridge.contacts.rest;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static dev.ledgerbridge.contacts.QboStubs.REALM;
import static dev.ledgerbridge.contacts.QboStubs.customer;
import static dev.ledgerbridge.contacts.QboStubs.customerQuery;
import static dev.ledgerbridge.contacts.QboStubs.emailQuery;
import static dev.ledgerbridge.contacts.QboStubs.queryResponse;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.ledgerbridge.auth.testing.TestOidcProvider;
import dev.ledgerbridge.auth.testing.TestTokens;
import dev.ledgerbridge.contacts.InjectWireMock;
import dev.ledgerbridge.contacts.QboStubs;
import dev.ledgerbridge.contacts.client.GatewayAccessTokenProvider;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Internal authentication (issue 8) over HTTP with the real service: every internal resource refuses a caller without
 * a valid token for contact-sync-service (401 for a missing, expired, wrongly signed, foreign-issuer or unreadable
 * token, 403 for a token of another service) before anything runs, answers the right token, leaves the health checks
 * open, and the service's own calls to the gateway carry its bearer token.
 */
@QuarkusTest
class InternalAuthTest {

    private static final String AUDIENCE = "contact-sync-service";
    private static final String SETTINGS_PATH = "/v1/companies/" + REALM + "/matching-settings";
    private static final String ADA_REQUEST = """
            {"realmId": "%s", "portalId": 40213377, "contactChoice": null,
             "contacts": [{"id": "101", "firstName": "Ada", "lastName": "Lovelace", "email": "ada@example.com"}]}"""
            .formatted(REALM);
    private static final String SYNC_FILTERS = """
            {"mode": "SYNC_FILTERS", "expectedVersion": 0,
             "filterGroups": [{"filters": [{"property": "lifecyclestage", "operator": "EQUALS", "values": ["customer"]}]}]}""";

    @InjectWireMock
    WireMockServer wireMock;

    @Inject
    Pool pool;

    @Inject
    GatewayAccessTokenProvider qboTokens;

    @BeforeEach
    void reset() {
        QboStubs.reset(wireMock);
        // An earlier test's cached QBO token would spare the gateway call whose bearer token is checked here.
        qboTokens.invalidate(REALM);
        wireMock.stubFor(customerQuery(emailQuery("'ada@example.com'"))
                .willReturn(queryResponse(customer("58", "Ada Lovelace", "Ada", "Lovelace", "ada@example.com", true))));
        pool.query("DELETE FROM contact_link").execute()
                .chain(() -> pool.preparedQuery("DELETE FROM matching_settings WHERE realm_id = $1")
                        .execute(Tuple.of(REALM)))
                .chain(() -> pool.preparedQuery("DELETE FROM matching_settings_audit WHERE realm_id = $1")
                        .execute(Tuple.of(REALM)))
                .await().atMost(Duration.ofSeconds(10));
    }

    /** One representative call of each internal resource class: the write of each, where refusing matters most. */
    record Call(String name, String method, String path, String body) {

        @Override
        public String toString() {
            return name;
        }
    }

    static List<Call> calls() {
        return List.of(
                new Call("CustomerResolutionResource: resolve", "POST", "/v1/customers/resolve", ADA_REQUEST),
                new Call("CustomerResolutionResource: preview", "POST", "/v1/customers/preview", ADA_REQUEST),
                new Call("MatchingSettingsResource: read", "GET", SETTINGS_PATH, null),
                new Call("MatchingSettingsResource: change", "PUT", SETTINGS_PATH, SYNC_FILTERS));
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
                        r -> r.auth().none().header("Authorization", "Basic Y29udGFjdC1zeW5jOnNlY3JldA==")),
                new Credential("token for the gateway", 403, r -> r.auth().oauth2(TestTokens.service("gateway"))),
                new Credential("admin token for document-service", 403,
                        r -> r.auth().oauth2(TestTokens.admin("document-service"))));
        return calls().stream().flatMap(call -> credentials.stream()
                .map(credential -> Arguments.of(call, credential.name(), credential.status(), credential.apply())));
    }

    private static RequestSpecification request(Call call, RequestSpecification spec) {
        // The settings change names its actor; the other calls ignore the header.
        spec.header(MatchingSettingsResource.ACTOR_HEADER, "ops@example.com");
        if (call.body() != null) {
            spec.contentType(ContentType.JSON).body(call.body());
        }
        return spec;
    }

    private void assertNothingHappened() {
        wireMock.verify(0, anyRequestedFor(anyUrl()));
        long settingsRows = pool.preparedQuery("SELECT count(*) FROM matching_settings WHERE realm_id = $1")
                .execute(Tuple.of(REALM)).await().atMost(Duration.ofSeconds(10)).iterator().next().getLong(0);
        long links = pool.query("SELECT count(*) FROM contact_link").execute()
                .await().atMost(Duration.ofSeconds(10)).iterator().next().getLong(0);
        assertEquals(0, settingsRows, "matching settings written by a refused call");
        assertEquals(0, links, "contact link written by a refused call");
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

    @Test
    void shouldResolveWithAServiceTokenForThisServiceAndCallTheGatewayWithItsOwnToken() {
        String callersToken = TestTokens.service(AUDIENCE);
        given().auth().oauth2(callersToken).contentType(ContentType.JSON).body(ADA_REQUEST)
                .when().post("/v1/customers/resolve")
                .then().statusCode(200)
                .body("customerId", equalTo("58"));

        // The QBO token came from the gateway's internal endpoint, asked with this service's bearer token (a JWT from
        // the OIDC provider, not the caller's token passed on).
        String tokenPath = "/internal/v1/quickbooks/" + REALM + "/access-token";
        wireMock.verify(getRequestedFor(urlPathEqualTo(tokenPath))
                .withHeader("Authorization", matching("Bearer [A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+")));
        List<LoggedRequest> tokenRequests = wireMock.findAll(getRequestedFor(urlPathEqualTo(tokenPath)));
        String ownToken = tokenRequests.get(0).getHeader("Authorization").substring("Bearer ".length());
        assertNotEquals(callersToken, ownToken);
        JsonNode claims = claims(ownToken);
        assertTrue(claims.get("aud").toString().contains("\"gateway\""), "token not for the gateway: " + claims);
        assertTrue(TestOidcProvider.tokensIssued() >= 1);
    }

    @Test
    void shouldAnswerTheSettingsToAServiceTokenWithoutAdminRole() {
        // The services' internal API needs the audience only; the admin role is the gateway's admin API's concern.
        given().auth().oauth2(TestTokens.service(AUDIENCE))
                .when().get(SETTINGS_PATH)
                .then().statusCode(200)
                .body("realmId", equalTo(REALM))
                .body("mode", equalTo("LEGACY"));
    }

    @Test
    void shouldAcceptATokenNamingThisServiceAmongOthers() {
        // The gateway's token names all four services; this one is among them.
        given().auth().oauth2(TestTokens.service(TestOidcProvider.AUDIENCES))
                .header(MatchingSettingsResource.ACTOR_HEADER, "ops@example.com")
                .contentType(ContentType.JSON).body(SYNC_FILTERS)
                .when().put(SETTINGS_PATH)
                .then().statusCode(200)
                .body("mode", equalTo("SYNC_FILTERS"))
                .body("version", equalTo(1));
    }

    @ParameterizedTest
    @ValueSource(strings = {"//v1/customers/resolve", "/v1//customers/resolve", "/v1/./customers/resolve",
        "/q/../v1/customers/resolve", "/v1/customers/resolve/", "/v1/customers/resolve;x=y", "/v1/%63ustomers/resolve"})
    void shouldNotLetAnOddlyWrittenPathAroundTheCheck(String path) {
        int status = given().auth().none().urlEncodingEnabled(false).contentType(ContentType.JSON).body(ADA_REQUEST)
                .when().post(path)
                .then().extract().statusCode();
        assertTrue(status == 401 || status == 404, path + " answered " + status);
        assertNothingHappened();
    }

    @Test
    void shouldKeepTheHealthChecksOpenWithoutToken() {
        given().auth().none().when().get("/q/health/ready")
                .then().statusCode(200)
                .body("status", equalTo("UP"));
        given().auth().none().when().get("/q/health/live").then().statusCode(200);
    }

    private static JsonNode claims(String jwt) {
        String payload = jwt.split("\\.")[1];
        try {
            return new ObjectMapper().readTree(new String(Base64.getUrlDecoder().decode(payload),
                    StandardCharsets.UTF_8));
        } catch (java.io.IOException e) {
            throw new AssertionError("token payload is not JSON", e);
        }
    }
}
