package dev.ledgerbridge.gateway.rest;

import dev.ledgerbridge.gateway.service.AuthorizationStart;
import dev.ledgerbridge.gateway.service.HubSpotInstallation;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;

/** Admin API for HubSpot portals: start the app install, list, show, uninstall. */
@Path("/admin/v1/connections/hubspot")
@Produces(MediaType.APPLICATION_JSON)
public class HubSpotConnectionAdminResource {

    private final HubSpotInstallation installation;

    public HubSpotConnectionAdminResource(HubSpotInstallation installation) {
        this.installation = installation;
    }

    /** Starts an install: 200 with HubSpot's {@code authorizeUrl} (the portal is chosen there) and the state's expiry. */
    @POST
    @Path("/installations")
    public Uni<AuthorizationStart> install(@Context UriInfo uri) {
        return installation.start(uri.getBaseUri());
    }

    /** Every portal that is not DISCONNECTED, with its state. */
    @GET
    public Uni<List<HubSpotConnectionView>> list() {
        return installation.list().map(all -> all.stream().map(HubSpotConnectionView::of).toList());
    }

    /** One portal in any state; 404 when unknown. */
    @GET
    @Path("/{portalId}")
    public Uni<Response> get(@PathParam("portalId") String portalId) {
        return installation.find(portalId)
                .onItem().ifNotNull().transform(c -> Response.ok(HubSpotConnectionView.of(c)).build())
                .replaceIfNullWith(() -> notFound(portalId));
    }

    /** Uninstalls: deletes the refresh token at HubSpot, wipes the tokens; 200 DISCONNECTED, 404 when unknown. */
    @DELETE
    @Path("/{portalId}")
    public Uni<Response> uninstall(@PathParam("portalId") String portalId) {
        return installation.disconnect(portalId)
                .onItem().ifNotNull().transform(c -> Response.ok(HubSpotConnectionView.of(c)).build())
                .replaceIfNullWith(() -> notFound(portalId));
    }

    private static Response notFound(String portalId) {
        return Response.status(Response.Status.NOT_FOUND).type(MediaType.APPLICATION_JSON)
                .entity(new ErrorBody("PORTAL_NOT_CONNECTED", "HubSpot portal " + portalId + " is not known"))
                .build();
    }
}
