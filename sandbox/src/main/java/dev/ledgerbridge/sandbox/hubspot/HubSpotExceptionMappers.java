package dev.ledgerbridge.sandbox.hubspot;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Turns sandbox HubSpot failures into HubSpot's error body, in one place. */
public class HubSpotExceptionMappers {

    @ServerExceptionMapper
    public Response map(HubSpotApiException e) {
        return HubSpotError.response(e.status(), e.category(), e.getMessage());
    }

    /**
     * Framework errors (unreadable JSON body, wrong media type) in HubSpot's format. Used from class-local
     * mappers of the HubSpot resources (and the sandbox's workflow API) only, so the QBO half keeps its own error format.
     */
    public static Response asHubSpot(WebApplicationException e) {
        int status = e.getResponse() == null ? 400 : e.getResponse().getStatus();
        String category = status == 415 || status == 400 ? "VALIDATION_ERROR" : status == 404 ? "OBJECT_NOT_FOUND" : "ERROR";
        String message = status == 400 ? "Invalid input JSON: the request body could not be read." : e.getMessage();
        return HubSpotError.response(status, category, message);
    }
}
