package dev.ledgerbridge.catalog.repository;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** HubSpot product to QBO item links per company and portal ({@code product_link}), the first match rule (R10). */
@ApplicationScoped
public class ProductLinkRepository {

    private final Pool pool;

    /** CDI constructor. */
    public ProductLinkRepository(Pool pool) {
        this.pool = pool;
    }

    /** The linked QBO item id of each of {@code productIds} that has a link. */
    public Uni<Map<String, String>> itemIds(String realmId, long portalId, Collection<String> productIds) {
        if (productIds.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        return pool.preparedQuery("SELECT product_id, item_id FROM product_link"
                        + " WHERE realm_id = $1 AND portal_id = $2 AND product_id = ANY($3)")
                .execute(Tuple.of(realmId, portalId, productIds.toArray(String[]::new)))
                .map(rows -> {
                    Map<String, String> links = new HashMap<>();
                    for (Row row : rows) {
                        links.put(row.getString("product_id"), row.getString("item_id"));
                    }
                    return links;
                });
    }

    /** Links each product to its item (a later match replaces an earlier link); {@code links}: product id to item id and rule. */
    public Uni<Void> link(String realmId, long portalId, Map<String, Link> links) {
        if (links.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        List<Tuple> rows = new ArrayList<>(links.size());
        links.forEach((productId, link) -> rows.add(Tuple.of(realmId, portalId, productId, link.itemId(),
                link.linkedBy())));
        return pool.preparedQuery("INSERT INTO product_link (realm_id, portal_id, product_id, item_id, linked_by)"
                        + " VALUES ($1, $2, $3, $4, $5) ON CONFLICT (realm_id, portal_id, product_id) DO UPDATE"
                        + " SET item_id = EXCLUDED.item_id, linked_by = EXCLUDED.linked_by, linked_at = now()"
                        + " WHERE product_link.item_id <> EXCLUDED.item_id")
                .executeBatch(rows)
                .replaceWithVoid();
    }

    /**
     * A link to write.
     *
     * @param itemId   QBO item id
     * @param linkedBy the rule that found it ({@code SKU}, {@code NAME}, {@code CREATED})
     */
    public record Link(String itemId, String linkedBy) {
    }
}
