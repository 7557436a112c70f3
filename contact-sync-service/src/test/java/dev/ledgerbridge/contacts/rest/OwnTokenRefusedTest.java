package dev.ledgerbridge.contacts.rest;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static dev.ledgerbridge.contacts.QboStubs.REALM;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.ledgerbridge.auth.testing.TestTokens;
import dev.ledgerbridge.contacts.InjectWireMock;
import dev.ledgerbridge.contacts.QboStubs;
import dev.ledgerbridge.contacts.client.GatewayAccessTokenProvider;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The OIDC provider refuses this service's own client credentials (a rotated or wrong {@code OIDC_CLIENT_SECRET}):
 * a resolution answers the transient 503 {@code QBO_TOKEN_UNAVAILABLE}, the gateway is never called without a
 * bearer token, and neither the answer nor a log line carries the client secret.
 */
@QuarkusTest
@TestProfile(OwnTokenRefusedTest.RefusingProvider.class)
class OwnTokenRefusedTest {

    private static final String TOKEN_PATH = "/oidc-refusing/protocol/openid-connect/token";
    // application.properties' local default, which this test profile keeps.
    private static final String SECRET = "contact-sync-local-secret";
    private static final String BASIC = Base64.getEncoder()
            .encodeToString(("contact-sync-service:" + SECRET).getBytes(StandardCharsets.UTF_8));

    /** Points the service's token requests at a WireMock path that answers as a provider refusing the client. */
    public static class RefusingProvider implements QuarkusTestProfile {

        @Override
        public Map<String, String> getConfigOverrides() {
            // An absolute token path wins over the auth server URL, which the global test resource sets.
            return Map.of("quarkus.oidc-client.token-path", "${quarkus.rest-client.gateway.url}" + TOKEN_PATH);
        }
    }

    @InjectWireMock
    WireMockServer wireMock;

    @Inject
    GatewayAccessTokenProvider qboTokens;

    private final List<LogRecord> logged = Collections.synchronizedList(new ArrayList<>());
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            logged.add(record);
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    @BeforeEach
    void refuseTheClient() {
        QboStubs.reset(wireMock);
        qboTokens.invalidate(REALM);
        wireMock.stubFor(post(urlPathEqualTo(TOKEN_PATH)).willReturn(aResponse().withStatus(401)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"error\":\"invalid_client\",\"error_description\":\"Invalid client credentials\"}")));
        Logger.getLogger("").addHandler(capture);
    }

    @AfterEach
    void stopCapturing() {
        Logger.getLogger("").removeHandler(capture);
    }

    @Test
    void shouldAnswer503WithoutCallingTheGatewayOrShowingTheSecret() {
        String answer = given().auth().oauth2(TestTokens.service("contact-sync-service"))
                .contentType(ContentType.JSON).body("""
                        {"realmId": "%s", "portalId": 40213377, "contactChoice": null,
                         "contacts": [{"id": "101", "firstName": "Ada", "lastName": "Lovelace",
                                       "email": "ada@example.com"}]}""".formatted(REALM))
                .when().post("/v1/customers/resolve")
                .then().statusCode(503)
                .body("code", equalTo("QBO_TOKEN_UNAVAILABLE"))
                .extract().asString();

        // The service did ask the provider, with its client credentials, and went no further.
        wireMock.verify(postRequestedFor(urlPathEqualTo(TOKEN_PATH))
                .withHeader("Authorization", matching("Basic .+")));
        wireMock.verify(0, anyRequestedFor(urlPathMatching("/internal/.*")));
        wireMock.verify(0, anyRequestedFor(urlPathMatching("/v3/.*")));
        assertFalse(answer.contains(SECRET) || answer.contains(BASIC), answer);
        List<String> lines;
        synchronized (logged) {
            lines = logged.stream().map(OwnTokenRefusedTest::text).toList();
        }
        // The capture works: the failed token request was logged (a WARN naming the realm).
        assertTrue(lines.stream().anyMatch(line -> line.contains(REALM)), String.join("\n", lines));
        for (String line : lines) {
            assertFalse(line.contains(SECRET) || line.contains(BASIC), "secret in a log line: " + line);
        }
    }

    /** A record's message, parameters and every cause's message. */
    private static String text(LogRecord record) {
        StringBuilder text = new StringBuilder(String.valueOf(record.getMessage()));
        if (record.getParameters() != null) {
            text.append(' ').append(Arrays.toString(record.getParameters()));
        }
        for (Throwable cause = record.getThrown(); cause != null; cause = cause.getCause()) {
            text.append(' ').append(cause);
        }
        return text.toString();
    }
}
