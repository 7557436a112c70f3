package dev.ledgerbridge.gateway.client;

import io.quarkus.rest.client.reactive.ClientExceptionMapper;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import io.quarkus.oidc.client.filter.OidcClientFilter;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

@OidcClientFilter
@RegisterRestClient(configKey = "contact-sync")
@Path("/v1")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
interface ContactSyncApi {

    @POST
    @Path("/customers/resolve")
    Uni<ResolvedCustomer> resolve(@HeaderParam(ServiceHeaders.CORRELATION_ID) String correlationId,
            CustomerResolveRequest request);

    @POST
    @Path("/customers/preview")
    Uni<CustomerPreview> preview(@HeaderParam(ServiceHeaders.CORRELATION_ID) String correlationId,
            CustomerResolveRequest request);

    @GET
    @Path("/companies/{realmId}/matching-settings/properties")
    Uni<FilterProperties> filterProperties(@PathParam("realmId") String realmId);

    @ClientExceptionMapper
    static RuntimeException toException(Response response) {
        return ServiceResponses.toException("contact-sync", response);
    }
}
