package dev.ledgerbridge.catalog.repository;

import dev.ledgerbridge.catalog.CatalogSettings;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

/** Each company's catalog settings ({@code catalog_settings}). */
@ApplicationScoped
public class CatalogSettingsRepository {

    private final Pool pool;

    /** CDI constructor. */
    public CatalogSettingsRepository(Pool pool) {
        this.pool = pool;
    }

    /** The company's settings, or null when none were saved. */
    public Uni<CatalogSettings> find(String realmId) {
        return pool.preparedQuery("SELECT realm_id, item_type, income_account_id, income_account_name"
                        + " FROM catalog_settings WHERE realm_id = $1")
                .execute(Tuple.of(realmId))
                .map(rows -> {
                    if (!rows.iterator().hasNext()) {
                        return null;
                    }
                    Row row = rows.iterator().next();
                    return new CatalogSettings(row.getString("realm_id"), row.getString("item_type"),
                            row.getString("income_account_id"), row.getString("income_account_name"));
                });
    }

    /** Saves (inserts or replaces) the settings. */
    public Uni<CatalogSettings> save(CatalogSettings settings) {
        return pool.preparedQuery("INSERT INTO catalog_settings (realm_id, item_type, income_account_id,"
                        + " income_account_name) VALUES ($1, $2, $3, $4) ON CONFLICT (realm_id) DO UPDATE"
                        + " SET item_type = EXCLUDED.item_type, income_account_id = EXCLUDED.income_account_id,"
                        + " income_account_name = EXCLUDED.income_account_name, updated_at = now()")
                .execute(Tuple.of(settings.realmId(), settings.itemType(), settings.incomeAccountId(),
                        settings.incomeAccountName()))
                .replaceWith(settings);
    }
}
