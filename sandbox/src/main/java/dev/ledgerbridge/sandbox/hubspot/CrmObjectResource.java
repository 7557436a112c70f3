package dev.ledgerbridge.sandbox.hubspot;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import jakarta.ws.rs.Consumes;
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

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** HubSpot CRM v3 objects API ({@code /crm/v3/objects/{objectType}}) for every seeded object type. */
@Path("/crm/v3/objects/{objectType}")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class CrmObjectResource {

    private final CrmObjectService service;
    private final CrmUpsertService upserts;

    public CrmObjectResource(CrmObjectService service, CrmUpsertService upserts) {
        this.service = service;
        this.upserts = upserts;
    }

    @GET
    public Map<String, Object> list(@PathParam("objectType") String objectType,
                                    @QueryParam("limit") @DefaultValue("10") int limit,
                                    @QueryParam("after") String after,
                                    @QueryParam("properties") List<String> properties,
                                    @QueryParam("associations") List<String> associations) {
        if (limit < 1 || limit > 100) {
            throw HubSpotApiException.validation("limit must be between 1 and 100.");
        }
        return service.list(type(objectType), limit, after, split(properties), split(associations));
    }

    @GET
    @Path("/{objectId}")
    public Map<String, Object> read(@PathParam("objectType") String objectType, @PathParam("objectId") String objectId,
                                    @QueryParam("properties") List<String> properties,
                                    @QueryParam("associations") List<String> associations,
                                    @QueryParam("archived") @DefaultValue("false") boolean archived) {
        HubSpotObjectType type = type(objectType);
        Map<String, Object> view = archived ? null : service.read(type, objectId, split(properties), split(associations));
        if (view == null) {
            throw notFound(objectId);
        }
        return view;
    }

    @POST
    public Response create(@PathParam("objectType") String objectType, JsonNode body) {
        return Response.status(201).entity(service.create(type(objectType), orEmpty(body))).build();
    }

    @PATCH
    @Path("/{objectId}")
    public Map<String, Object> update(@PathParam("objectType") String objectType, @PathParam("objectId") String objectId,
                                      JsonNode body) {
        Map<String, Object> view = service.update(type(objectType), objectId, orEmpty(body));
        if (view == null) {
            throw notFound(objectId);
        }
        return view;
    }

    @POST
    @Path("/batch/read")
    public Response batchRead(@PathParam("objectType") String objectType, JsonNode body) {
        CrmObjectService.BatchResult result = service.batchRead(type(objectType), orEmpty(body));
        return Response.status(result.partial() ? 207 : 200).entity(result.body()).build();
    }

    /** Update many by id (or idProperty); 207 with the unknown ids when some do not exist. */
    @POST
    @Path("/batch/update")
    public Response batchUpdate(@PathParam("objectType") String objectType, JsonNode body) {
        CrmObjectService.BatchResult result = service.batchUpdate(type(objectType), orEmpty(body));
        return Response.status(result.partial() ? 207 : 200).entity(result.body()).build();
    }

    /** Create or update by a unique-value property ({@code idProperty} per input); 400 for any refused input. */
    @POST
    @Path("/batch/upsert")
    public Map<String, Object> batchUpsert(@PathParam("objectType") String objectType, JsonNode body) {
        return upserts.upsert(type(objectType), orEmpty(body));
    }

    @POST
    @Path("/search")
    public Map<String, Object> search(@PathParam("objectType") String objectType, JsonNode body) {
        return service.search(type(objectType), orEmpty(body));
    }

    static HubSpotObjectType type(String name) {
        return HubSpotObjectType.parse(name)
                .orElseThrow(() -> HubSpotApiException.validation("Unable to infer object type from: " + name));
    }

    private static HubSpotApiException notFound(String id) {
        return HubSpotApiException.notFound("Object not found.  objectId are usually numeric. (id " + id + ")");
    }

    static JsonNode orEmpty(JsonNode body) {
        return body == null ? JsonNodeFactory.instance.objectNode() : body;
    }

    /** Accepts both {@code ?properties=a,b} and repeated {@code ?properties=a&properties=b}. */
    static List<String> split(List<String> values) {
        List<String> out = new ArrayList<>();
        if (values != null) {
            for (String v : values) {
                for (String part : v.split(",")) {
                    if (!part.isBlank()) {
                        out.add(part.trim());
                    }
                }
            }
        }
        return out;
    }

    @ServerExceptionMapper
    public Response unreadable(WebApplicationException e) {
        return HubSpotExceptionMappers.asHubSpot(e);
    }
}
