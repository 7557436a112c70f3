package dev.ledgerbridge.gateway.rest;

import dev.ledgerbridge.gateway.service.HubSpotInstallation;
import dev.ledgerbridge.gateway.service.QuickBooksAuthorization;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.jboss.resteasy.reactive.RestQuery;

/**
 * The public OAuth callbacks: the vendors send the operator's browser here after the consent page. Public (the browser
 * is outside the cluster); the single-use state, issued by the admin API and stored as a hash, is what protects them.
 */
@Path("/oauth/v1")
@Produces(MediaType.APPLICATION_JSON)
public class OAuthCallbackResource {

    private final QuickBooksAuthorization quickBooks;
    private final HubSpotInstallation hubSpot;

    public OAuthCallbackResource(QuickBooksAuthorization quickBooks, HubSpotInstallation hubSpot) {
        this.quickBooks = quickBooks;
        this.hubSpot = hubSpot;
    }

    /** Intuit's redirect: 200 with the CONNECTED company; 400 with a code for a bad state, a refusal or a bad code. */
    @GET
    @Path("/quickbooks/callback")
    public Uni<ConnectionView> quickBooks(@RestQuery String code, @RestQuery String state, @RestQuery String realmId,
            @RestQuery String error) {
        return quickBooks.complete(code, state, realmId, error).map(ConnectionView::of);
    }

    /** HubSpot's redirect after the app install: 200 with the CONNECTED portal; 400 as for QuickBooks. */
    @GET
    @Path("/hubspot/callback")
    public Uni<HubSpotConnectionView> hubSpot(@RestQuery String code, @RestQuery String state,
            @RestQuery String error) {
        return hubSpot.complete(code, state, error).map(HubSpotConnectionView::of);
    }
}
