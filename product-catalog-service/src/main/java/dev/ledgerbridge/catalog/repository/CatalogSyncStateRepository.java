package dev.ledgerbridge.catalog.repository;

import dev.ledgerbridge.catalog.CatalogSyncState;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * Sync state and lease per company in {@code catalog_sync_state}. The lease is a conditional upsert decided by
 * PostgreSQL (row lock plus the database clock), so replicas never sync one company at the same time and a
 * crashed replica's lease lapses on its own.
 */
// Plain SQL on the reactive pool rather than Panache: the lease needs INSERT ... ON CONFLICT ... WHERE ... RETURNING.
@ApplicationScoped
public class CatalogSyncStateRepository {

    private static final String COLUMNS = "realm_id, last_full_load_at, last_cdc_at, item_count, active_item_count,"
            + " last_error, last_error_at, lease_owner, lease_expires_at,"
            + " (lease_owner IS NOT NULL AND lease_expires_at > now()) AS syncing";

    private final Pool pool;

    /** CDI constructor. */
    public CatalogSyncStateRepository(Pool pool) {
        this.pool = pool;
    }

    /** The company's state, or null when it was never synced. */
    public Uni<CatalogSyncState> find(String realmId) {
        return pool.preparedQuery("SELECT " + COLUMNS + " FROM catalog_sync_state WHERE realm_id = $1")
                .execute(Tuple.of(realmId))
                .map(CatalogSyncStateRepository::firstOrNull);
    }

    /** Every company with a state row, in realm order (the scheduled CDC visits them all). */
    public Uni<List<String>> realms() {
        return pool.query("SELECT realm_id FROM catalog_sync_state ORDER BY realm_id").execute()
                .map(rows -> {
                    List<String> realms = new ArrayList<>();
                    rows.forEach(row -> realms.add(row.getString("realm_id")));
                    return realms;
                });
    }

    /** True when the company's mirror has been fully loaded at least once. */
    public Uni<Boolean> isLoaded(String realmId) {
        return pool.preparedQuery("SELECT last_full_load_at IS NOT NULL AS loaded FROM catalog_sync_state"
                        + " WHERE realm_id = $1")
                .execute(Tuple.of(realmId))
                .map(rows -> rows.iterator().hasNext() && rows.iterator().next().getBoolean("loaded"));
    }

    /**
     * Takes the company's lease for {@code owner} until {@code lease} from now, creating the state row if needed.
     * Returns the state with the lease taken, or null when another owner holds an unexpired lease.
     */
    public Uni<CatalogSyncState> claim(String realmId, String owner, Duration lease) {
        // The conflicting row is locked while the WHERE is evaluated, so of two concurrent claims the second sees
        // the first's lease and gets no row back.
        return pool.preparedQuery("INSERT INTO catalog_sync_state AS s (realm_id, lease_owner, lease_expires_at)"
                        + " VALUES ($1, $2, now() + $3 * interval '1 millisecond')"
                        + " ON CONFLICT (realm_id) DO UPDATE SET lease_owner = EXCLUDED.lease_owner,"
                        + " lease_expires_at = EXCLUDED.lease_expires_at"
                        + " WHERE s.lease_owner IS NULL OR s.lease_expires_at <= now()"
                        + " RETURNING " + COLUMNS.replace("realm_id,", "s.realm_id,"))
                .execute(Tuple.of(realmId, owner, lease.toMillis()))
                .map(CatalogSyncStateRepository::firstOrNull);
    }

    /** Extends the owner's lease; false when it has lapsed and someone else took it. */
    public Uni<Boolean> renew(String realmId, String owner, Duration lease) {
        return pool.preparedQuery("UPDATE catalog_sync_state SET lease_expires_at = now() + $3 * interval '1 millisecond'"
                        + " WHERE realm_id = $1 AND lease_owner = $2")
                .execute(Tuple.of(realmId, owner, lease.toMillis()))
                .map(rows -> rows.rowCount() == 1);
    }

    /**
     * Records a successful full load ({@code fullLoad}) or CDC run that started at {@code startedAt}, recounts the
     * mirror, clears the last error and releases the owner's lease. Returns the new state, or null when the owner
     * no longer held the lease (its result is then not recorded).
     */
    public Uni<CatalogSyncState> succeeded(String realmId, String owner, boolean fullLoad, OffsetDateTime startedAt) {
        String column = fullLoad ? "last_full_load_at" : "last_cdc_at";
        return pool.preparedQuery("UPDATE catalog_sync_state SET " + column + " = $3,"
                        + " item_count = (SELECT count(*) FROM catalog_item WHERE realm_id = $1),"
                        + " active_item_count = (SELECT count(*) FROM catalog_item WHERE realm_id = $1 AND active"
                        + " AND type <> 'Category'),"
                        + " last_error = NULL, last_error_at = NULL, lease_owner = NULL, lease_expires_at = NULL"
                        + " WHERE realm_id = $1 AND lease_owner = $2 RETURNING " + COLUMNS)
                .execute(Tuple.of(realmId, owner, startedAt))
                .map(CatalogSyncStateRepository::firstOrNull);
    }

    /** Records a failed run and releases the owner's lease; the mirror keeps what earlier runs loaded. */
    public Uni<CatalogSyncState> failed(String realmId, String owner, String error) {
        String bounded = error == null ? "unknown error" : error.length() > 1000 ? error.substring(0, 1000) : error;
        return pool.preparedQuery("UPDATE catalog_sync_state SET last_error = $3, last_error_at = now(),"
                        + " lease_owner = NULL, lease_expires_at = NULL WHERE realm_id = $1 AND lease_owner = $2"
                        + " RETURNING " + COLUMNS)
                .execute(Tuple.of(realmId, owner, bounded))
                .map(CatalogSyncStateRepository::firstOrNull);
    }

    private static CatalogSyncState firstOrNull(RowSet<Row> rows) {
        if (!rows.iterator().hasNext()) {
            return null;
        }
        Row row = rows.iterator().next();
        return new CatalogSyncState(row.getString("realm_id"), row.getOffsetDateTime("last_full_load_at"),
                row.getOffsetDateTime("last_cdc_at"), row.getInteger("item_count"),
                row.getInteger("active_item_count"), row.getString("last_error"),
                row.getOffsetDateTime("last_error_at"), row.getString("lease_owner"),
                row.getOffsetDateTime("lease_expires_at"), row.getBoolean("syncing"));
    }
}
