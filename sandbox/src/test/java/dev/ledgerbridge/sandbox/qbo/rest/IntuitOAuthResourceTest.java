package dev.ledgerbridge.sandbox.qbo.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class IntuitOAuthResourceTest extends QboTestSupport {

    private static final String REDIRECT = "http://localhost:8080/qbo/callback";

    private static RequestSpecification client() {
        return given().auth().preemptive().basic("ledgerbridge-local", "ledgerbridge-local-secret")
                .contentType("application/x-www-form-urlencoded").accept("application/json");
    }

    private static Map<String, String> authorize(String... extra) {
        RequestSpecification request = given().redirects().follow(false)
                .queryParam("client_id", "ledgerbridge-local")
                .queryParam("response_type", "code")
                .queryParam("scope", "com.intuit.quickbooks.accounting openid")
                .queryParam("redirect_uri", REDIRECT)
                .queryParam("state", "st{1}");
        for (int i = 0; i < extra.length; i += 2) {
            request.queryParam(extra[i], extra[i + 1]);
        }
        String location = request.get("/connect/oauth2").then()
                .statusCode(302)
                .header("Location", startsWith(REDIRECT + "?"))
                .extract().header("Location");
        Map<String, String> parameters = new HashMap<>();
        for (String pair : URI.create(location).getRawQuery().split("&")) {
            String[] kv = pair.split("=", 2);
            parameters.put(kv[0], URLDecoder.decode(kv[1], StandardCharsets.UTF_8));
        }
        return parameters;
    }

    private static ExtractableResponse<Response> exchange(String code) {
        return client().formParam("grant_type", "authorization_code").formParam("code", code)
                .formParam("redirect_uri", REDIRECT)
                .post("/oauth2/v1/tokens/bearer").then().extract();
    }

    private static ExtractableResponse<Response> refresh(String refreshToken) {
        return client().formParam("grant_type", "refresh_token").formParam("refresh_token", refreshToken)
                .post("/oauth2/v1/tokens/bearer").then().extract();
    }

    @Test
    void shouldRedirectWithCodeStateAndDefaultRealm() {
        Map<String, String> redirect = authorize();

        assertEquals("st{1}", redirect.get("state"));
        assertEquals(US, redirect.get("realmId"));
        assertNotEquals(null, redirect.get("code"));
    }

    @Test
    void shouldLetTheUserPickAnotherRealm() {
        assertEquals(CA, authorize("realmId", CA).get("realmId"));

        tokens.setAuthorizeRealm(CA);
        assertEquals(CA, authorize().get("realmId"));
    }

    @Test
    void shouldExchangeCodeOnceForWorkingTokens() {
        String code = authorize().get("code");

        ExtractableResponse<Response> tokensResponse = exchange(code);
        assertEquals(200, tokensResponse.statusCode());
        assertEquals("bearer", tokensResponse.path("token_type"));
        assertEquals(3600, (int) tokensResponse.path("expires_in"));
        assertEquals(8726400, (int) tokensResponse.path("x_refresh_token_expires_in"));
        String accessToken = tokensResponse.path("access_token");

        given().auth().oauth2(accessToken).get(path(US, "companyinfo/" + US)).then().statusCode(200);
        ExtractableResponse<Response> again = exchange(code);
        assertEquals(400, again.statusCode());
        assertEquals("invalid_grant", again.path("error"));
    }

    @Test
    void shouldRotateRefreshTokenAndRejectTheSupersededOne() {
        ExtractableResponse<Response> first = refresh("seed-refresh-" + US);
        assertEquals(200, first.statusCode());
        String rotated = first.path("refresh_token");
        assertNotEquals("seed-refresh-" + US, rotated);

        ExtractableResponse<Response> superseded = refresh("seed-refresh-" + US);
        assertEquals(400, superseded.statusCode());
        assertEquals("invalid_grant", superseded.path("error"));

        ExtractableResponse<Response> second = refresh(rotated);
        assertEquals(200, second.statusCode());
        assertNotEquals(rotated, second.path("refresh_token"));
        given().auth().oauth2((String) second.path("access_token"))
                .get(path(US, "preferences")).then().statusCode(200);
    }

    @Test
    void shouldExpireAccessTokensAfterAnHour() {
        String accessToken = refresh("seed-refresh-" + US).path("access_token");
        clock.advance(Duration.ofSeconds(3601));

        given().auth().oauth2(accessToken).get(path(US, "preferences")).then()
                .statusCode(401)
                .header("WWW-Authenticate", equalTo("Bearer realm=\"Intuit\", error=\"invalid_token\""))
                .body("fault.error[0].code", equalTo("3200"))
                .body("fault.type", equalTo("AUTHENTICATION"));
    }

    @Test
    void shouldRevokeTheWholeGrant() {
        ExtractableResponse<Response> issued = refresh("seed-refresh-" + CA);

        given().auth().preemptive().basic("ledgerbridge-local", "ledgerbridge-local-secret")
                .contentType("application/json").body("{\"token\":\"" + issued.path("refresh_token") + "\"}")
                .post("/v2/oauth2/tokens/revoke").then()
                .statusCode(200)
                .header("intuit_tid", notNullValue());

        assertEquals("invalid_grant", refresh(issued.path("refresh_token")).path("error"));
        given().auth().oauth2((String) issued.path("access_token")).get(path(CA, "preferences")).then()
                .statusCode(401);
    }

    @Test
    void shouldRefuseWrongClientCredentials() {
        given().auth().preemptive().basic("ledgerbridge-local", "wrong")
                .contentType("application/x-www-form-urlencoded")
                .formParam("grant_type", "refresh_token").formParam("refresh_token", "seed-refresh-" + US)
                .post("/oauth2/v1/tokens/bearer").then()
                .statusCode(401)
                .body("error", equalTo("invalid_client"));
        assertEquals(200, refresh("seed-refresh-" + US).statusCode(),
                "a refused client must not consume the refresh token");
    }

    @Test
    void shouldRefuseUnknownGrantTypeAndRedirectMismatch() {
        client().formParam("grant_type", "password").post("/oauth2/v1/tokens/bearer").then()
                .statusCode(400).body("error", equalTo("unsupported_grant_type"));
        String code = authorize().get("code");
        client().formParam("grant_type", "authorization_code").formParam("code", code)
                .formParam("redirect_uri", "http://evil.example/cb")
                .post("/oauth2/v1/tokens/bearer").then()
                .statusCode(400).body("error", equalTo("invalid_grant"));
    }

    @Test
    void shouldRedirectScopeErrorsBackToTheClient() {
        given().redirects().follow(false)
                .queryParam("client_id", "ledgerbridge-local").queryParam("response_type", "code")
                .queryParam("scope", "openid").queryParam("redirect_uri", REDIRECT).queryParam("state", "s")
                .get("/connect/oauth2").then()
                .statusCode(302)
                .header("Location", equalTo(REDIRECT + "?error=invalid_scope&state=s"));
        given().redirects().follow(false)
                .queryParam("client_id", "someone-else").queryParam("response_type", "code")
                .queryParam("scope", "com.intuit.quickbooks.accounting").queryParam("redirect_uri", REDIRECT)
                .get("/connect/oauth2").then()
                .statusCode(400)
                .body("error", equalTo("invalid_client"))
                .header("Location", nullValue());
    }
}
