package dev.ledgerbridge.gateway.rest;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.ledgerbridge.auth.testing.TestTokens;
import dev.ledgerbridge.gateway.support.DownstreamWireMock;
import dev.ledgerbridge.gateway.support.InjectWireMock;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Issue 8, internal authentication at the gateway: the internal API needs a token for audience "gateway", the admin API
 * one that also carries the admin role; only /hubspot/** (HubSpot's signature) and /q/** answer without one. And the
 * gateway's own calls to the services carry its client-credentials token.
 */
@QuarkusTest
@WithTestResource(DownstreamWireMock.class)
class GatewayAuthTest {

    private static final String REALM = "9130350000000001";
    private static final String INTERNAL = "/internal/v1/hubspot/40213377/access-token";
    private static final String ADMIN = "/admin/v1/connections/quickbooks";

    @InjectWireMock
    WireMockServer wireMock;

    @Test
    void shouldRefuseTheInternalApiWithoutAValidTokenForTheGateway() {
        assertMatrix(INTERNAL);
    }

    @Test
    void shouldRefuseTheAdminApiWithoutAValidTokenForTheGateway() {
        assertMatrix(ADMIN);
        assertMatrix("/admin/v1/executions/some-callback-id");
    }

    @Test
    void shouldAnswerTheInternalApiForAServiceTokenForTheGateway() {
        given().auth().oauth2(TestTokens.service("gateway")).when().get(INTERNAL)
                .then().statusCode(200);
        // A token naming several audiences (what the provider issues without an audience parameter) is fine too.
        given().auth().oauth2(TestTokens.service("document-service", "gateway")).when().get(INTERNAL)
                .then().statusCode(200);
    }

    @Test
    void shouldRequireTheAdminRoleOnTheAdminApi() {
        given().auth().oauth2(TestTokens.service("gateway")).when().get(ADMIN)
                .then().statusCode(403);
        given().auth().oauth2(TestTokens.admin("gateway")).when().get(ADMIN)
                .then().statusCode(200);
        // An admin token for another service is still a token for another audience.
        given().auth().oauth2(TestTokens.admin("document-service")).when().get(ADMIN)
                .then().statusCode(403);
    }

    @Test
    void shouldLeaveHealthAndTheHubSpotEndpointsToTheirOwnChecks() {
        given().auth().none().when().get("/q/health/ready").then().statusCode(200);
        // No bearer token needed: HubSpot's signature is the check here, and an unsigned request fails that one.
        given().auth().none().contentType("application/json").body("{}")
                .when().post("/hubspot/actions/create-invoice")
                .then().statusCode(401)
                .body("code", equalTo("INVALID_SIGNATURE"));
    }

    @Test
    void shouldSendItsOwnTokenToTheServices() {
        String path = "/v1/companies/" + REALM + "/document-settings";
        wireMock.stubFor(get(urlPathEqualTo(path)).willReturn(okJson("""
                {"realmId":"9130350000000001","depositAccountId":null,"paymentMethodId":null,"docNumberPattern":null}""")));

        given().when().get("/admin/v1/companies/" + REALM + "/document-settings").then().statusCode(200);

        wireMock.verify(getRequestedFor(urlPathEqualTo(path))
                .withHeader("Authorization", matching("Bearer [\\w-]+\\.[\\w-]+\\.[\\w-]+")));
        List<LoggedRequest> calls = wireMock.findAll(getRequestedFor(urlPathEqualTo(path)));
        String token = calls.get(calls.size() - 1).getHeader("Authorization").substring("Bearer ".length());
        // Its own client-credentials token (the test token endpoint's), not the operator's admin token passed through.
        String payload = new String(java.util.Base64.getUrlDecoder().decode(token.split("\\.")[1]),
                java.nio.charset.StandardCharsets.UTF_8);
        assertTrue(payload.contains("\"document-service\""), payload);
        assertFalse(payload.contains("ledgerbridge-admin"), "not the operator's token: " + payload);
        assertFalse(payload.contains("\"admin\""), "no admin role in a service token: " + payload);
    }

    private static void assertMatrix(String path) {
        given().auth().none().when().get(path)
                .then().statusCode(401)
                .header("WWW-Authenticate", startsWith("Bearer"));
        for (String token : List.of(TestTokens.expired("gateway"), TestTokens.wronglySigned("gateway"),
                TestTokens.otherIssuer("gateway"), "abc", "a.b.c")) {
            int status = given().auth().oauth2(token).when().get(path).then().extract().statusCode();
            assertEquals(401, status, path + " with a bad token");
        }
        given().auth().oauth2(TestTokens.admin("document-service")).when().get(path)
                .then().statusCode(403);
    }
}
