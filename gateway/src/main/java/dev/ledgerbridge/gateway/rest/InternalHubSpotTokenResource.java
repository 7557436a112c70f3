package dev.ledgerbridge.gateway.rest;

import dev.ledgerbridge.gateway.service.VendorAccessTokens;
import dev.ledgerbridge.gateway.ConnectionVendor;
import dev.ledgerbridge.gateway.service.ConnectionTokens;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.time.Duration;
import java.time.Instant;

/**
 * Internal API: the services get HubSpot access tokens only from here (the product catalog's product sync), the
 * HubSpot counterpart of {@link InternalTokenResource}.
 */
@Path("/internal/v1/hubspot")
@Produces(MediaType.APPLICATION_JSON)
public class InternalHubSpotTokenResource {

    /** HubSpot's OAuth access tokens live 30 minutes; with pre-authorised tokens callers fetch a new one after this. */
    static final Duration TOKEN_LIFETIME = Duration.ofMinutes(30);

    private final VendorAccessTokens tokens;
    private final ConnectionTokens connections;

    public InternalHubSpotTokenResource(VendorAccessTokens tokens, ConnectionTokens connections) {
        this.tokens = tokens;
        this.connections = connections;
    }

    /**
     * 200 with the portal's token and its expiry; 404 PORTAL_NOT_CONNECTED for a portal that did not install the app
     * (or a value that is no hub id); 409 PORTAL_NOT_CONNECTED when an admin must install it again; 503 when a due
     * refresh failed transiently. With pre-authorised tokens every portal has the seeded token.
     */
    @GET
    @Path("/{portalId}/access-token")
    public Uni<Response> accessToken(@PathParam("portalId") String portalId) {
        if (!portalId.matches("[1-9][0-9]{0,17}")) {
            return Uni.createFrom().item(Response.status(Response.Status.NOT_FOUND)
                    .entity(new ErrorBody("PORTAL_NOT_CONNECTED", "HubSpot portal " + portalId + " is not connected", null))
                    .type(MediaType.APPLICATION_JSON).build());
        }
        if (tokens.preauthorisedMode()) {
            return tokens.hubSpot(Long.parseLong(portalId))
                    .map(token -> Response.ok(new AccessTokenResponse(token, Instant.now().plus(TOKEN_LIFETIME))).build());
        }
        return connections.accessToken(ConnectionVendor.HUBSPOT, portalId)
                .map(t -> Response.ok(new AccessTokenResponse(t.accessToken(), t.expiresAt())).build());
    }
}
