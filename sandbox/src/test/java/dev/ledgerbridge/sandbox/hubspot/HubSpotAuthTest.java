package dev.ledgerbridge.sandbox.hubspot;

import dev.ledgerbridge.sandbox.admin.SandboxTestProfile;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
@TestProfile(SandboxTestProfile.class)
class HubSpotAuthTest {

    @BeforeEach
    void reset() {
        given().post("/_sandbox/reset").then().statusCode(200);
    }

    @Test
    void shouldRefuseCrmCallWithoutBearer() {
        given().when().get("/crm/v3/objects/deals/301")
                .then().statusCode(401)
                .body("category", equalTo("INVALID_AUTHENTICATION"))
                .body("correlationId", notNullValue());
        given().auth().oauth2("sandbox-hubspot-99999").when().get("/crm/v3/objects/deals/301")
                .then().statusCode(401);
        given().auth().oauth2("sandbox-hubspot-40213377").when().get("/crm/v3/objects/deals/301")
                .then().statusCode(200);
    }

    @Test
    void shouldRunAuthorizationCodeFlowAndRefresh() {
        String location = given().redirects().follow(false)
                .queryParam("client_id", "ledgerbridge-local")
                .queryParam("redirect_uri", "http://localhost:8080/oauth/hubspot/callback")
                .queryParam("scope", "automation crm.objects.deals.read")
                .queryParam("state", "st-1")
                .when().get("/oauth/authorize")
                .then().statusCode(302)
                .header("Location", startsWith("http://localhost:8080/oauth/hubspot/callback?code="))
                .extract().header("Location");
        String query = URI.create(location).getQuery();
        assertTrue(query.endsWith("state=st-1"), query);
        String code = query.substring("code=".length(), query.indexOf('&'));

        Map<String, Object> tokens = given().contentType(ContentType.URLENC)
                .formParam("grant_type", "authorization_code")
                .formParam("client_id", "ledgerbridge-local")
                .formParam("client_secret", "ledgerbridge-local-secret")
                .formParam("redirect_uri", "http://localhost:8080/oauth/hubspot/callback")
                .formParam("code", code)
                .when().post("/oauth/v1/token")
                .then().statusCode(200)
                .body("token_type", equalTo("bearer"))
                .body("expires_in", equalTo(1800))
                .body("hub_id", equalTo(40213377))
                .extract().as(Map.class);
        String access = (String) tokens.get("access_token");
        String refresh = (String) tokens.get("refresh_token");
        given().auth().oauth2(access).when().get("/crm/v3/objects/contacts/101").then().statusCode(200);

        // A code is single-use.
        given().contentType(ContentType.URLENC).formParam("grant_type", "authorization_code")
                .formParam("client_id", "ledgerbridge-local").formParam("client_secret", "ledgerbridge-local-secret")
                .formParam("redirect_uri", "http://localhost:8080/oauth/hubspot/callback").formParam("code", code)
                .when().post("/oauth/v1/token").then().statusCode(400).body("status", equalTo("BAD_AUTH_CODE"));

        given().post("/_sandbox/hubspot/tokens/" + access + "/expire").then().statusCode(204);
        given().auth().oauth2(access).when().get("/crm/v3/objects/contacts/101")
                .then().statusCode(401).body("category", equalTo("EXPIRED_AUTHENTICATION"));

        String fresh = given().contentType(ContentType.URLENC)
                .formParam("grant_type", "refresh_token")
                .formParam("client_id", "ledgerbridge-local")
                .formParam("client_secret", "ledgerbridge-local-secret")
                .formParam("refresh_token", refresh)
                .when().post("/oauth/v1/token")
                .then().statusCode(200)
                .body("refresh_token", equalTo(refresh))
                .extract().path("access_token");
        given().auth().oauth2(fresh).when().get("/crm/v3/objects/contacts/101").then().statusCode(200);
        given().when().get("/oauth/v1/access-tokens/" + fresh)
                .then().statusCode(200).body("hub_id", equalTo(40213377)).body("app_id", equalTo(1));
    }

