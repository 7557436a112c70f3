package dev.ledgerbridge.sandbox.hubspot;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.util.Map;

import static dev.ledgerbridge.sandbox.hubspot.CrmObjectResource.orEmpty;
import static dev.ledgerbridge.sandbox.hubspot.CrmObjectResource.type;

/** HubSpot associations v4 API ({@code /crm/v4/...}). */
@Path("/crm/v4")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class AssociationResource {

    private final AssociationService service;

    public AssociationResource(AssociationService service) {
        this.service = service;
    }

    @GET
    @Path("/objects/{objectType}/{objectId}/associations/{toObjectType}")
    public Map<String, Object> list(@PathParam("objectType") String objectType, @PathParam("objectId") String objectId,
                                    @PathParam("toObjectType") String toObjectType,
                                    @QueryParam("limit") @DefaultValue("500") int limit, @QueryParam("after") String after) {
        if (limit < 1 || limit > AssociationService.MAX_PAGE) {
            throw HubSpotApiException.validation("limit must be between 1 and " + AssociationService.MAX_PAGE + ".");
        }
        return service.list(type(objectType), objectId, type(toObjectType), limit, after);
    }

    @PUT
    @Path("/objects/{fromObjectType}/{fromObjectId}/associations/default/{toObjectType}/{toObjectId}")
    public Map<String, Object> associateDefault(@PathParam("fromObjectType") String from, @PathParam("fromObjectId") String fromId,
                                                @PathParam("toObjectType") String to, @PathParam("toObjectId") String toId) {
        return service.associateDefault(type(from), fromId, type(to), toId);
    }

    @PUT
    @Path("/objects/{objectType}/{objectId}/associations/{toObjectType}/{toObjectId}")
    public Response associateLabelled(@PathParam("objectType") String from, @PathParam("objectId") String fromId,
                                      @PathParam("toObjectType") String to, @PathParam("toObjectId") String toId,
                                      JsonNode body) {
        return Response.status(201).entity(service.associateLabelled(type(from), fromId, type(to), toId, orEmpty(body))).build();
    }

    @DELETE
    @Path("/objects/{objectType}/{objectId}/associations/{toObjectType}/{toObjectId}")
    public Response remove(@PathParam("objectType") String from, @PathParam("objectId") String fromId,
                           @PathParam("toObjectType") String to, @PathParam("toObjectId") String toId) {
        service.remove(type(from), fromId, type(to), toId);
        return Response.noContent().build();
    }

    @POST
    @Path("/associations/{fromObjectType}/{toObjectType}/batch/read")
    public Map<String, Object> batchRead(@PathParam("fromObjectType") String from, @PathParam("toObjectType") String to,
                                         JsonNode body) {
        return service.batchRead(type(from), type(to), orEmpty(body));
    }

    @GET
    @Path("/associations/{fromObjectType}/{toObjectType}/labels")
    public Map<String, Object> labels(@PathParam("fromObjectType") String from, @PathParam("toObjectType") String to) {
        return service.labels(type(from), type(to));
    }

    @ServerExceptionMapper
    public Response unreadable(WebApplicationException e) {
        return HubSpotExceptionMappers.asHubSpot(e);
    }
}
