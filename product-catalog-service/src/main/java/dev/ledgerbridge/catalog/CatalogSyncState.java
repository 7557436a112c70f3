package dev.ledgerbridge.catalog;

import java.time.OffsetDateTime;

/**
 * The mirror's sync state of one company (table {@code catalog_sync_state}).
 *
 * @param realmId         QBO company id
 * @param lastFullLoadAt  start of the last successful full load, null when never loaded
 * @param lastCdcAt       start of the last successful CDC run, null when none
 * @param itemCount       items in the mirror, active or not
 * @param activeItemCount items the resolver can match
 * @param lastError       what the last failed run reported, null after a success
 * @param lastErrorAt     when it failed
 * @param leaseOwner      the replica run holding the lease, null when free
 * @param leaseExpiresAt  when that lease lapses
 * @param syncing         a lease is held and has not lapsed (decided by the database clock)
 */
public record CatalogSyncState(String realmId, OffsetDateTime lastFullLoadAt, OffsetDateTime lastCdcAt,
        int itemCount, int activeItemCount, String lastError, OffsetDateTime lastErrorAt, String leaseOwner,
        OffsetDateTime leaseExpiresAt, boolean syncing) {

    /** The mirror has been fully loaded at least once, so matching may read it instead of QBO. */
    public boolean loaded() {
        return lastFullLoadAt != null;
    }

    /** The time the mirror is known to be current as of: the later of the last full load and the last CDC run. */
    public OffsetDateTime syncedThrough() {
        if (lastCdcAt == null) {
            return lastFullLoadAt;
        }
        return lastFullLoadAt == null || lastCdcAt.isAfter(lastFullLoadAt) ? lastCdcAt : lastFullLoadAt;
    }
}
