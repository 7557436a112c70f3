package dev.ledgerbridge.catalog.client;

import io.quarkus.oidc.client.filter.OidcClientFilter;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * The gateway's internal HubSpot token endpoint; wrapped by {@link GatewayHubSpotTokenClient}. Every call carries this
 * service's own bearer token (client-credentials grant, libs/service-auth): the gateway's internal API refuses a call
 * without one.
 */
@RegisterRestClient(configKey = "gateway")
@OidcClientFilter
@Path("/internal/v1/hubspot")
interface GatewayHubSpotTokenApi {

    /** 200 with a token, 404 PORTAL_NOT_CONNECTED when the gateway holds no connection of the portal. */
    @GET
    @Path("/{portalId}/access-token")
    @Produces(MediaType.APPLICATION_JSON)
    Uni<GatewayAccessToken> accessToken(@PathParam("portalId") long portalId);
}
