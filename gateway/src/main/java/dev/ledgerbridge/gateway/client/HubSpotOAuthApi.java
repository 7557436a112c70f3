package dev.ledgerbridge.gateway.client;

import dev.ledgerbridge.gateway.ConnectionVendor;
import dev.ledgerbridge.gateway.config.VendorApiConfig;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.WebClientOptions;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.ext.web.client.WebClient;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The HubSpot OAuth calls besides the token endpoint: the access token's metadata ({@code GET
 * /oauth/v1/access-tokens/{token}}: hub id, domain, scopes) and the uninstall ({@code DELETE
 * /oauth/v1/refresh-tokens/{token}}). The token is part of the path, so no URL of these calls is ever logged.
 */
@ApplicationScoped
public class HubSpotOAuthApi {

    private final WebClient web;
    private final URI baseUrl;

    public HubSpotOAuthApi(Vertx vertx, VendorApiConfig vendors) {
        this.web = WebClient.create(vertx, new WebClientOptions().setConnectTimeout(3000).setIdleTimeout(10));
        this.baseUrl = vendors.hubspot().baseUrl();
    }

    /** What HubSpot says about an access token. */
    public record TokenInfo(long hubId, String hubDomain, List<String> scopes) {
    }

    /** The metadata of an access token; a refusal or an unusable answer fails transiently (the callback may be retried). */
    public Uni<TokenInfo> accessTokenInfo(String accessToken) {
        return web.getAbs(url("/oauth/v1/access-tokens/", accessToken)).timeout(10_000).send()
                .onFailure().transform(e -> new TokenEndpointUnavailableException(ConnectionVendor.HUBSPOT,
                        "token info: " + e.getClass().getSimpleName()))
                .map(response -> {
                    if (response.statusCode() != 200) {
                        throw new TokenEndpointUnavailableException(ConnectionVendor.HUBSPOT,
                                "token info answered " + response.statusCode());
                    }
                    JsonObject body = response.bodyAsJsonObject();
                    List<String> scopes = new ArrayList<>();
                    if (body.getJsonArray("scopes") != null) {
                        body.getJsonArray("scopes").forEach(scope -> scopes.add(String.valueOf(scope)));
                    }
                    return new TokenInfo(body.getLong("hub_id"), body.getString("hub_domain"), scopes);
                });
    }

    /** Deletes a refresh token (uninstalls the app's grant); a token HubSpot no longer knows counts as deleted. */
    public Uni<Void> deleteRefreshToken(String refreshToken) {
        return web.deleteAbs(url("/oauth/v1/refresh-tokens/", refreshToken)).timeout(10_000).send()
                .onFailure().transform(e -> new TokenEndpointUnavailableException(ConnectionVendor.HUBSPOT,
                        "refresh token delete: " + e.getClass().getSimpleName()))
                .invoke(response -> {
                    int status = response.statusCode();
                    if (status != 204 && status != 200 && status != 404) {
                        throw new TokenEndpointUnavailableException(ConnectionVendor.HUBSPOT,
                                "refresh token delete answered " + status);
                    }
                })
                .replaceWithVoid();
    }

    private String url(String path, String token) {
        String base = baseUrl.toString().replaceAll("/+$", "");
        return base + path + URLEncoder.encode(token, StandardCharsets.UTF_8).replace("+", "%20");
    }

    @PreDestroy
    void close() {
        web.close();
    }
}
