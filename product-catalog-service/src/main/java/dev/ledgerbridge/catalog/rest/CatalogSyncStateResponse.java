package dev.ledgerbridge.catalog.rest;

import dev.ledgerbridge.catalog.CatalogSyncState;
import dev.ledgerbridge.catalog.HubSpotProductSyncState;

import java.time.OffsetDateTime;

/**
 * Answer of {@code GET /v1/catalog/{realmId}} and {@code POST /v1/catalog/{realmId}/sync}: the mirror's state.
 *
 * @param realmId         QBO company id
 * @param status          {@code SYNCING} (a replica holds the lease), {@code LOADED} or {@code NOT_LOADED}
 * @param lastFullLoadAt  start of the last successful full load, null when never loaded
 * @param lastCdcAt       start of the last successful CDC run, null when none
 * @param itemCount       items mirrored, active or not
 * @param activeItemCount items line items can match
 * @param lastError       what the last failed run reported, null after a success
 * @param lastErrorAt     when it failed
 * @param leaseExpiresAt  while syncing: when the holder's lease lapses unless renewed
 * @param hubspotProductSync the product sync to HubSpot, null when never configured
 */
public record CatalogSyncStateResponse(String realmId, String status, OffsetDateTime lastFullLoadAt,
        OffsetDateTime lastCdcAt, int itemCount, int activeItemCount, String lastError, OffsetDateTime lastErrorAt,
        OffsetDateTime leaseExpiresAt, HubSpotProductSyncResource.Body hubspotProductSync) {

    /** Maps the state; the lease owner stays internal. */
    static CatalogSyncStateResponse of(CatalogSyncState state) {
        return of(state, null);
    }

    /** Maps the state with the company's product sync state (null when never configured). */
    static CatalogSyncStateResponse of(CatalogSyncState state, HubSpotProductSyncState productSync) {
        String status = state.syncing() ? "SYNCING" : state.loaded() ? "LOADED" : "NOT_LOADED";
        return new CatalogSyncStateResponse(state.realmId(), status, state.lastFullLoadAt(), state.lastCdcAt(),
                state.itemCount(), state.activeItemCount(), state.lastError(), state.lastErrorAt(),
                state.syncing() ? state.leaseExpiresAt() : null,
                productSync == null ? null : HubSpotProductSyncResource.Body.of(productSync));
    }
}
