package dev.ledgerbridge.gateway.client;

import io.quarkus.rest.client.reactive.ClientExceptionMapper;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import io.quarkus.oidc.client.filter.OidcClientFilter;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

// Bodies stay JSON text: the admin API passes contact-sync's settings documents and its 400/409 answers through
// unchanged, so the gateway never re-models (and never drifts from) the service's settings format.
@OidcClientFilter
@RegisterRestClient(configKey = "contact-sync")
@Path("/v1/companies/{realmId}/matching-settings")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
interface ContactSyncSettingsApi {

    @GET
    Uni<String> get(@PathParam("realmId") String realmId);

    @PUT
    Uni<String> put(@PathParam("realmId") String realmId, @HeaderParam(ContactSyncSettingsClient.ACTOR_HEADER) String actor,
            String body);

    @GET
    @Path("/history")
    Uni<String> history(@PathParam("realmId") String realmId, @QueryParam("limit") Integer limit);

    @ClientExceptionMapper
    static RuntimeException toException(Response response) {
        int status = response.getStatus();
        if (status >= 400 && status < 500) {
            String body = response.hasEntity() ? response.readEntity(String.class) : null;
            return new ServiceAnswerException(status, body);
        }
        return ServiceResponses.toException("contact-sync", response);
    }
}
