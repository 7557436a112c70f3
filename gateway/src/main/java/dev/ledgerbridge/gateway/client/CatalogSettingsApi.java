package dev.ledgerbridge.gateway.client;

import io.quarkus.rest.client.reactive.ClientExceptionMapper;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import io.quarkus.oidc.client.filter.OidcClientFilter;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

@OidcClientFilter
@RegisterRestClient(configKey = "product-catalog")
@Path("/v1/companies/{realmId}/catalog-settings")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
interface CatalogSettingsApi {

    @GET
    Uni<CatalogSettings> get(@PathParam("realmId") String realmId);

    @PUT
    Uni<CatalogSettings> put(@PathParam("realmId") String realmId, CatalogSettingsUpdate update);

    @ClientExceptionMapper
    static RuntimeException toException(Response response) {
        return ServiceResponses.toException("product-catalog", response);
    }
}
