package dev.ledgerbridge.hubspot;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class OAuthClientTest extends WireMockHubSpotTest {

    private static final String TOKENS = """
            {"token_type": "bearer", "refresh_token": "rt-6f1c2d", "access_token": "at-CJSP5qf1KhICAQEYs-gDIIGOBii",
             "expires_in": 1800, "hub_id": 40213377, "scopes": ["automation", "oauth"], "token_use": "access_token",
             "user_id": 7}""";

    private HubSpotOAuthClient oauth;

    @BeforeEach
    void createOAuthClient() {
        oauth = new HubSpotOAuthClient(vertx, config(),
                new OAuthAppCredentials("ledgerbridge-local", "ledgerbridge-local-secret"));
    }

    @AfterEach
    void closeOAuthClient() {
        oauth.close();
    }

    @Test
    void shouldExchangeAuthorizationCodeWithFormBody() {
        wm.stubFor(post(urlEqualTo("/oauth/v1/token")).willReturn(okJson(TOKENS)));

        OAuthTokens tokens = oauth.exchangeAuthorizationCode("code-42", "https://bridge.example.com/oauth/callback?x=1 2")
                .await().atMost(AWAIT);

        assertEquals("at-CJSP5qf1KhICAQEYs-gDIIGOBii", tokens.accessToken());
        assertEquals("rt-6f1c2d", tokens.refreshToken());
        assertEquals(1800, tokens.expiresIn());
        assertEquals("bearer", tokens.tokenType());
        assertEquals(40213377L, tokens.hubId());
        assertEquals(List.of("automation", "oauth"), tokens.scopes());
        wm.verify(1, postRequestedFor(urlEqualTo("/oauth/v1/token"))
                .withHeader("Content-Type", equalTo("application/x-www-form-urlencoded"))
                .withHeader("Authorization", absent())
                .withRequestBody(equalTo("grant_type=authorization_code&client_id=ledgerbridge-local"
                        + "&client_secret=ledgerbridge-local-secret"
                        + "&redirect_uri=https%3A%2F%2Fbridge.example.com%2Foauth%2Fcallback%3Fx%3D1+2&code=code-42")));
    }

    @Test
    void shouldRefreshWithFormBody() {
        wm.stubFor(post(urlEqualTo("/oauth/v1/token")).willReturn(okJson(TOKENS)));

        OAuthTokens tokens = oauth.refresh("seed-refresh-40213377").await().atMost(AWAIT);

        assertEquals("at-CJSP5qf1KhICAQEYs-gDIIGOBii", tokens.accessToken());
        wm.verify(postRequestedFor(urlEqualTo("/oauth/v1/token")).withRequestBody(equalTo(
                "grant_type=refresh_token&client_id=ledgerbridge-local&client_secret=ledgerbridge-local-secret"
                        + "&refresh_token=seed-refresh-40213377")));
    }

    @Test
    void shouldSurfaceHubSpotOAuthErrorStatusWithoutRetrying() {
        wm.stubFor(post(urlEqualTo("/oauth/v1/token")).willReturn(aResponse().withStatus(400)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"status\": \"BAD_REFRESH_TOKEN\", \"message\": \"missing or unknown refresh token\","
                        + " \"correlationId\": \"0f3c9a1e-2b7d-4c55-9a57-0c5b8e0d6f21\"}")));

        HubSpotApiException e = assertThrows(HubSpotApiException.class,
                () -> oauth.refresh("rt-unknown").await().atMost(AWAIT));

        assertEquals(400, e.httpStatus());
        assertEquals("BAD_REFRESH_TOKEN", e.error().orElseThrow().status());
        assertEquals("0f3c9a1e-2b7d-4c55-9a57-0c5b8e0d6f21", e.correlationId());
        assertFalse(e.getMessage().contains("rt-unknown"));
        assertFalse(e.getMessage().contains("ledgerbridge-local-secret"));
        wm.verify(1, postRequestedFor(urlEqualTo("/oauth/v1/token")));
    }

    @Test
    void shouldKeepTokensAndSecretOutOfToString() {
        OAuthTokens tokens = new OAuthTokens("at-secret", "rt-secret", 1800, "bearer", 1L, List.of(), "access_token");
        OAuthAppCredentials credentials = new OAuthAppCredentials("id", "app-secret");

        assertFalse(tokens.toString().contains("at-secret"));
        assertFalse(tokens.toString().contains("rt-secret"));
        assertFalse(credentials.toString().contains("app-secret"));
    }
}
