package dev.ledgerbridge.catalog.repository;

import dev.ledgerbridge.catalog.HubSpotProductSyncState;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/** Setting and progress of each company's product sync to HubSpot ({@code hubspot_product_sync}). */
@ApplicationScoped
public class HubSpotProductSyncRepository {

    private static final String COLUMNS = "realm_id, enabled, portal_id, synced_through, last_run_at,"
            + " products_synced, last_error, last_error_at";

    private final Pool pool;

    /** CDI constructor. */
    public HubSpotProductSyncRepository(Pool pool) {
        this.pool = pool;
    }

    /** The company's row, or null when the sync was never configured. */
    public Uni<HubSpotProductSyncState> find(String realmId) {
        return pool.preparedQuery("SELECT " + COLUMNS + " FROM hubspot_product_sync WHERE realm_id = $1")
                .execute(Tuple.of(realmId))
                .map(rows -> first(rows));
    }

    /** Every company's row, for the metrics. */
    public Uni<List<HubSpotProductSyncState>> all() {
        return pool.query("SELECT " + COLUMNS + " FROM hubspot_product_sync").execute().map(rows -> {
            List<HubSpotProductSyncState> out = new ArrayList<>();
            rows.forEach(row -> out.add(map(row)));
            return out;
        });
    }

    /**
     * Saves the setting. Another portal starts over (its product library has none of the items yet); the same
     * portal keeps its progress, so switching the sync off and on again sends only what changed meanwhile.
     */
    public Uni<HubSpotProductSyncState> save(String realmId, boolean enabled, long portalId) {
        return pool.preparedQuery("INSERT INTO hubspot_product_sync (realm_id, enabled, portal_id) VALUES ($1, $2, $3)"
                        + " ON CONFLICT (realm_id) DO UPDATE SET enabled = EXCLUDED.enabled,"
                        + " portal_id = EXCLUDED.portal_id, updated_at = now(),"
                        + " synced_through = CASE WHEN hubspot_product_sync.portal_id = EXCLUDED.portal_id"
                        + " THEN hubspot_product_sync.synced_through END"
                        + " RETURNING " + COLUMNS)
                .execute(Tuple.of(realmId, enabled, portalId))
                .map(rows -> first(rows));
    }

    /** Records a successful run: everything mirrored up to {@code syncedThrough} is in HubSpot. */
    public Uni<HubSpotProductSyncState> succeeded(String realmId, OffsetDateTime syncedThrough, int productsSynced) {
        return pool.preparedQuery("UPDATE hubspot_product_sync SET synced_through = $2, products_synced = $3,"
                        + " last_run_at = now(), last_error = NULL, last_error_at = NULL WHERE realm_id = $1"
                        + " RETURNING " + COLUMNS)
                .execute(Tuple.of(realmId, syncedThrough, productsSynced))
                .map(rows -> first(rows));
    }

    /** Records a failed run; {@code synced_through} stays, so the next run sends the same items again. */
    public Uni<HubSpotProductSyncState> failed(String realmId, String error) {
        return pool.preparedQuery("UPDATE hubspot_product_sync SET last_run_at = now(), last_error = $2,"
                        + " last_error_at = now() WHERE realm_id = $1 RETURNING " + COLUMNS)
                .execute(Tuple.of(realmId, error))
                .map(rows -> first(rows));
    }

    /**
     * Active, sellable items of the company mirrored after {@code since} (all of them when null), in id order:
     * what the next product sync sends.
     */
    public Uni<List<SyncItem>> itemsMirroredAfter(String realmId, OffsetDateTime since) {
        return pool.preparedQuery("SELECT item_id, name, sku, unit_price FROM catalog_item WHERE realm_id = $1"
                        + " AND active AND type <> 'Category' AND ($2::timestamptz IS NULL OR mirrored_at > $2)"
                        + " ORDER BY item_id")
                .execute(Tuple.of(realmId, since))
                .map(rows -> {
                    List<SyncItem> out = new ArrayList<>();
                    rows.forEach(row -> out.add(new SyncItem(row.getString("item_id"), row.getString("name"),
                            row.getString("sku"), row.getBigDecimal("unit_price"))));
                    return out;
                });
    }

    /**
     * An item to upsert as a HubSpot product.
     *
     * @param itemId    QBO item id (the product's {@code qbo_item_id})
     * @param name      QBO {@code Name}
     * @param sku       QBO {@code Sku}, null when none
     * @param unitPrice QBO {@code UnitPrice}, null when none
     */
    public record SyncItem(String itemId, String name, String sku, BigDecimal unitPrice) {
    }

    private static HubSpotProductSyncState first(RowSet<Row> rows) {
        return rows.iterator().hasNext() ? map(rows.iterator().next()) : null;
    }

    private static HubSpotProductSyncState map(Row row) {
        return new HubSpotProductSyncState(row.getString("realm_id"), row.getBoolean("enabled"),
                row.getLong("portal_id"), row.getOffsetDateTime("synced_through"),
                row.getOffsetDateTime("last_run_at"), row.getInteger("products_synced"), row.getString("last_error"),
                row.getOffsetDateTime("last_error_at"));
    }
}
