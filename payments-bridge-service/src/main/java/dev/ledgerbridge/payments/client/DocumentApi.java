package dev.ledgerbridge.payments.client;

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
 * document-service: the only writer of QBO transactions, one document per idempotency key; called with this service's
 * own bearer token (issue 8).
 */
@RegisterRestClient(configKey = "document")
@OidcClientFilter
@Path("/v1/documents")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public interface DocumentApi {

    /** 201 for a new document, 200 for the one an earlier request with the same key created. */
    @POST
    Uni<CreatedDocument> create(@HeaderParam(ServiceHeaders.CORRELATION_ID) String correlationId,
            DocumentRequest request);

    @ClientExceptionMapper
    static RuntimeException toException(Response response) {
        return ServiceResponses.toException("document", response);
    }
}
