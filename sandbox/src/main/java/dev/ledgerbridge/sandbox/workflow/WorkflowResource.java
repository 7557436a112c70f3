package dev.ledgerbridge.sandbox.workflow;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Sandbox-only workflow engine API: enroll a record in an action, inspect executions. */
@Path("/_sandbox/workflows")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class WorkflowResource {

    private final WorkflowEngine engine;

    public WorkflowResource(WorkflowEngine engine) {
        this.engine = engine;
    }

    @POST
    @Path("/enroll")
    public Response enroll(EnrollRequest request) {
        if (request == null) {
            throw new WorkflowException(400, "A JSON body is required.");
        }
        Execution e = engine.enroll(request);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("executionId", e.callbackId());
        body.put("callbackId", e.callbackId());
        body.put("state", e.state().name());
        body.put("statusUrl", "/_sandbox/workflows/executions/" + e.callbackId());
        return Response.accepted(body).build();
    }

    @POST
    @Path("/executions/{callbackId}/redeliver")
    @Consumes(MediaType.WILDCARD)
    public Response redeliver(@PathParam("callbackId") String callbackId) {
        Execution e = engine.redeliver(callbackId);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("callbackId", e.callbackId());
        body.put("delivery", e.deliveries());
        body.put("statusUrl", "/_sandbox/workflows/executions/" + e.callbackId());
        return Response.accepted(body).build();
    }

    @GET
    @Path("/executions")
    public Map<String, Object> list(@QueryParam("state") String state, @QueryParam("attempts") boolean withAttempts) {
        // With attempts=true the benchmark reads every attempt's answer time in one request instead of one per execution.
        List<Map<String, Object>> results = engine.all().stream()
                .filter(e -> state == null || e.state().name().equalsIgnoreCase(state))
                .map(e -> e.view(withAttempts))
                .toList();
        return Map.of("results", results);
    }

    @GET
    @Path("/executions/{callbackId}")
    public Map<String, Object> get(@PathParam("callbackId") String callbackId) {
        Execution e = engine.find(callbackId);
        if (e == null) {
            throw new WorkflowException(404, "No execution with callback id " + callbackId + ".");
        }
        return e.view(true);
    }

    @ServerExceptionMapper
    public Response map(WorkflowException e) {
        return Response.status(e.status()).type(MediaType.APPLICATION_JSON_TYPE).entity(Map.of("message", e.getMessage())).build();
    }
}
