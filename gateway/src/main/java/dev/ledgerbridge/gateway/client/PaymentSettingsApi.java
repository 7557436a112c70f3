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

// Bodies stay JSON text, like the matching settings: the admin API passes payments-bridge's settings documents and
// its 4xx answers (e.g. 422 ACCOUNT_TYPE_NOT_ALLOWED naming the field) through unchanged.
@OidcClientFilter
@RegisterRestClient(configKey = "payments-bridge")
@Path("/v1/companies/{realmId}/payment-settings")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
interface PaymentSettingsApi {

    @GET
    Uni<String> get(@PathParam("realmId") String realmId);

    @PUT
    Uni<String> put(@PathParam("realmId") String realmId, String body);

    @ClientExceptionMapper
    static RuntimeException toException(Response response) {
        int status = response.getStatus();
        if (status >= 400 && status < 500 && status != 429) {
            String body = response.hasEntity() ? response.readEntity(String.class) : null;
            return new ServiceAnswerException(status, body);
        }
        return ServiceResponses.toException("payments-bridge", response);
    }
}
