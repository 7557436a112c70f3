package dev.ledgerbridge.gateway.rest;

import dev.ledgerbridge.gateway.service.QuickBooksConnections;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/** Admin API for QuickBooks connections (R1); the demo and the tests connect companies through it. */
// TODO(issue 8): admin endpoints require an operator token; until then they are protected only by the ingress,
// which exposes /hubspot/** alone.
@Path("/admin/v1/connections/quickbooks")
@Produces(MediaType.APPLICATION_JSON)
public class ConnectionAdminResource {

    private final QuickBooksConnections connections;

    public ConnectionAdminResource(QuickBooksConnections connections) {
        this.connections = connections;
    }

    /** Connects the realm with the pre-authorised token, recording its name and country; idempotent. */
    @POST
    @Path("/{realmId}")
    public Uni<ConnectionView> connect(@PathParam("realmId") String realmId) {
        return connections.connect(realmId).map(ConnectionView::of);
    }

    /** Every connected company. */
    @GET
    public Uni<List<ConnectionView>> list() {
        return connections.list().map(all -> all.stream().map(ConnectionView::of).toList());
    }
}
