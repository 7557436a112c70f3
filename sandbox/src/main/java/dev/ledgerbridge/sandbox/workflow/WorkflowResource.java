package dev.ledgerbridge.sandbox.workflow;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ledgerbridge.sandbox.hubspot.HubSpotApiException;
import dev.ledgerbridge.sandbox.hubspot.HubSpotExceptionMappers;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Sandbox-only workflow engine API: workflows with enrollment triggers, explicit enrollment of a record in an action,
 * executions.
 */
@Path("/_sandbox/workflows")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class WorkflowResource {

    private final WorkflowEngine engine;
    private final WorkflowTriggers triggers;

    public WorkflowResource(WorkflowEngine engine, WorkflowTriggers triggers) {
        this.engine = engine;
        this.triggers = triggers;
    }

    /** Creates a workflow with an enrollment trigger; 201 with the workflow, 400 in HubSpot's format when refused. */
    @POST
    public Response create(JsonNode body) {
        TriggeredWorkflow w = triggers.create(body);
        return Response.created(URI.create("/_sandbox/workflows/" + w.id())).entity(w.view()).build();
    }

    @GET
    public Map<String, Object> workflows() {
        return Map.of("results", triggers.all().stream().map(TriggeredWorkflow::view).toList());
    }

    @GET
    @Path("/{workflowId:[0-9]+}")
    public Map<String, Object> workflow(@PathParam("workflowId") long workflowId) {
        TriggeredWorkflow w = triggers.find(workflowId);
        if (w == null) {
            throw HubSpotApiException.notFound("No workflow with id " + workflowId + ".");
        }
        return w.view();
    }

    /** Deletes a workflow: nothing is enrolled by it any more; executions it started carry on. */
    @DELETE
    @Path("/{workflowId:[0-9]+}")
    public Response delete(@PathParam("workflowId") long workflowId) {
        if (!triggers.delete(workflowId)) {
            throw HubSpotApiException.notFound("No workflow with id " + workflowId + ".");
        }
        return Response.noContent().build();
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

    /** An unreadable body (not JSON, wrong media type) answered in HubSpot's error format, as refused workflows are. */
    @ServerExceptionMapper
    public Response unreadable(WebApplicationException e) {
        return HubSpotExceptionMappers.asHubSpot(e);
    }

    @ServerExceptionMapper
    public Response map(WorkflowException e) {
        return Response.status(e.status()).type(MediaType.APPLICATION_JSON_TYPE).entity(Map.of("message", e.getMessage())).build();
    }
}
