package dev.ledgerbridge.gateway.client;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.OffsetDateTime;

/**
 * A company's product sync to HubSpot as product-catalog-service holds it; a PUT body carries only
 * {@code enabled} and {@code portalId}.
 *
 * @param realmId        QBO company id
 * @param enabled        whether mirror runs upsert the company's items into HubSpot's product library
 * @param portalId       the HubSpot portal receiving them
 * @param syncedThrough  start of the last mirror run whose changed items all reached HubSpot, null: never
 * @param lastRunAt      when the last product sync run finished
 * @param productsSynced products the last successful run upserted
 * @param lastError      the last failed run's reason, null after a success
 * @param lastErrorAt    when it failed
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record HubSpotProductSync(String realmId, Boolean enabled, Long portalId, OffsetDateTime syncedThrough,
        OffsetDateTime lastRunAt, Integer productsSynced, String lastError, OffsetDateTime lastErrorAt) {

    /** The body of a PUT. */
    public static HubSpotProductSync update(Boolean enabled, Long portalId) {
        return new HubSpotProductSync(null, enabled, portalId, null, null, null, null, null);
    }
}
