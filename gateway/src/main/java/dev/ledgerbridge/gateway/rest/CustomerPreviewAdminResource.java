package dev.ledgerbridge.gateway.rest;

import dev.ledgerbridge.gateway.service.CustomerPreviewService;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** Admin API: which QBO customer an action would use for a record, with nothing written anywhere (issue 4). */
// TODO(issue 8): operator authentication, like every /admin endpoint.
@Path("/admin/v1/preview/customer")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class CustomerPreviewAdminResource {

    private final CustomerPreviewService previews;

    public CustomerPreviewAdminResource(CustomerPreviewService previews) {
        this.previews = previews;
    }

    /** 200 with the preview (REFUSE included), 400 for an invalid request, 404 when HubSpot has no such deal. */
    @POST
    public Uni<Response> preview(CustomerPreviewRequest request) {
        if (request == null) {
            throw new IllegalArgumentException("The body must name realmId, portalId, objectType and objectId");
        }
        String realmId = MatchingSettingsAdminResource.requireRealm(request.realmId());
        if (request.portalId() == null || request.portalId() <= 0) {
            throw new IllegalArgumentException("portalId must be a positive HubSpot portal id");
        }
        if (!"DEAL".equalsIgnoreCase(request.objectType() == null ? "" : request.objectType().strip())) {
            throw new IllegalArgumentException("objectType must be DEAL: the customer preview explains deals");
        }
        if (request.objectId() == null || !request.objectId().strip().matches("[0-9]{1,32}")) {
            throw new IllegalArgumentException("objectId must be a HubSpot deal id");
        }
        String dealId = request.objectId().strip();
        String choice = request.contactChoice() == null || request.contactChoice().isBlank() ? null
                : request.contactChoice().strip();
        return previews.preview(realmId, request.portalId(), dealId, choice)
                .map(view -> view == null
                        ? Response.status(404).type(MediaType.APPLICATION_JSON).entity(new ErrorBody("RECORD_NOT_FOUND",
                                "Deal " + dealId + " was not found in HubSpot", null)).build()
                        : Response.ok(view).build());
    }
}
