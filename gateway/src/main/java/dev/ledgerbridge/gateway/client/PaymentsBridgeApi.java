package dev.ledgerbridge.gateway.client;

import io.quarkus.rest.client.reactive.ClientExceptionMapper;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import io.quarkus.oidc.client.filter.OidcClientFilter;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

@OidcClientFilter
@RegisterRestClient(configKey = "payments-bridge")
@Path("/v1/payment-actions")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
interface PaymentsBridgeApi {

    @POST
    Uni<PaymentActionResult> execute(@HeaderParam(ServiceHeaders.CORRELATION_ID) String correlationId,
            PaymentActionRequest request);

    @ClientExceptionMapper
    static RuntimeException toException(Response response) {
        return ServiceResponses.toException("payments-bridge", response);
    }
}
