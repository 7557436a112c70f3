package dev.ledgerbridge.gateway.repository;

import dev.ledgerbridge.gateway.QuickBooksConnection;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;

/** The {@code quickbooks_connection} table: connected QBO companies, one row per realm. */
// Plain SQL like the journal: an upsert is one statement, and the gateway keeps a single data-access style.
@ApplicationScoped
public class QuickBooksConnectionRepository {

    private static final String COLUMNS = "realm_id, company_name, country, state, connected_at, updated_at";

    private final Pool pool;

    public QuickBooksConnectionRepository(Pool pool) {
        this.pool = pool;
    }

    /** Inserts or refreshes the realm as CONNECTED with its current name and country; emits the stored row. */
    public Uni<QuickBooksConnection> upsertConnected(String realmId, String companyName, String country) {
        return pool.preparedQuery("INSERT INTO quickbooks_connection (realm_id, company_name, country, state) "
                        + "VALUES ($1, $2, $3, 'CONNECTED') ON CONFLICT (realm_id) DO UPDATE SET "
                        + "company_name = EXCLUDED.company_name, country = EXCLUDED.country, state = 'CONNECTED', "
                        + "updated_at = now() RETURNING " + COLUMNS)
                .execute(Tuple.of(realmId, companyName, country))
                .onItem().transform(rows -> toConnection(rows.iterator().next()));
    }

    /** The realm's row, or null. */
    public Uni<QuickBooksConnection> findById(String realmId) {
        return pool.preparedQuery("SELECT " + COLUMNS + " FROM quickbooks_connection WHERE realm_id = $1")
                .execute(Tuple.of(realmId))
                .onItem().transform(rows -> rows.iterator().hasNext() ? toConnection(rows.iterator().next()) : null);
    }

    /** Every CONNECTED realm, by realm id. */
    public Uni<List<QuickBooksConnection>> listConnected() {
        return pool.query("SELECT " + COLUMNS + " FROM quickbooks_connection WHERE state = 'CONNECTED' "
                        + "ORDER BY realm_id")
                .execute()
                .onItem().transform(QuickBooksConnectionRepository::toList);
    }

    /** Removes every row (tests only need it; the admin API has no delete yet). */
    public Uni<Void> deleteAll() {
        return pool.query("DELETE FROM quickbooks_connection").execute().replaceWithVoid();
    }

    private static List<QuickBooksConnection> toList(RowSet<Row> rows) {
        List<QuickBooksConnection> list = new ArrayList<>();
        rows.forEach(row -> list.add(toConnection(row)));
        return list;
    }

    private static QuickBooksConnection toConnection(Row row) {
        return new QuickBooksConnection(row.getString("realm_id"), row.getString("company_name"),
                row.getString("country"), QuickBooksConnection.ConnectionState.valueOf(row.getString("state")),
                row.getOffsetDateTime("connected_at"), row.getOffsetDateTime("updated_at"));
    }
}
