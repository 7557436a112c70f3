package dev.ledgerbridge.catalog;

import java.time.OffsetDateTime;

/**
 * A company's product sync to HubSpot: the setting and how the last runs went.
 *
 * @param realmId        QBO company id
 * @param enabled        whether mirror runs upsert the company's items into HubSpot
 * @param portalId       the HubSpot portal whose product library receives them
 * @param syncedThrough  start of the last mirror run whose changed items all reached HubSpot; null: never
 * @param lastRunAt      when the last product sync run finished (successful or not)
 * @param productsSynced products the last successful run upserted
 * @param lastError      the last failed run's reason, null after a success
 * @param lastErrorAt    when it failed
 */
public record HubSpotProductSyncState(String realmId, boolean enabled, long portalId, OffsetDateTime syncedThrough,
        OffsetDateTime lastRunAt, int productsSynced, String lastError, OffsetDateTime lastErrorAt) {
}
