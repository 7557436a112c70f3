package dev.ledgerbridge.payments.rest;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.matching.RequestPatternBuilder;
import dev.ledgerbridge.auth.testing.TestTokens;
import dev.ledgerbridge.payments.client.GatewayAccessTokenProvider;
import dev.ledgerbridge.payments.support.DownstreamWireMock;
import dev.ledgerbridge.payments.support.InjectWireMock;
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
 * Internal authentication (issue 8): the token matrix on one endpoint of each resource ({@link PaymentActionResource},
 * {@link PaymentSettingsResource}), the open {@code /q} paths, this service's own token on its calls to the gateway,
 * contact-sync, product-catalog and document-service, and a refused token downstream answered as transient.
 */
@QuarkusTest
@QuarkusTestResource(DownstreamWireMock.class)
class InternalAuthTest {

    private static final String SERVICE = "payments-bridge-service";
    // Companies no other test class configures: no payment settings unless a test saves them.
    private static final String REALM = "9130350000000082";
    private static final String SETTINGS_PATH = "/v1/companies/" + REALM + "/payment-settings";
    private static final String ACTIONS_PATH = "/v1/payment-actions";
    private static final String JWT = "[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+";
    private static final String RESOLVE_CUSTOMER = "/v1/customers/resolve";
    private static final String RESOLVE_LINES = "/v1/line-items/resolve";
    private static final String DOCUMENTS = "/v1/documents";

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
        pool.preparedQuery("DELETE FROM payment_settings WHERE realm_id = $1").execute(Tuple.of(REALM))
                .await().atMost(Duration.ofSeconds(10));
    }

    /**
     * One representative call per resource class. The payment action is a full refund the company has no refund
     * account for: with a valid token it is refused by policy, before any service is called.
     */
    static Stream<Arguments> endpoints() {
        return Stream.of(
                Arguments.of("POST", ACTIONS_PATH),
                Arguments.of("GET", SETTINGS_PATH));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("endpoints")
    void shouldChallengeACallerWithoutAToken(String method, String path) {
        call(method, path, spec -> spec.auth().none())
                .then().statusCode(401)
                .header("WWW-Authenticate", startsWith("Bearer"));
        assertEquals(0, wireMock.getAllServeEvents().size());
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("endpoints")
    void shouldRefuseAnExpiredToken(String method, String path) {
        refusedAsUnauthenticated(method, path, TestTokens.expired(SERVICE));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("endpoints")
    void shouldRefuseATokenSignedByAnUnknownKey(String method, String path) {
        refusedAsUnauthenticated(method, path, TestTokens.wronglySigned(SERVICE));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("endpoints")
    void shouldRefuseATokenFromAnotherIssuer(String method, String path) {
        refusedAsUnauthenticated(method, path, TestTokens.otherIssuer(SERVICE));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("endpoints")
    void shouldRefuseABearerThatIsNoJwt(String method, String path) {
        call(method, path, spec -> spec.auth().none().header("Authorization", "Bearer abc"))
                .then().statusCode(401)
                .header("WWW-Authenticate", startsWith("Bearer"));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("endpoints")
    void shouldForbidAValidTokenForAnotherService(String method, String path) {
        // What document-service's own token looks like (the gateway only), and an admin token for the gateway.
        call(method, path, spec -> spec.auth().oauth2(TestTokens.service("gateway"))).then().statusCode(403);
        call(method, path, spec -> spec.auth().oauth2(TestTokens.admin("gateway"))).then().statusCode(403);
        assertEquals(0, wireMock.getAllServeEvents().size());
    }

    @Test
    void shouldServeACallerWhoseTokenNamesThisService() {
        // The gateway's token names every service it calls; a service token carries no role.
        String gatewayToken = TestTokens.service("contact-sync-service", "product-catalog-service",
                "document-service", SERVICE);
        call("POST", ACTIONS_PATH, spec -> spec.auth().oauth2(gatewayToken))
                .then().statusCode(200)
                .body("outcome", is("REFUSED"))
                .body("code", is("PAYMENT_SETTINGS_MISSING"));
        call("GET", SETTINGS_PATH, spec -> spec.auth().oauth2(TestTokens.service(SERVICE)))
                .then().statusCode(200)
                .body("refundFromAccountId", nullValue());
        assertEquals(0, wireMock.getAllServeEvents().size());
    }

    @Test
    void shouldLeaveHealthMetricsAndOpenApiOpen() {
        given().auth().none().when().get("/q/health/ready").then().statusCode(200);
        given().auth().none().when().get("/q/metrics").then().statusCode(200);
        given().auth().none().accept("application/json").when().get("/q/openapi").then().statusCode(200);
    }

    @Test
    void shouldCallTheThreeServicesWithItsOwnBearerToken() {
        String paymentId = freshPaymentId();
        stubServicesAccept();
        wireMock.stubFor(post(urlPathEqualTo(DOCUMENTS)).willReturn(aResponse().withStatus(201)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"documentId\": \"130\", \"docNumber\": \"1001\", \"type\": \"PAID_INVOICE\","
                        + " \"totalAmount\": 1500.00, \"customerId\": \"58\", \"paymentId\": \"131\","
                        + " \"replayed\": false}")));

        bridge(paidInvoice(paymentId, "ap-auth-out")).then().statusCode(200).body("outcome", is("CREATED"));

        assertCarriesServiceToken(postRequestedFor(urlPathEqualTo(RESOLVE_CUSTOMER)), "contact-sync-service");
        assertCarriesServiceToken(postRequestedFor(urlPathEqualTo(RESOLVE_LINES)), "product-catalog-service");
        assertCarriesServiceToken(postRequestedFor(urlPathEqualTo(DOCUMENTS)), "document-service");
    }

    @Test
    void shouldAskTheGatewayForAQboTokenWithItsOwnBearerToken() {
        wireMock.stubFor(get(urlPathEqualTo("/internal/v1/quickbooks/" + REALM + "/access-token"))
                .willReturn(okJson("{\"accessToken\": \"sandbox-qbo-" + REALM + "\", \"expiresAt\": \""
                        + OffsetDateTime.now().plusHours(1) + "\"}")));
        wireMock.stubFor(get(urlPathEqualTo("/v3/company/" + REALM + "/query"))
                .withQueryParam("query", containing("FROM Account"))
                .willReturn(okJson("{\"QueryResponse\": {\"Account\": [{\"Id\": \"79\", \"Name\": \"Sales\","
                        + " \"AccountType\": \"Income\", \"Active\": true}], \"startPosition\": 1,"
                        + " \"maxResults\": 1}}")));

        // Saving settings checks the account in QBO, which needs the company's token from the gateway.
        given().contentType(ContentType.JSON).body("{\"depositAccountId\": \"79\"}")
                .when().put(SETTINGS_PATH)
                .then().statusCode(422)
                .body("code", is("ACCOUNT_TYPE_NOT_ALLOWED"));

        assertCarriesServiceToken(getRequestedFor(urlPathEqualTo("/internal/v1/quickbooks/" + REALM
                + "/access-token")), "gateway");
        // QBO itself gets the company's QBO token, never the service token.
        wireMock.verify(getRequestedFor(urlPathEqualTo("/v3/company/" + REALM + "/query"))
                .withHeader("Authorization", equalTo("Bearer sandbox-qbo-" + REALM)));
    }

    @Test
    void shouldAnswerATokenRefusedDownstreamAsTransientAndBridgeOnTheRetry() {
        String paymentId = freshPaymentId();
        stubServicesAccept();
        wireMock.stubFor(post(urlPathEqualTo(DOCUMENTS)).willReturn(aResponse().withStatus(403)));

        // A configuration fault between two services is no reason to fail the payment for good.
        bridge(paidInvoice(paymentId, "ap-auth-403"))
                .then().statusCode(503)
                .header("Retry-After", notNullValue())
                .body("code", is("INTERNAL_AUTH_REFUSED"))
                .body("message", containsString("document"));

        wireMock.stubFor(post(urlPathEqualTo(DOCUMENTS)).willReturn(aResponse().withStatus(201)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"documentId\": \"130\", \"docNumber\": \"1001\", \"type\": \"PAID_INVOICE\","
                        + " \"totalAmount\": 1500.00, \"customerId\": \"58\", \"paymentId\": \"131\","
                        + " \"replayed\": false}")));
        bridge(paidInvoice(paymentId, "ap-auth-403")).then().statusCode(200).body("outcome", is("CREATED"));
    }

    private void assertCarriesServiceToken(RequestPatternBuilder request, String audience) {
        RequestPatternBuilder withToken = request.withHeader("Authorization", matching("Bearer " + JWT));
        wireMock.verify(1, withToken);
        String authorization = wireMock.findAll(withToken).get(0).getHeader("Authorization");
        String claims = new String(Base64.getUrlDecoder().decode(authorization.split("\\.")[1]),
                StandardCharsets.UTF_8);
        assertTrue(claims.contains("\"" + audience + "\""), claims);
        assertTrue(claims.contains("\"iss\":\"" + TestTokens.ISSUER + "\""), claims);
    }

    private void stubServicesAccept() {
        wireMock.stubFor(post(urlPathEqualTo(RESOLVE_CUSTOMER)).willReturn(okJson(
                "{\"contactId\": \"101\", \"customerId\": \"58\", \"displayName\": \"Ada Lovelace\","
                        + " \"resolution\": \"LINKED\"}")));
        wireMock.stubFor(post(urlPathEqualTo(RESOLVE_LINES)).willReturn(okJson(
                "{\"lines\": [{\"lineItemId\": \"463\", \"itemId\": \"2\", \"itemName\": \"Annual Subscription\","
                        + " \"matchedBy\": \"SKU\", \"quantity\": 1, \"unitPrice\": 1500.00, \"amount\": 1500.00}]}")));
    }

    private void refusedAsUnauthenticated(String method, String path, String token) {
        call(method, path, spec -> spec.auth().oauth2(token))
                .then().statusCode(401)
                .header("WWW-Authenticate", startsWith("Bearer"));
        assertEquals(0, wireMock.getAllServeEvents().size());
    }

    private Response call(String method, String path, UnaryOperator<RequestSpecification> auth) {
        RequestSpecification spec = auth.apply(given());
        return "POST".equals(method)
                ? spec.contentType(ContentType.JSON).body(fullRefund(freshPaymentId())).when().post(path)
                : spec.when().get(path);
    }

    private static Response bridge(String body) {
        return given().contentType(ContentType.JSON).body(body).when().post(ACTIONS_PATH);
    }

    private static String freshPaymentId() {
        return String.valueOf(Math.abs(UUID.randomUUID().getMostSignificantBits() % 1_000_000_000L));
    }

    private static String fullRefund(String paymentId) {
        return action("REFUND_RECEIPT", paymentId, "ap-auth-matrix", "1500.00");
    }

    private static String paidInvoice(String paymentId, String callbackId) {
        return action("PAID_INVOICE", paymentId, callbackId, "null");
    }

    private static String action(String action, String paymentId, String callbackId, String refundsAmount) {
        return """
                {"callbackId": "%s", "portalId": 40213377, "realmId": "%s", "action": "%s",
                 "payment": {"id": "%s", "sourceApp": "SALES_CHECKOUT", "hasAssociatedInvoice": false,
                             "status": "succeeded", "amount": 1500.00, "feesAmount": 43.80, "refundsAmount": %s,
                             "netAmount": 1456.20, "currency": "USD", "date": "2026-01-10",
                             "lines": [{"lineItemId": "463", "taxable": false}]},
                 "customer": {"realmId": "%s", "portalId": 40213377, "contactChoice": "first",
                              "contacts": [{"id": "101", "firstName": "Ada", "lastName": "Lovelace",
                                            "email": "ada@example.com"}]},
                 "lineItems": {"realmId": "%s", "portalId": 40213377, "createMissing": false,
                               "lineItems": [{"id": "463", "name": "Annual Subscription", "sku": "SUB-ANNUAL",
                                              "productId": "202", "quantity": 1, "price": 1500.00}]},
                 "inputs": null}
                """.formatted(callbackId, REALM, action, paymentId, refundsAmount, REALM, REALM);
    }
}
