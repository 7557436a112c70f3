package dev.ledgerbridge.gateway.rest;

import dev.ledgerbridge.gateway.client.HubSpotProductSync;
import dev.ledgerbridge.gateway.client.HubSpotProductSyncClient;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * Admin API for a company's optional product sync to HubSpot (QBO items into a portal's product library), proxied
 * to product-catalog-service.
 */
// TODO(issue 8): admin endpoints require an operator token; until then only the ingress protects them.
@Path("/admin/v1/companies/{realmId}/hubspot-product-sync")
@Produces(MediaType.APPLICATION_JSON)
public class HubSpotProductSyncAdminResource {

    private final HubSpotProductSyncClient catalog;

    public HubSpotProductSyncAdminResource(HubSpotProductSyncClient catalog) {
        this.catalog = catalog;
    }

    /** 200 with the setting and the last run's state; the service's 404 HUBSPOT_PRODUCT_SYNC_NOT_FOUND passed on. */
    @GET
    public Uni<Response> get(@PathParam("realmId") String realmId) {
        String realm = MatchingSettingsAdminResource.requireRealm(realmId);
        return CatalogSettingsAdminResource.passRefusals(catalog.get(realm)
                .map(state -> Response.ok(state).build()));
    }

    /** 200 with the saved setting ({@code {"enabled": true, "portalId": 40213377}}); the service's 400 passed on. */
    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<Response> put(@PathParam("realmId") String realmId, HubSpotProductSync update) {
        HubSpotProductSync body = update == null ? HubSpotProductSync.update(null, null)
                : HubSpotProductSync.update(update.enabled(), update.portalId());
        String realm = MatchingSettingsAdminResource.requireRealm(realmId);
        return CatalogSettingsAdminResource.passRefusals(catalog.put(realm, body)
                .map(state -> Response.ok(state).build()));
    }
}
