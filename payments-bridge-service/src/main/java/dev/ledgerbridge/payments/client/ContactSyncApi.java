package dev.ledgerbridge.payments.client;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.oidc.client.filter.OidcClientFilter;
import io.quarkus.rest.client.reactive.ClientExceptionMapper;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * contact-sync-service, called with the body the gateway built, passed on unchanged, and this service's own bearer
 * token (issue 8).
 */
@RegisterRestClient(configKey = "contact-sync")
@OidcClientFilter
@Path("/v1/customers")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public interface ContactSyncApi {

    @POST
    @Path("/resolve")
    Uni<ResolvedCustomer> resolve(@HeaderParam(ServiceHeaders.CORRELATION_ID) String correlationId, JsonNode request);

    @ClientExceptionMapper
    static RuntimeException toException(Response response) {
        return ServiceResponses.toException("contact-sync", response);
    }
}
