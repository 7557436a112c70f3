package dev.ledgerbridge.catalog.rest;

import dev.ledgerbridge.catalog.service.CatalogMirror;
import dev.ledgerbridge.catalog.service.HubSpotProductSync;
import io.smallrye.mutiny.Uni;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.RestPath;

/** The item mirror of a company: its sync state, and a sync on demand (R13). */
@Path("/v1/catalog/{realmId}")
@Produces(MediaType.APPLICATION_JSON)
public class CatalogResource {

    static final String CATALOG_NOT_FOUND = "CATALOG_NOT_FOUND";
    private static final String REALM_ID = "[0-9]{1,32}";
    private static final String REALM_ID_MESSAGE = "must be a QuickBooks company id (digits only)";

    private final CatalogMirror mirror;
    private final HubSpotProductSync productSync;

    /** CDI constructor. */
    public CatalogResource(CatalogMirror mirror, HubSpotProductSync productSync) {
        this.mirror = mirror;
        this.productSync = productSync;
    }

    /** 200 with the state; 404 CATALOG_NOT_FOUND when the company was never synced. */
    @GET
    public Uni<Response> state(@RestPath @Pattern(regexp = REALM_ID, message = REALM_ID_MESSAGE) String realmId) {
        return mirror.state(realmId)
                .onItem().ifNotNull().transformToUni(state -> productSync.state(realmId)
                        .map(products -> Response.ok(CatalogSyncStateResponse.of(state, products)).build()))
                .onItem().ifNull().continueWith(() -> Response.status(404).type(MediaType.APPLICATION_JSON)
                        .entity(ErrorBody.of(CATALOG_NOT_FOUND, "QuickBooks company " + realmId
                                + " has no product catalog mirror yet. Start one with POST /v1/catalog/" + realmId
                                + "/sync."))
                        .build());
    }

    /**
     * 202 with the state once the sync has started (a full load when never loaded, else CDC); 409
     * SYNC_IN_PROGRESS when another replica holds the company's lease; 422 COMPANY_NOT_CONNECTED.
     */
    @POST
    @Path("/sync")
    public Uni<Response> sync(@RestPath @Pattern(regexp = REALM_ID, message = REALM_ID_MESSAGE) String realmId) {
        return mirror.startSync(realmId)
                .map(state -> Response.accepted(CatalogSyncStateResponse.of(state)).build());
    }
}
