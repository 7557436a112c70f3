package dev.ledgerbridge.sandbox.hubspot;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** HubSpot OAuth: {@code GET /oauth/authorize} (app.hubspot.com) and the token endpoints of api.hubapi.com. */
@Path("/oauth")
public class OAuthResource {

    private final HubSpotTokens tokens;
    private final HubSpotSandboxConfig config;

    public OAuthResource(HubSpotTokens tokens, HubSpotSandboxConfig config) {
        this.tokens = tokens;
        this.config = config;
    }

    /** The installing user "approves" at once: redirect back with a code and the caller's state. */
    @GET
    @Path("/authorize")
    @Produces(MediaType.APPLICATION_JSON)
    public Response authorize(@QueryParam("client_id") String clientId, @QueryParam("redirect_uri") String redirectUri,
                              @QueryParam("scope") String scope, @QueryParam("state") String state) {
        if (!config.clientId().equals(clientId)) {
            return error(400, "BAD_CLIENT_ID", "Unknown client_id.");
        }
        if (redirectUri == null || redirectUri.isBlank()) {
            return error(400, "BAD_REDIRECT_URI", "redirect_uri is required.");
        }
        UriBuilder target = UriBuilder.fromUri(redirectUri).queryParam("code", tokens.newAuthorizationCode(redirectUri, scope));
        if (state != null) {
            target.queryParam("state", state);
        }
        return Response.status(302).location(target.build()).build();
    }

    @POST
    @Path("/v1/token")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.APPLICATION_JSON)
    public Response token(@FormParam("grant_type") String grantType, @FormParam("client_id") String clientId,
                          @FormParam("client_secret") String clientSecret, @FormParam("redirect_uri") String redirectUri,
                          @FormParam("code") String code, @FormParam("refresh_token") String refreshToken) {
        if (!config.clientId().equals(clientId) || !config.clientSecret().equals(clientSecret)) {
            return error(400, "BAD_CLIENT_ID", "missing or unknown client_id / client_secret");
        }
        String refresh;
        if ("authorization_code".equals(grantType)) {
            refresh = tokens.redeemCode(code, redirectUri);
            if (refresh == null) {
                return error(400, "BAD_AUTH_CODE", "missing or unknown auth code");
            }
        } else if ("refresh_token".equals(grantType)) {
            if (refreshToken == null || !tokens.isRefreshToken(refreshToken)) {
                return error(400, "BAD_REFRESH_TOKEN", "missing or unknown refresh token");
            }
            // HubSpot refresh tokens do not rotate: the same one is returned.
            refresh = refreshToken;
        } else {
            return error(400, "BAD_GRANT_TYPE", "grant_type must be authorization_code or refresh_token");
        }
        HubSpotTokens.AccessToken at = tokens.issueAccessToken(refresh);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("token_type", "bearer");
        body.put("access_token", at.token());
        body.put("refresh_token", refresh);
        body.put("expires_in", config.accessTokenTtl().toSeconds());
        body.put("token_use", "access_token");
        body.put("hub_id", at.portalId());
        body.put("scopes", scopes());
        return Response.ok(body).build();
    }

    @GET
    @Path("/v1/access-tokens/{token}")
    @Produces(MediaType.APPLICATION_JSON)
    public Response accessTokenInfo(@PathParam("token") String token) {
        HubSpotTokens.AccessToken t = tokens.describe(token);
        if (t == null || tokens.check(token) != HubSpotTokens.Check.VALID) {
            return error(404, "NOT_FOUND", "Token not found or expired.");
        }
        long expiresIn = t.expiresAt().equals(Instant.MAX) ? Integer.MAX_VALUE
                : Math.max(0, Duration.between(Instant.now(), t.expiresAt()).toSeconds());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("token", token);
        body.put("token_type", "access");
        body.put("hub_id", t.portalId());
        body.put("app_id", config.appId());
        body.put("user_id", 1);
        body.put("user", "sandbox@ledgerbridge.dev");
        body.put("hub_domain", "sandbox-" + t.portalId() + ".hubspot.local");
        body.put("scopes", scopes());
        body.put("expires_in", expiresIn);
        return Response.ok(body).build();
    }

    @GET
    @Path("/v1/refresh-tokens/{token}")
    @Produces(MediaType.APPLICATION_JSON)
    public Response refreshTokenInfo(@PathParam("token") String token) {
        if (!tokens.isRefreshToken(token)) {
            return error(404, "NOT_FOUND", "Refresh token not found.");
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("token", token);
        body.put("token_type", "refresh");
        body.put("client_id", config.clientId());
        body.put("hub_id", config.portalId());
        body.put("user_id", 1);
        body.put("user", "sandbox@ledgerbridge.dev");
        body.put("scopes", scopes());
        return Response.ok(body).build();
    }

    /**
     * Deletes a refresh token (HubSpot's uninstall of an app's grant): 204; the token then answers 404 here and
     * {@code BAD_REFRESH_TOKEN} at the token endpoint. An unknown token is 404 with HubSpot's error body.
     */
    @DELETE
    @Path("/v1/refresh-tokens/{token}")
    @Produces(MediaType.APPLICATION_JSON)
    public Response deleteRefreshToken(@PathParam("token") String token) {
        if (!tokens.deleteRefreshToken(token)) {
            return error(404, "NOT_FOUND", "Refresh token not found.");
        }
        return Response.noContent().build();
    }

    private List<String> scopes() {
        return Arrays.stream(config.scopes().split(",")).map(String::trim).toList();
    }

    private static Response error(int status, String code, String message) {
        // HubSpot's OAuth errors carry a specific status code string; category keeps them valid against the spec.
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE)
                .entity(new HubSpotError(code, message, UUID.randomUUID().toString(), "VALIDATION_ERROR", null, null))
                .build();
    }
}
