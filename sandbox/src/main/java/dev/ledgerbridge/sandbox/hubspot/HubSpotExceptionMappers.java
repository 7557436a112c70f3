package dev.ledgerbridge.sandbox.hubspot;

import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Turns sandbox HubSpot failures into HubSpot's error body, in one place. */
public class HubSpotExceptionMappers {

    @ServerExceptionMapper
    public Response map(HubSpotApiException e) {
        return HubSpotError.response(e.status(), e.category(), e.getMessage());
    }
}
