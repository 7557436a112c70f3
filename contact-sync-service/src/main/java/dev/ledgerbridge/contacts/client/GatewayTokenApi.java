package dev.ledgerbridge.contacts.client;

import io.quarkus.oidc.client.filter.OidcClientFilter;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * The gateway's internal QBO token endpoint; wrapped by {@link GatewayAccessTokenProvider}. Every call carries this
 * service's own bearer token (client-credentials grant, libs/service-auth): the gateway's internal API refuses a call
 * without one.
 */
@RegisterRestClient(configKey = "gateway")
@OidcClientFilter
@Path("/internal/v1/quickbooks")
interface GatewayTokenApi {

    /** 200 with the realm's current access token; 404 COMPANY_NOT_CONNECTED when the realm is not connected. */
    @GET
    @Path("/{realmId}/access-token")
    @Produces(MediaType.APPLICATION_JSON)
    Uni<AccessTokenResponse> accessToken(@PathParam("realmId") String realmId);
}
