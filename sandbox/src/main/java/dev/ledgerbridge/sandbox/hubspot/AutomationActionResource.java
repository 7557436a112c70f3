package dev.ledgerbridge.sandbox.hubspot;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
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
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static dev.ledgerbridge.sandbox.hubspot.CrmObjectResource.orEmpty;

/** Automation actions v4: definitions of the seeded app and callback completion. */
@Path("/automation/v4/actions")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class AutomationActionResource {

    private static final List<String> COMPLETION_STATES = List.of("SUCCESS", "FAIL_CONTINUE");

    private final ActionDefinitionStore definitions;
    private final CallbackCompleter completer;

    public AutomationActionResource(ActionDefinitionStore definitions, CallbackCompleter completer) {
        this.definitions = definitions;
        this.completer = completer;
    }

    @POST
    @Path("/{appId}")
    public Response create(@PathParam("appId") long appId, JsonNode body) {
        ObjectNode created = definitions.create(appId, orEmpty(body));
        return Response.created(URI.create("/automation/v4/actions/" + appId + "/" + created.get("id").asText()))
                .entity(created).build();
    }

    @GET
    @Path("/{appId}")
    public Map<String, Object> list(@PathParam("appId") long appId, @QueryParam("archived") @DefaultValue("false") boolean archived,
                                    @QueryParam("limit") @DefaultValue("100") int limit, @QueryParam("after") String after) {
        List<ObjectNode> all = definitions.list(appId, archived);
        int from = CrmObjectService.parseCursor(after);
        List<ObjectNode> page = all.subList(Math.min(from, all.size()), Math.min(all.size(), from + Math.max(1, limit)));
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("results", ActionDefinitionStore.array(new ArrayList<>(page)));
        if (from + limit < all.size()) {
            out.put("paging", CrmObjectService.paging(Integer.toString(from + limit)));
        }
        return out;
    }

    @GET
    @Path("/{appId}/{definitionId}")
    public ObjectNode get(@PathParam("appId") long appId, @PathParam("definitionId") String definitionId,
                          @QueryParam("archived") @DefaultValue("false") boolean archived) {
        ObjectNode d = definitions.get(appId, definitionId, archived);
        if (d == null) {
            throw HubSpotApiException.notFound("No action definition " + definitionId + " for app " + appId + ".");
        }
        return d;
    }

    @PATCH
    @Path("/{appId}/{definitionId}")
    public ObjectNode patch(@PathParam("appId") long appId, @PathParam("definitionId") String definitionId, JsonNode body) {
        ObjectNode d = definitions.patch(appId, definitionId, orEmpty(body));
        if (d == null) {
            throw HubSpotApiException.notFound("No action definition " + definitionId + " for app " + appId + ".");
        }
        return d;
    }

    @DELETE
    @Path("/{appId}/{definitionId}")
    public Response archive(@PathParam("appId") long appId, @PathParam("definitionId") String definitionId) {
        if (!definitions.archive(appId, definitionId)) {
            throw HubSpotApiException.notFound("No action definition " + definitionId + " for app " + appId + ".");
        }
        return Response.noContent().build();
    }

    @POST
    @Path("/callbacks/{callbackId}/complete")
    public Response complete(@PathParam("callbackId") String callbackId, JsonNode body) {
        Map<String, String> outputs = outputFields(orEmpty(body));
        completer.check(callbackId, outputs);
        completer.complete(callbackId, outputs);
        return Response.noContent().build();
    }

    /** All inputs are checked first, so a bad one leaves every callback of the batch untouched. */
    @POST
    @Path("/callbacks/complete")
    public Response completeBatch(JsonNode body) {
        JsonNode inputs = orEmpty(body).path("inputs");
        if (!inputs.isArray() || inputs.isEmpty()) {
            throw HubSpotApiException.validation("inputs must be a non-empty array.");
        }
        Map<String, Map<String, String>> all = new LinkedHashMap<>();
        for (JsonNode in : inputs) {
            String id = in.path("callbackId").asText("");
            Map<String, String> outputs = outputFields(in);
            completer.check(id, outputs);
            all.put(id, outputs);
        }
        all.forEach(completer::complete);
        return Response.noContent().build();
    }

    private static Map<String, String> outputFields(JsonNode body) {
        JsonNode fields = body.path("outputFields");
        if (!fields.isObject()) {
            throw HubSpotApiException.validation("outputFields is required.");
        }
        Map<String, String> out = new LinkedHashMap<>();
        fields.fields().forEachRemaining(e -> out.put(e.getKey(), e.getValue().asText()));
        String state = out.get("hs_execution_state");
        if (!COMPLETION_STATES.contains(state)) {
            throw HubSpotApiException.validation("outputFields.hs_execution_state must be SUCCESS or FAIL_CONTINUE, was " + state + ".");
        }
        return out;
    }

    @ServerExceptionMapper
    public Response unreadable(WebApplicationException e) {
        return HubSpotExceptionMappers.asHubSpot(e);
    }
}
