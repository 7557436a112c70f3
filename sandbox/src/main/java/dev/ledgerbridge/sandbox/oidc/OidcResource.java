package dev.ledgerbridge.sandbox.oidc;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An OIDC provider for LedgerBridge's internal service tokens, on Keycloak's paths so that a service configured with
 * {@code auth-server-url=<sandbox>/realms/ledgerbridge} works against a real Keycloak unchanged: discovery, JWKS and the
 * token endpoint with the client-credentials grant (client_secret_basic or client_secret_post). Tokens are RS256 JWTs
 * with {@code iss}, {@code aud} (the requested audience, or every audience the client may call), {@code exp},
 * {@code azp} and the client's roles in {@code realm_access.roles} and {@code groups}. Errors are OAuth's
 * {@code {"error": ..., "error_description": ...}}.
 */
@Path("/realms/{realm}")
public class OidcResource {

    private final OidcConfig config;
    private final OidcKeys keys;
    private final OidcTokenIssuer tokens;

    public OidcResource(OidcConfig config, OidcKeys keys, OidcTokenIssuer tokens) {
        this.config = config;
        this.keys = keys;
        this.tokens = tokens;
    }

    @GET
    @Path("/.well-known/openid-configuration")
    @Produces(MediaType.APPLICATION_JSON)
    public Response discovery(@PathParam("realm") String realm, @Context UriInfo uri) {
        if (!config.realm().equals(realm)) {
            return noRealm();
        }
        String issuer = tokens.issuer(uri);
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("issuer", issuer);
        document.put("token_endpoint", issuer + "/protocol/openid-connect/token");
        document.put("jwks_uri", issuer + "/protocol/openid-connect/certs");
        document.put("grant_types_supported", List.of("client_credentials"));
        document.put("response_types_supported", List.of("token"));
        document.put("subject_types_supported", List.of("public"));
        document.put("id_token_signing_alg_values_supported", List.of("RS256"));
        document.put("token_endpoint_auth_methods_supported", List.of("client_secret_basic", "client_secret_post"));
        return Response.ok(document).build();
    }

    @GET
    @Path("/protocol/openid-connect/certs")
    @Produces(MediaType.APPLICATION_JSON)
    public Response certs(@PathParam("realm") String realm) {
        return config.realm().equals(realm) ? Response.ok(keys.jwks()).build() : noRealm();
    }

    @POST
    @Path("/protocol/openid-connect/token")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.APPLICATION_JSON)
    public Response token(@PathParam("realm") String realm, @Context UriInfo uri,
            @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, @FormParam("grant_type") String grantType,
            @FormParam("client_id") String formClientId, @FormParam("client_secret") String formSecret,
            @FormParam("audience") String audience) {
        if (!config.realm().equals(realm)) {
            return noRealm();
        }
        String[] basic = basic(authorization);
        if (basic == null && authorization != null) {
            return error(400, "invalid_request", "The Authorization header is not HTTP Basic client authentication.");
        }
        String clientId = basic != null ? basic[0] : formClientId;
        String secret = basic != null ? basic[1] : formSecret;
        if (basic != null && formClientId != null && !formClientId.equals(basic[0])) {
            return error(400, "invalid_request", "client_id differs from the Basic credentials.");
        }
        if (grantType == null || grantType.isBlank()) {
            return error(400, "invalid_request", "Missing form parameter: grant_type");
        }
        OidcConfig.Client client = clientId == null ? null : config.clients().get(clientId);
        if (client == null || secret == null || !constantTimeEquals(client.secret(), secret)) {
            return error(401, "invalid_client", "Invalid client or Invalid client credentials");
        }
        if (!"client_credentials".equals(grantType)) {
            return error(400, "unsupported_grant_type", "Unsupported grant_type");
        }
        List<String> audiences = client.audiences();
        if (audience != null && !audience.isBlank()) {
            if (!client.audiences().contains(audience)) {
                return error(400, "invalid_target", "Client " + clientId + " may not ask for audience " + audience + ".");
            }
            audiences = List.of(audience);
        }
        long lifetime = config.tokenLifetime().toSeconds();
        String token = tokens.issue(clientId, client, audiences, tokens.issuer(uri), Instant.now(), lifetime);
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("access_token", token);
        answer.put("expires_in", lifetime);
        answer.put("refresh_expires_in", 0);
        answer.put("token_type", "Bearer");
        answer.put("not-before-policy", 0);
        answer.put("scope", "");
        return Response.ok(answer).header("Cache-Control", "no-store").build();
    }

    private static String[] basic(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            return null;
        }
        try {
            String decoded = new String(Base64.getDecoder().decode(authorization.substring(6).trim()),
                    StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            return colon < 0 ? null : new String[] {decoded.substring(0, colon), decoded.substring(colon + 1)};
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static boolean constantTimeEquals(String expected, String given) {
        return MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8), given.getBytes(StandardCharsets.UTF_8));
    }

    private static Response noRealm() {
        return Response.status(404).type(MediaType.APPLICATION_JSON).entity(Map.of("error", "Realm does not exist"))
                .build();
    }

    private static Response error(int status, String error, String description) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", error);
        body.put("error_description", description);
        return Response.status(status).type(MediaType.APPLICATION_JSON).entity(body).build();
    }
}
