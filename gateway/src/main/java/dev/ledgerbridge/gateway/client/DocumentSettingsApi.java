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
@RegisterRestClient(configKey = "document")
@Path("/v1/companies/{realmId}/document-settings")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
interface DocumentSettingsApi {

    @GET
    Uni<DocumentSettings> get(@PathParam("realmId") String realmId);

    @PUT
    Uni<DocumentSettings> put(@PathParam("realmId") String realmId, DocumentSettings update);

    @ClientExceptionMapper
    static RuntimeException toException(Response response) {
        return ServiceResponses.toException("document", response);
    }
}
