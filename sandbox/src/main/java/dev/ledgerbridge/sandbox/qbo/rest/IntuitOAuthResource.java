package dev.ledgerbridge.sandbox.qbo.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ledgerbridge.sandbox.qbo.service.IntuitTokenService;
import dev.ledgerbridge.sandbox.qbo.service.IntuitTokenService.IntuitTokens;
import dev.ledgerbridge.sandbox.qbo.service.IntuitTokenService.OAuthException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Intuit's OAuth 2.0 endpoints: authorize ({@code GET /connect/oauth2}, the user consents at once and picks the
 * realm given by the sandbox-only {@code realmId} parameter or the configured default), token
 * ({@code POST /oauth2/v1/tokens/bearer}) and revoke ({@code POST /v2/oauth2/tokens/revoke}).
 */
@Path("/")
public class IntuitOAuthResource {

    /**
     * OAuth error body.
     *
     * @param error the RFC 6749 error code, e.g. {@code invalid_grant}
     */
    public record OAuthError(String error) {
    }

    private static final String ACCOUNTING_SCOPE = "com.intuit.quickbooks.accounting";

    private final IntuitTokenService tokens;
    private final ObjectMapper mapper;

    public IntuitOAuthResource(IntuitTokenService tokens, ObjectMapper mapper) {
        this.tokens = tokens;
        this.mapper = mapper;
    }

    @GET
    @Path("connect/oauth2")
    @Produces(MediaType.APPLICATION_JSON)
    public Response authorize(@RestQuery("client_id") String clientId, @RestQuery("response_type") String responseType,
            @RestQuery String scope, @RestQuery("redirect_uri") String redirectUri, @RestQuery String state,
            @RestQuery String realmId) {
        if (clientId == null || !tokens.isClientId(clientId)) {
            throw new OAuthException(400, "invalid_client");
        }
        if (redirectUri == null || redirectUri.isBlank()) {
            throw new OAuthException(400, "invalid_request");
        }
        if (!"code".equals(responseType)) {
            return redirect(redirectUri, state, "error", "unsupported_response_type");
        }
        if (scope == null || !List.of(scope.split(" ")).contains(ACCOUNTING_SCOPE)) {
            return redirect(redirectUri, state, "error", "invalid_scope");
        }
        String realm = realmId != null ? realmId : tokens.authorizeRealm();
        if (!tokens.knowsRealm(realm)) {
            return redirect(redirectUri, state, "error", "access_denied");
        }
        String code = tokens.issueCode(realm, redirectUri);
        return redirect(redirectUri, state, "code", code, "realmId", realm);
    }

    @POST
    @Path("oauth2/v1/tokens/bearer")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.APPLICATION_JSON)
    public IntuitTokens token(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @FormParam("grant_type") String grantType, @FormParam("code") String code,
            @FormParam("redirect_uri") String redirectUri, @FormParam("refresh_token") String refreshToken) {
        requireClient(authorization);
        if ("authorization_code".equals(grantType)) {
            return tokens.exchangeCode(code, redirectUri);
        }
        if ("refresh_token".equals(grantType)) {
            return tokens.refresh(refreshToken);
        }
        throw new OAuthException(400, "unsupported_grant_type");
    }

    @POST
    @Path("v2/oauth2/tokens/revoke")
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    public Response revoke(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType, String body) {
        requireClient(authorization);
        tokens.revoke(tokenFrom(contentType, body));
        return Response.ok().build();
    }

    @ServerExceptionMapper
    public Response oauthError(OAuthException e) {
        Response.ResponseBuilder response = Response.status(e.status()).type(MediaType.APPLICATION_JSON_TYPE)
                .entity(new OAuthError(e.error()));
        if (e.status() == 401) {
            response.header(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"Intuit\"");
        }
        return response.build();
    }

    private String tokenFrom(String contentType, String body) {
        if (body == null || body.isBlank()) {
            throw new OAuthException(400, "invalid_request");
        }
        if (contentType != null && contentType.startsWith(MediaType.APPLICATION_FORM_URLENCODED)) {
            for (String pair : body.split("&")) {
                if (pair.startsWith("token=")) {
                    return URLDecoder.decode(pair.substring(6), StandardCharsets.UTF_8);
                }
            }
            throw new OAuthException(400, "invalid_request");
        }
        try {
            JsonNode json = mapper.readTree(body);
            if (!json.path("token").isTextual()) {
                throw new OAuthException(400, "invalid_request");
            }
            return json.get("token").asText();
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new OAuthException(400, "invalid_request");
        }
    }

    private void requireClient(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            throw new OAuthException(401, "invalid_client");
        }
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(authorization.substring(6).trim()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new OAuthException(401, "invalid_client");
        }
        int colon = decoded.indexOf(':');
        if (colon < 0 || !tokens.isClient(decoded.substring(0, colon), decoded.substring(colon + 1))) {
            throw new OAuthException(401, "invalid_client");
        }
    }

    /** Builds the redirect by hand: UriBuilder would treat braces in {@code state} as templates. */
    private static Response redirect(String redirectUri, String state, String... pairs) {
        StringBuilder location = new StringBuilder(redirectUri).append(redirectUri.contains("?") ? '&' : '?');
        List<String> parameters = new java.util.ArrayList<>(List.of(pairs));
        if (state != null) {
            parameters.add("state");
            parameters.add(state);
        }
        for (int i = 0; i < parameters.size(); i += 2) {
            if (i > 0) {
                location.append('&');
            }
            location.append(parameters.get(i)).append('=')
                    .append(URLEncoder.encode(parameters.get(i + 1), StandardCharsets.UTF_8));
        }
        return Response.status(302).location(URI.create(location.toString())).build();
    }
}
