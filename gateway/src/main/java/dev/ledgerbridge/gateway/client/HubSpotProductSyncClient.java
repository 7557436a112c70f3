package dev.ledgerbridge.gateway.client;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.temporal.ChronoUnit;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/** Client of product-catalog-service's product sync to HubSpot setting, for the gateway's admin API. */
@ApplicationScoped
public class HubSpotProductSyncClient {

    private final HubSpotProductSyncApi api;

    public HubSpotProductSyncClient(@RestClient HubSpotProductSyncApi api) {
        this.api = api;
    }

    /** The setting and its state; fails with {@link ServiceRefusalException} (404 HUBSPOT_PRODUCT_SYNC_NOT_FOUND). */
    @Timeout(value = 10, unit = ChronoUnit.SECONDS)
    public Uni<HubSpotProductSync> get(String realmId) {
        return api.get(realmId);
    }

    /** Saves the setting ({@code enabled}, {@code portalId}); fails with {@link ServiceRefusalException} on a 400. */
    @Timeout(value = 10, unit = ChronoUnit.SECONDS)
    public Uni<HubSpotProductSync> put(String realmId, HubSpotProductSync update) {
        return api.put(realmId, update);
    }
}
