package dev.ledgerbridge.gateway.repository;

import dev.ledgerbridge.gateway.ConnectionState;
import dev.ledgerbridge.gateway.QuickBooksConnection;
import dev.ledgerbridge.gateway.StoredTokens;
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

    private static final String COLUMNS = "realm_id, company_name, country, state, state_reason, connected_at, updated_at";

    private final Pool pool;

    public QuickBooksConnectionRepository(Pool pool) {
        this.pool = pool;
    }

    /**
     * Inserts or refreshes the realm as CONNECTED with its current name and country (tokens, if any, stay as they are);
     * emits the stored row.
     */
    public Uni<QuickBooksConnection> upsertConnected(String realmId, String companyName, String country) {
        return pool.preparedQuery("INSERT INTO quickbooks_connection (realm_id, company_name, country, state) "
                        + "VALUES ($1, $2, $3, 'CONNECTED') ON CONFLICT (realm_id) DO UPDATE SET "
                        + "company_name = EXCLUDED.company_name, country = EXCLUDED.country, state = 'CONNECTED', "
                        + "state_reason = NULL, updated_at = now() RETURNING " + COLUMNS)
                .execute(Tuple.of(realmId, companyName, country))
                .onItem().transform(rows -> toConnection(rows.iterator().next()));
    }

    /** The realm's row, or null. */
    public Uni<QuickBooksConnection> findById(String realmId) {
        return pool.preparedQuery("SELECT " + COLUMNS + " FROM quickbooks_connection WHERE realm_id = $1")
                .execute(Tuple.of(realmId))
                .onItem().transform(rows -> rows.iterator().hasNext() ? toConnection(rows.iterator().next()) : null);
    }

    /**
     * Stores the tokens of a realm that just authorised LedgerBridge, as CONNECTING (a new row is named after its realm
     * id until CompanyInfo is read); values are already encrypted.
     */
    public Uni<Void> storeConnecting(String realmId, StoredTokens tokens) {
        return pool.preparedQuery("INSERT INTO quickbooks_connection (realm_id, company_name, state, access_token, "
                        + "access_token_expires_at, refresh_token, refresh_token_expires_at, tokens_refreshed_at) "
                        + "VALUES ($1, $1, 'CONNECTING', $2, $3, $4, $5, now()) ON CONFLICT (realm_id) DO UPDATE SET "
                        + "state = 'CONNECTING', state_reason = NULL, access_token = EXCLUDED.access_token, "
                        + "access_token_expires_at = EXCLUDED.access_token_expires_at, "
                        + "refresh_token = EXCLUDED.refresh_token, "
                        + "refresh_token_expires_at = EXCLUDED.refresh_token_expires_at, tokens_refreshed_at = now(), "
                        + "updated_at = now()")
                .execute(Tuple.of(realmId, tokens.accessToken(), tokens.accessTokenExpiresAt(), tokens.refreshToken(),
                        tokens.refreshTokenExpiresAt()))
                .replaceWithVoid();
    }

    /** Every realm that is not DISCONNECTED (CONNECTED, RECONNECT_NEEDED, CONNECTING), by realm id: the admin list. */
    public Uni<List<QuickBooksConnection>> listKnown() {
        return pool.query("SELECT " + COLUMNS + " FROM quickbooks_connection WHERE state <> 'DISCONNECTED' "
                        + "ORDER BY realm_id")
                .execute()
                .onItem().transform(QuickBooksConnectionRepository::toList);
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
                row.getString("country"), ConnectionState.valueOf(row.getString("state")),
                row.getString("state_reason"), row.getOffsetDateTime("connected_at"), row.getOffsetDateTime("updated_at"));
    }
}
