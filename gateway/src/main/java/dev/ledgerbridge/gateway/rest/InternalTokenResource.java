package dev.ledgerbridge.gateway.rest;

import dev.ledgerbridge.gateway.service.QuickBooksConnections;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** Internal API: the services get QBO access tokens only from here (issue 3 design). */
// TODO(issue 8): internal endpoints require a service token (client credentials) besides the NetworkPolicy.
@Path("/internal/v1/quickbooks")
@Produces(MediaType.APPLICATION_JSON)
public class InternalTokenResource {

    private final QuickBooksConnections connections;

    public InternalTokenResource(QuickBooksConnections connections) {
        this.connections = connections;
    }

    /**
     * 200 with the token and its expiry (refreshed first when less than the refresh margin is left); 404
     * COMPANY_NOT_CONNECTED when the realm is not connected; 409 COMPANY_NOT_CONNECTED when an admin must reconnect it;
     * 503 TOKEN_ENDPOINT_UNAVAILABLE when a due refresh failed transiently.
     */
    @GET
    @Path("/{realmId}/access-token")
    public Uni<Response> accessToken(@PathParam("realmId") String realmId) {
        return connections.accessToken(realmId)
                .onItem().ifNotNull().transform(t -> Response.ok(new AccessTokenResponse(t.accessToken(),
                        t.expiresAt())).build())
                .replaceIfNullWith(() -> Response.status(Response.Status.NOT_FOUND)
                        .entity(new ErrorBody("COMPANY_NOT_CONNECTED",
                                "QuickBooks company " + realmId + " is not connected"))
                        .type(MediaType.APPLICATION_JSON).build());
    }
}
