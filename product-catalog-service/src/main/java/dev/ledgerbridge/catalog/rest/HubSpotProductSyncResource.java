package dev.ledgerbridge.catalog.rest;

import dev.ledgerbridge.catalog.HubSpotProductSyncState;
import dev.ledgerbridge.catalog.service.HubSpotProductSync;
import io.smallrye.mutiny.Uni;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.RestPath;

import java.time.OffsetDateTime;

/** A company's product sync to HubSpot (optional): the setting, and how its last run went. */
@Path("/v1/companies/{realmId}/hubspot-product-sync")
@Produces(MediaType.APPLICATION_JSON)
public class HubSpotProductSyncResource {

    static final String NOT_FOUND = "HUBSPOT_PRODUCT_SYNC_NOT_FOUND";
    private static final String REALM_ID = "[0-9]{1,32}";
    private static final String REALM_ID_MESSAGE = "must be a QuickBooks company id (digits only)";

    private final HubSpotProductSync productSync;

    /** CDI constructor. */
    public HubSpotProductSyncResource(HubSpotProductSync productSync) {
        this.productSync = productSync;
    }

    /** 200 with the setting and state; 404 HUBSPOT_PRODUCT_SYNC_NOT_FOUND when never configured (the sync is off). */
    @GET
    public Uni<Response> get(@RestPath @Pattern(regexp = REALM_ID, message = REALM_ID_MESSAGE) String realmId) {
        return productSync.state(realmId)
                .onItem().ifNotNull().transform(state -> Response.ok(Body.of(state)).build())
                .onItem().ifNull().continueWith(() -> Response.status(404).type(MediaType.APPLICATION_JSON)
                        .entity(ErrorBody.of(NOT_FOUND, "QuickBooks company " + realmId + " has no product sync to"
                                + " HubSpot configured: its items are not sent to HubSpot."))
                        .build());
    }

    /** 200 with the saved setting; the items go with the company's next mirror run (scheduled or POST sync). */
    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<Body> put(@RestPath @Pattern(regexp = REALM_ID, message = REALM_ID_MESSAGE) String realmId,
            @NotNull(message = "a JSON body is required") @Valid Update update) {
        return productSync.configure(realmId, update.enabled(), update.portalId()).map(Body::of);
    }

    /**
     * Body of the PUT.
     *
     * @param enabled  whether mirror runs upsert the company's items into HubSpot
     * @param portalId the HubSpot portal (hub id) whose product library receives them
     */
    public record Update(@NotNull Boolean enabled, @NotNull @Positive Long portalId) {
    }

    /**
     * The setting and state as shown.
     *
     * @param realmId        QBO company id
     * @param enabled        whether the sync is on
     * @param portalId       target HubSpot portal
     * @param syncedThrough  start of the last mirror run whose changed items all reached HubSpot, null: never
     * @param lastRunAt      when the last product sync run finished
     * @param productsSynced products the last successful run upserted
     * @param lastError      the last failed run's reason (cleared by the next success); retried by the next run
     * @param lastErrorAt    when it failed
     */
    public record Body(String realmId, boolean enabled, long portalId, OffsetDateTime syncedThrough,
            OffsetDateTime lastRunAt, int productsSynced, String lastError, OffsetDateTime lastErrorAt) {

        static Body of(HubSpotProductSyncState state) {
            return new Body(state.realmId(), state.enabled(), state.portalId(), state.syncedThrough(),
                    state.lastRunAt(), state.productsSynced(), state.lastError(), state.lastErrorAt());
        }
    }
}
