package dev.ledgerbridge.sandbox.oidc;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.Instant;
import java.util.Map;

/**
 * Sandbox control for the OIDC provider (not a Keycloak path): tokens a real provider would only produce with time,
 * for the services' authentication tests.
 */
@Path("/_sandbox/oidc")
public class OidcSandboxResource {

    private final OidcConfig config;
    private final OidcTokenIssuer tokens;

    public OidcSandboxResource(OidcConfig config, OidcTokenIssuer tokens) {
        this.config = config;
        this.tokens = tokens;
    }

    /**
     * A token for the client, with its usual audiences and roles, signed with the realm key, that expired ten minutes
     * ago (beyond any verifier's clock skew). 404 for an unknown client. No secret is needed: this is the sandbox's
     * control plane, like every {@code /_sandbox} path.
     */
    @POST
    @Path("/expired-token")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.APPLICATION_JSON)
    public Response expiredToken(@FormParam("client_id") String clientId, @Context UriInfo uri) {
        OidcConfig.Client client = clientId == null ? null : config.clients().get(clientId);
        if (client == null) {
            return Response.status(404).entity(Map.of("error", "unknown client " + clientId)).build();
        }
        long lifetime = config.tokenLifetime().toSeconds();
        Instant issuedAt = Instant.now().minusSeconds(lifetime + 600);
        String token = tokens.issue(clientId, client, client.audiences(), tokens.issuer(uri), issuedAt, lifetime);
        return Response.ok(Map.of("access_token", token, "token_type", "Bearer")).build();
    }
}
