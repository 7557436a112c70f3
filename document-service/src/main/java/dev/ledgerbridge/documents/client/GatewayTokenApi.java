package dev.ledgerbridge.documents.client;

import io.quarkus.oidc.client.filter.OidcClientFilter;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * The gateway's internal QBO token endpoint (issue3.md, "QBO access tokens"), called with this service's own bearer
 * token (issue 8: the gateway's internal API requires one).
 */
@RegisterRestClient(configKey = "gateway")
@OidcClientFilter
@Path("/internal/v1/quickbooks")
interface GatewayTokenApi {

    @GET
    @Path("/{realmId}/access-token")
    @Produces(MediaType.APPLICATION_JSON)
    Uni<AccessTokenResponse> accessToken(@PathParam("realmId") String realmId);
}
