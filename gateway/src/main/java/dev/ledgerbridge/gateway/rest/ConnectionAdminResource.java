package dev.ledgerbridge.gateway.rest;

import dev.ledgerbridge.gateway.service.AuthorizationStart;
import dev.ledgerbridge.gateway.service.QuickBooksAuthorization;
import dev.ledgerbridge.gateway.service.QuickBooksConnections;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;

/** Admin API for QuickBooks connections (R1): start Intuit's authorization, list, show, disconnect. */
@Path("/admin/v1/connections/quickbooks")
@Produces(MediaType.APPLICATION_JSON)
public class ConnectionAdminResource {

    private final QuickBooksConnections connections;
    private final QuickBooksAuthorization authorization;

    public ConnectionAdminResource(QuickBooksConnections connections, QuickBooksAuthorization authorization) {
        this.connections = connections;
        this.authorization = authorization;
    }

    /**
     * Starts connecting a company: 200 with Intuit's {@code authorizeUrl} (open it in a browser; the company is
     * chosen there) and when its single-use state expires.
     */
    @POST
    @Path("/authorizations")
    public Uni<AuthorizationStart> authorize(@Context UriInfo uri) {
        return authorization.start(uri.getBaseUri());
    }

    /**
     * Connects the realm with the pre-authorised sandbox token, recording its name and country; idempotent. Only with
     * {@code connections.preauthorised-tokens}; otherwise 409 AUTHORIZATION_FLOW_REQUIRED.
     */
    @POST
    @Path("/{realmId}")
    public Uni<ConnectionView> connect(@PathParam("realmId") String realmId) {
        return connections.connect(realmId).map(ConnectionView::of);
    }

    /** Every company that is not DISCONNECTED, with its state (RECONNECT_NEEDED with the reason). */
    @GET
    public Uni<List<ConnectionView>> list() {
        return connections.listKnown().map(all -> all.stream().map(ConnectionView::of).toList());
    }

    /** One company in any state; 404 when unknown. */
    @GET
    @Path("/{realmId}")
    public Uni<Response> get(@PathParam("realmId") String realmId) {
        return connections.find(realmId)
                .onItem().ifNotNull().transform(c -> Response.ok(ConnectionView.of(c)).build())
                .replaceIfNullWith(() -> notFound(realmId));
    }

    /** Disconnects: revokes the grant at Intuit, wipes the tokens; 200 with the DISCONNECTED company, 404 when unknown. */
    @DELETE
    @Path("/{realmId}")
    public Uni<Response> disconnect(@PathParam("realmId") String realmId) {
        return authorization.disconnect(realmId)
                .onItem().ifNotNull().transform(c -> Response.ok(ConnectionView.of(c)).build())
                .replaceIfNullWith(() -> notFound(realmId));
    }

    private static Response notFound(String realmId) {
        return Response.status(Response.Status.NOT_FOUND).type(MediaType.APPLICATION_JSON)
                .entity(new ErrorBody("COMPANY_NOT_CONNECTED", "QuickBooks company " + realmId + " is not known"))
                .build();
    }
}
