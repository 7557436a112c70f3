package dev.ledgerbridge.hubspot;

import java.io.Closeable;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.type.TypeFactory;

import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpMethod;
import io.vertx.mutiny.core.Vertx;

/**
 * HubSpot's OAuth token endpoint ({@code POST /oauth/v1/token}, form-encoded): authorization-code exchange and
 * refresh. Never retried (an authorization code is single-use); failures carry HubSpot's {@code status}, e.g.
 * {@code BAD_REFRESH_TOKEN}, in {@link HubSpotApiException#error()}.
 */
public final class HubSpotOAuthClient implements Closeable {

    private static final JavaType TOKENS = TypeFactory.defaultInstance().constructType(OAuthTokens.class);
    private static final String TOKEN_PATH = "/oauth/v1/token";

    private final HubSpotHttp http;
    private final OAuthAppCredentials credentials;

    public HubSpotOAuthClient(Vertx vertx, HubSpotClientConfig config, OAuthAppCredentials credentials) {
        this.http = new HubSpotHttp(Objects.requireNonNull(vertx, "vertx"), Objects.requireNonNull(config, "config"));
        this.credentials = Objects.requireNonNull(credentials, "credentials");
    }

    /** {@code grant_type=authorization_code}: trades the code from the install redirect for tokens. */
    public Uni<OAuthTokens> exchangeAuthorizationCode(String code, String redirectUri) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "authorization_code");
        form.put("client_id", credentials.clientId());
        form.put("client_secret", credentials.clientSecret());
        form.put("redirect_uri", Objects.requireNonNull(redirectUri, "redirectUri"));
        form.put("code", Objects.requireNonNull(code, "code"));
        return post(form);
    }

    /** {@code grant_type=refresh_token}: a fresh access token (HubSpot's last 30 minutes). */
    public Uni<OAuthTokens> refresh(String refreshToken) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "refresh_token");
        form.put("client_id", credentials.clientId());
        form.put("client_secret", credentials.clientSecret());
        form.put("refresh_token", Objects.requireNonNull(refreshToken, "refreshToken"));
        return post(form);
    }

    private Uni<OAuthTokens> post(Map<String, String> form) {
        String encoded = form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        ApiCall call = ApiCall.builder(HttpMethod.POST, TOKEN_PATH)
                .body(encoded.getBytes(StandardCharsets.UTF_8), ApiCall.FORM)
                .build();
        return http.read(call, TOKENS);
    }

    @Override
    public void close() {
        http.close();
    }
}