    @Test
    void shouldExchangeSeededRefreshTokenAndRefuseBadCredentials() {
        given().contentType(ContentType.URLENC).formParam("grant_type", "refresh_token")
                .formParam("client_id", "ledgerbridge-local").formParam("client_secret", "ledgerbridge-local-secret")
                .formParam("refresh_token", "seed-refresh-40213377")
                .when().post("/oauth/v1/token").then().statusCode(200).body("access_token", notNullValue());
        given().contentType(ContentType.URLENC).formParam("grant_type", "refresh_token")
                .formParam("client_id", "ledgerbridge-local").formParam("client_secret", "wrong")
                .formParam("refresh_token", "seed-refresh-40213377")
                .when().post("/oauth/v1/token").then().statusCode(400).body("status", equalTo("BAD_CLIENT_ID"));
        given().contentType(ContentType.URLENC).formParam("grant_type", "refresh_token")
                .formParam("client_id", "ledgerbridge-local").formParam("client_secret", "ledgerbridge-local-secret")
                .formParam("refresh_token", "nope")
                .when().post("/oauth/v1/token").then().statusCode(400).body("status", equalTo("BAD_REFRESH_TOKEN"));
    }

    @Test
    void shouldAnswer429WithRateLimitHeadersOverThePortalLimit() {
        given().contentType(ContentType.JSON).body(Map.of("requests", 3, "windowMillis", 60_000))
                .when().put("/_sandbox/hubspot/rate-limit").then().statusCode(200);
        for (int i = 0; i < 3; i++) {
            given().auth().oauth2("sandbox-hubspot-40213377").when().get("/crm/v3/objects/contacts/101")
                    .then().statusCode(200)
                    .header("X-HubSpot-RateLimit-Max", "3")
                    .header("X-HubSpot-RateLimit-Remaining", Integer.toString(2 - i));
        }
        given().auth().oauth2("sandbox-hubspot-40213377").when().get("/crm/v3/objects/contacts/101")
                .then().statusCode(429)
                .header("X-HubSpot-RateLimit-Remaining", "0")
                .header("X-HubSpot-RateLimit-Interval-Milliseconds", "60000")
                .body("category", equalTo("RATE_LIMITS"));
        // reset() puts the configured limit back.
        given().post("/_sandbox/reset").then().statusCode(200);
        int status = given().auth().oauth2("sandbox-hubspot-40213377").when().get("/crm/v3/objects/contacts/101").statusCode();
        assertEquals(200, status);
    }

    @Test
    void shouldDeleteARefreshTokenSoItCanNoLongerRefresh() {
        String code = given().redirects().follow(false)
                .queryParam("client_id", "ledgerbridge-local")
                .queryParam("redirect_uri", "http://localhost:8080/oauth/v1/hubspot/callback")
                .queryParam("scope", "oauth").queryParam("state", "s1")
                .when().get("/oauth/authorize").then().statusCode(302)
                .extract().header("Location").replaceAll(".*[?&]code=([^&]+).*", "$1");
        String refresh = given().contentType(ContentType.URLENC).formParam("grant_type", "authorization_code")
                .formParam("client_id", "ledgerbridge-local").formParam("client_secret", "ledgerbridge-local-secret")
                .formParam("redirect_uri", "http://localhost:8080/oauth/v1/hubspot/callback").formParam("code", code)
                .when().post("/oauth/v1/token").then().statusCode(200).extract().path("refresh_token");

        given().when().delete("/oauth/v1/refresh-tokens/" + refresh).then().statusCode(204);

        given().when().get("/oauth/v1/refresh-tokens/" + refresh).then().statusCode(404);
        given().contentType(ContentType.URLENC).formParam("grant_type", "refresh_token")
                .formParam("client_id", "ledgerbridge-local").formParam("client_secret", "ledgerbridge-local-secret")
                .formParam("refresh_token", refresh)
                .when().post("/oauth/v1/token").then().statusCode(400).body("status", equalTo("BAD_REFRESH_TOKEN"));
        given().when().delete("/oauth/v1/refresh-tokens/" + refresh).then().statusCode(404)
                .body("status", equalTo("NOT_FOUND"));
    }
}
