package dev.ledgerbridge.sandbox.oidc;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.RSAPublicKeySpec;
import java.time.Instant;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/**
 * The sandbox as OIDC provider of the internal service tokens: discovery, JWKS, the client-credentials grant, and
 * every refusal. Signatures are checked here with the JDK against the published JWKS, not with the provider's code.
 */
@QuarkusTest
class OidcResourceTest {

    private static final String REALM = "/realms/ledgerbridge";
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void shouldPublishADiscoveryDocumentWhoseEndpointsWork() {
        Response discovery = given().get(REALM + "/.well-known/openid-configuration");
        discovery.then().statusCode(200)
                .body("grant_types_supported", hasItem("client_credentials"))
                .body("id_token_signing_alg_values_supported", hasItem("RS256"));
        String issuer = discovery.path("issuer");
        assertTrue(issuer.endsWith(REALM), issuer);
        assertEquals(issuer + "/protocol/openid-connect/token", discovery.path("token_endpoint"));
        given().get(discovery.<String>path("jwks_uri")).then().statusCode(200)
                .body("keys[0].kty", equalTo("RSA")).body("keys[0].alg", equalTo("RS256"));
    }

    @Test
    void shouldIssueASignedTokenForTheClientCredentialsGrantWithTheAskedAudience() throws Exception {
        Response answer = given().auth().preemptive().basic("gateway", "gateway-local-secret")
                .formParam("grant_type", "client_credentials").formParam("audience", "document-service")
                .post(REALM + "/protocol/openid-connect/token");
        answer.then().statusCode(200).body("token_type", equalTo("Bearer")).body("expires_in", equalTo(300))
                .header("Cache-Control", "no-store");

        String token = answer.path("access_token");
        assertTrue(verifies(token), "the signature must verify with the published key");
        JsonNode claims = claims(token);
        assertEquals("document-service", claims.path("aud").asText());
        assertEquals("gateway", claims.path("azp").asText());
        assertEquals(given().get(REALM + "/.well-known/openid-configuration").path("issuer"),
                claims.path("iss").asText());
        long now = Instant.now().getEpochSecond();
        assertTrue(claims.path("exp").asLong() > now && claims.path("exp").asLong() <= now + 301, claims.toString());
        assertEquals(0, claims.path("groups").size(), "the gateway's service account has no role");

        // A tampered payload no longer verifies: the check above is not vacuous.
        String[] parts = token.split("\\.");
        String forged = parts[0] + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(
                claims.toString().replace("document-service", "gateway").getBytes(StandardCharsets.UTF_8))
                + "." + parts[2];
        assertFalse(verifies(forged));
    }

    @Test
    void shouldGiveEveryAllowedAudienceWithoutOneAskedAndTheAdminRoleToTheAdminClient() throws Exception {
        String all = given().formParam("grant_type", "client_credentials").formParam("client_id", "gateway")
                .formParam("client_secret", "gateway-local-secret")
                .post(REALM + "/protocol/openid-connect/token").then().statusCode(200).extract().path("access_token");
        assertEquals(4, claims(all).path("aud").size());

        String admin = given().auth().preemptive().basic("ledgerbridge-admin", "admin-local-secret")
                .formParam("grant_type", "client_credentials")
                .post(REALM + "/protocol/openid-connect/token").then().statusCode(200).extract().path("access_token");
        assertEquals("admin", claims(admin).path("realm_access").path("roles").path(0).asText());
        assertEquals("admin", claims(admin).path("groups").path(0).asText());
    }

    @Test
    void shouldRefuseWrongCredentialsGrantsAudiencesAndRealms() {
        given().auth().preemptive().basic("gateway", "wrong").formParam("grant_type", "client_credentials")
                .post(REALM + "/protocol/openid-connect/token")
                .then().statusCode(401).body("error", equalTo("invalid_client"));
        given().auth().preemptive().basic("nobody", "x").formParam("grant_type", "client_credentials")
                .post(REALM + "/protocol/openid-connect/token")
                .then().statusCode(401).body("error", equalTo("invalid_client"));
        given().formParam("grant_type", "client_credentials")
                .post(REALM + "/protocol/openid-connect/token")
                .then().statusCode(401).body("error", equalTo("invalid_client"));
        given().auth().preemptive().basic("gateway", "gateway-local-secret").formParam("grant_type", "password")
                .post(REALM + "/protocol/openid-connect/token")
                .then().statusCode(400).body("error", equalTo("unsupported_grant_type"));
        given().auth().preemptive().basic("gateway", "gateway-local-secret").formParam("scope", "openid")
                .post(REALM + "/protocol/openid-connect/token")
                .then().statusCode(400).body("error", equalTo("invalid_request"));
        given().auth().preemptive().basic("document-service", "document-local-secret")
                .formParam("grant_type", "client_credentials").formParam("audience", "contact-sync-service")
                .post(REALM + "/protocol/openid-connect/token")
                .then().statusCode(400).body("error", equalTo("invalid_target"));
        given().get("/realms/other/.well-known/openid-configuration").then().statusCode(404)
                .body("error", equalTo("Realm does not exist"));
    }

    @Test
    void shouldHandOutAnExpiredButProperlySignedTokenForTheAuthenticationTests() throws Exception {
        String token = given().formParam("client_id", "ledgerbridge-admin")
                .post("/_sandbox/oidc/expired-token").then().statusCode(200).extract().path("access_token");

        assertTrue(verifies(token), "signed with the realm key");
        JsonNode claims = claims(token);
        assertTrue(claims.path("exp").asLong() < Instant.now().minusSeconds(300).getEpochSecond(), claims.toString());
        assertEquals("gateway", claims.path("aud").asText());
        assertEquals("admin", claims.path("realm_access").path("roles").path(0).asText());
        given().formParam("client_id", "nobody").post("/_sandbox/oidc/expired-token").then().statusCode(404);
    }

    private static JsonNode claims(String token) throws Exception {
        return JSON.readTree(Base64.getUrlDecoder().decode(token.split("\\.")[1]));
    }

    /** RS256 check with the JDK against the JWKS the provider publishes. */
    private static boolean verifies(String token) throws Exception {
        JsonNode key = JSON.readTree(given().get(REALM + "/protocol/openid-connect/certs").asString()).path("keys")
                .path(0);
        PublicKey publicKey = KeyFactory.getInstance("RSA").generatePublic(new RSAPublicKeySpec(
                new BigInteger(1, Base64.getUrlDecoder().decode(key.path("n").asText())),
                new BigInteger(1, Base64.getUrlDecoder().decode(key.path("e").asText()))));
        String[] parts = token.split("\\.");
        JsonNode header = JSON.readTree(Base64.getUrlDecoder().decode(parts[0]));
        assertEquals(key.path("kid").asText(), header.path("kid").asText());
        Signature signature = Signature.getInstance("SHA256withRSA");
        signature.initVerify(publicKey);
        signature.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
        return signature.verify(Base64.getUrlDecoder().decode(parts[2]));
    }
}
