package dev.ledgerbridge.gateway.rest;

import dev.ledgerbridge.gateway.service.ActionJournal;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** Admin view of the action journal: what happened to one HubSpot execution. */
// TODO(issue 8): operator authentication, like every /admin endpoint.
@Path("/admin/v1/executions")
@Produces(MediaType.APPLICATION_JSON)
public class ExecutionAdminResource {

    private final ActionJournal journal;

    public ExecutionAdminResource(ActionJournal journal) {
        this.journal = journal;
    }

    /** State, output fields and delivery count of the execution; 404 when the callbackId is unknown. */
    @GET
    @Path("/{callbackId}")
    public Uni<Response> get(@PathParam("callbackId") String callbackId) {
        return journal.find(callbackId)
                .onItem().ifNotNull().transform(e -> Response.ok(ExecutionView.of(e)).build())
                .replaceIfNullWith(() -> Response.status(Response.Status.NOT_FOUND)
                        .entity(new ErrorBody("EXECUTION_NOT_FOUND", "No execution with callbackId " + callbackId))
                        .type(MediaType.APPLICATION_JSON).build());
    }
}
