package dev.ledgerbridge.gateway.client;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.temporal.ChronoUnit;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/** Client of product-catalog-service's catalog settings, for the gateway's admin API (R12). */
@ApplicationScoped
public class CatalogSettingsClient {

    private final CatalogSettingsApi api;

    public CatalogSettingsClient(@RestClient CatalogSettingsApi api) {
        this.api = api;
    }

    /** The settings; fails with {@link ServiceRefusalException} (404 CATALOG_SETTINGS_NOT_FOUND) when none exist. */
    @Timeout(value = 10, unit = ChronoUnit.SECONDS)
    public Uni<CatalogSettings> get(String realmId) {
        return api.get(realmId);
    }

    /** Saves the settings; fails with {@link ServiceRefusalException} (422 INVALID_CATALOG_SETTINGS, 400) when refused. */
    @Timeout(value = 10, unit = ChronoUnit.SECONDS)
    public Uni<CatalogSettings> put(String realmId, CatalogSettingsUpdate update) {
        return api.put(realmId, update);
    }
}
