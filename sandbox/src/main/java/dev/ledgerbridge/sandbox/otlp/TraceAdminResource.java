package dev.ledgerbridge.sandbox.otlp;

import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/** The spans the sandbox's OTLP receiver got: one trace by id, the trace ids of a HubSpot execution, or a reset. */
@Path("/_sandbox/traces")
public class TraceAdminResource {

    private final TraceStore store;

    public TraceAdminResource(TraceStore store) {
        this.store = store;
    }

    @GET
    @Path("/{traceId}")
    @Produces(MediaType.APPLICATION_JSON)
    public List<ReceivedSpan> trace(@PathParam("traceId") String traceId) {
        return store.trace(traceId);
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public List<String> traceIds(@QueryParam("callbackId") String callbackId) {
        return callbackId == null ? List.of() : store.traceIdsOfExecution(callbackId);
    }

    @DELETE
    public void clear() {
        store.clear();
    }
}
