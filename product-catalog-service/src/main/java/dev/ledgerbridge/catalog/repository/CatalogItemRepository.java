package dev.ledgerbridge.catalog.repository;

import dev.ledgerbridge.catalog.CatalogItem;
import dev.ledgerbridge.catalog.MatchKey;
import dev.ledgerbridge.catalog.MirrorItem;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * The mirror of QBO items ({@code catalog_item}): upserts from loads and CDC, and the matchable (active, not
 * Category) items by normalised SKU or name.
 */
// Plain SQL on the reactive pool: a page of 1000 upserts goes as one pipelined batch, which Panache cannot express.
@ApplicationScoped
public class CatalogItemRepository {

    private static final String MATCHABLE_COLUMNS = "SELECT item_id, name, sku, type FROM catalog_item"
            + " WHERE realm_id = $1 AND active AND type <> 'Category' AND ";

    private final Pool pool;

    /** CDI constructor. */
    public CatalogItemRepository(Pool pool) {
        this.pool = pool;
    }

    /** Inserts or replaces the items (name_key and sku_key via {@link MatchKey}), stamped {@code mirroredAt}. */
    public Uni<Void> upsert(String realmId, List<MirrorItem> items, OffsetDateTime mirroredAt) {
        if (items.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        List<Tuple> rows = new ArrayList<>(items.size());
        for (MirrorItem item : items) {
            String nameKey = MatchKey.of(item.name());
            rows.add(Tuple.tuple().addString(realmId).addString(item.itemId()).addString(item.name())
                    .addString(nameKey == null ? "" : nameKey).addString(item.sku()).addString(MatchKey.of(item.sku()))
                    .addString(item.type()).addValue(item.unitPrice()).addBoolean(item.taxable())
                    .addBoolean(item.active()).addString(item.syncToken())
                    .addValue(item.lastUpdatedTime()).addValue(mirroredAt));
        }
        return pool.withTransaction(connection -> connection.preparedQuery("INSERT INTO catalog_item (realm_id,"
                        + " item_id, name, name_key, sku, sku_key, type, unit_price, taxable, active, sync_token,"
                        + " last_updated_time, mirrored_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)"
                        + " ON CONFLICT (realm_id, item_id) DO UPDATE SET name = EXCLUDED.name,"
                        + " name_key = EXCLUDED.name_key, sku = EXCLUDED.sku, sku_key = EXCLUDED.sku_key,"
                        + " type = EXCLUDED.type, unit_price = EXCLUDED.unit_price, taxable = EXCLUDED.taxable,"
                        + " active = EXCLUDED.active, sync_token = EXCLUDED.sync_token,"
                        + " last_updated_time = EXCLUDED.last_updated_time, mirrored_at = EXCLUDED.mirrored_at")
                .executeBatch(rows))
                .replaceWithVoid();
    }

    /** Removes items QBO reported deleted; returns how many rows went. */
    public Uni<Integer> delete(String realmId, Collection<String> itemIds) {
        if (itemIds.isEmpty()) {
            return Uni.createFrom().item(0);
        }
        return pool.preparedQuery("DELETE FROM catalog_item WHERE realm_id = $1 AND item_id = ANY($2)")
                .execute(Tuple.of(realmId, itemIds.toArray(String[]::new)))
                .map(RowSet::rowCount);
    }

    /** Removes the rows a full load that started at {@code loadStartedAt} did not see; returns how many. */
    public Uni<Integer> deleteNotMirroredSince(String realmId, OffsetDateTime loadStartedAt) {
        return pool.preparedQuery("DELETE FROM catalog_item WHERE realm_id = $1 AND mirrored_at < $2")
                .execute(Tuple.of(realmId, loadStartedAt))
                .map(RowSet::rowCount);
    }

    /** Matchable items whose SKU key is one of {@code keys}. */
    public Uni<List<CatalogItem>> matchableBySkuKeys(String realmId, Collection<String> keys) {
        return matchable(MATCHABLE_COLUMNS + "sku_key = ANY($2)", realmId, keys);
    }

    /** Matchable items with one of the QBO ids {@code itemIds}. */
    public Uni<List<CatalogItem>> matchableByIds(String realmId, Collection<String> itemIds) {
        return matchable(MATCHABLE_COLUMNS + "item_id = ANY($2)", realmId, itemIds);
    }

    /** Matchable items whose name key is one of {@code keys}. */
    public Uni<List<CatalogItem>> matchableByNameKeys(String realmId, Collection<String> keys) {
        return matchable(MATCHABLE_COLUMNS + "name_key = ANY($2)", realmId, keys);
    }

    /** One mirrored item, active or not, or null (for tests and diagnostics). */
    public Uni<MirrorItem> find(String realmId, String itemId) {
        return pool.preparedQuery("SELECT item_id, name, sku, type, unit_price, taxable, active, sync_token,"
                        + " last_updated_time FROM catalog_item WHERE realm_id = $1 AND item_id = $2")
                .execute(Tuple.of(realmId, itemId))
                .map(rows -> {
                    if (!rows.iterator().hasNext()) {
                        return null;
                    }
                    Row row = rows.iterator().next();
                    return new MirrorItem(row.getString("item_id"), row.getString("name"), row.getString("sku"),
                            row.getString("type"), row.getBigDecimal("unit_price"), row.getBoolean("taxable"),
                            row.getBoolean("active"), row.getString("sync_token"),
                            row.getOffsetDateTime("last_updated_time"));
                });
    }

    private Uni<List<CatalogItem>> matchable(String sql, String realmId, Collection<String> keys) {
        if (keys.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return pool.preparedQuery(sql + " ORDER BY item_id")
                .execute(Tuple.of(realmId, keys.toArray(String[]::new)))
                .map(rows -> {
                    List<CatalogItem> items = new ArrayList<>();
                    for (Row row : rows) {
                        items.add(new CatalogItem(row.getString("item_id"), row.getString("name"),
                                row.getString("sku"), row.getString("type")));
                    }
                    return items;
                });
    }
}
