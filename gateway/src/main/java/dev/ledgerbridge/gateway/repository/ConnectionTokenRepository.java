package dev.ledgerbridge.gateway.repository;

import dev.ledgerbridge.gateway.ConnectionState;
import dev.ledgerbridge.gateway.ConnectionVendor;
import dev.ledgerbridge.gateway.StoredTokens;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;

/**
 * The token columns of both connection tables ({@code quickbooks_connection}, {@code hubspot_connection}): reading
 * them, the per-connection row lock refreshes run under, and wiping them. Table and column names come from
 * {@link ConnectionVendor} (constants); every value is a bind parameter.
 */
@ApplicationScoped
public class ConnectionTokenRepository {

    private static final String TOKEN_COLUMNS = "state, state_reason, access_token, access_token_expires_at, "
            + "refresh_token, refresh_token_expires_at";

    private final Pool pool;

    public ConnectionTokenRepository(Pool pool) {
        this.pool = pool;
    }

    /** A connection's state and stored tokens. */
    public record TokenRow(ConnectionState state, String stateReason, StoredTokens tokens) {

        /** Whether an access token is stored at all (a pre-authorised connection has none). */
        public boolean hasAccessToken() {
            return tokens.accessToken() != null;
        }
    }

    /** The connection's state and tokens, or null when there is no row. */
    public Uni<TokenRow> find(ConnectionVendor vendor, String id) {
        return pool.preparedQuery("SELECT " + TOKEN_COLUMNS + " FROM " + vendor.table() + " WHERE "
                        + vendor.idColumn() + " = $1")
                .execute(Tuple.of(id))
                .map(rows -> rows.iterator().hasNext() ? toRow(rows.iterator().next()) : null);
    }

    /**
     * Runs {@code work} in a transaction that holds the connection row's lock ({@code SELECT ... FOR UPDATE}): every
     * gateway replica that wants to refresh the same connection waits here for the one before it, so only one refresh
     * token is ever sent. {@code work} gets the row as it is once the lock is held (null when there is none) and the
     * connection to write with; the transaction commits when its Uni succeeds and rolls back when it fails.
     */
    public <T> Uni<T> withLockedRow(ConnectionVendor vendor, String id,
            BiFunction<SqlConnection, TokenRow, Uni<T>> work) {
        return pool.withTransaction(connection -> connection.preparedQuery("SELECT " + TOKEN_COLUMNS + " FROM "
                        + vendor.table() + " WHERE " + vendor.idColumn() + " = $1 FOR UPDATE")
                .execute(Tuple.of(id))
                .chain(rows -> work.apply(connection, rows.iterator().hasNext() ? toRow(rows.iterator().next()) : null)));
    }

    /** Replaces both tokens after a refresh (within the lock's transaction). */
    public Uni<Void> updateTokens(SqlClient client, ConnectionVendor vendor, String id, StoredTokens tokens) {
        return client.preparedQuery("UPDATE " + vendor.table() + " SET access_token = $2, access_token_expires_at = $3, "
                        + "refresh_token = $4, refresh_token_expires_at = $5, tokens_refreshed_at = now(), "
                        + "updated_at = now() WHERE " + vendor.idColumn() + " = $1")
                .execute(Tuple.of(id, tokens.accessToken(), tokens.accessTokenExpiresAt(), tokens.refreshToken(),
                        tokens.refreshTokenExpiresAt()))
                .replaceWithVoid();
    }

    /** Marks the connection RECONNECT_NEEDED with the reason and wipes its tokens (the vendor no longer honours them). */
    public Uni<Void> markReconnectNeeded(SqlClient client, ConnectionVendor vendor, String id, String reason) {
        return client.preparedQuery("UPDATE " + vendor.table() + " SET state = 'RECONNECT_NEEDED', state_reason = $2, "
                        + "access_token = NULL, access_token_expires_at = NULL, refresh_token = NULL, "
                        + "refresh_token_expires_at = NULL, updated_at = now() WHERE " + vendor.idColumn() + " = $1")
                .execute(Tuple.of(id, reason))
                .replaceWithVoid();
    }

    /** Marks the connection DISCONNECTED and wipes its tokens; false when there is no row. */
    public Uni<Boolean> disconnect(ConnectionVendor vendor, String id, String reason) {
        return pool.preparedQuery("UPDATE " + vendor.table() + " SET state = 'DISCONNECTED', state_reason = $2, "
                        + "access_token = NULL, access_token_expires_at = NULL, refresh_token = NULL, "
                        + "refresh_token_expires_at = NULL, updated_at = now() WHERE " + vendor.idColumn() + " = $1")
                .execute(Tuple.of(id, reason))
                .map(rows -> rows.rowCount() > 0);
    }

    /** A connection's encrypted tokens, for re-encryption under a new key. */
    public record EncryptedRow(String id, String accessToken, String refreshToken) {
    }

    /** Every row of the vendor that holds a token. */
    public Uni<List<EncryptedRow>> encryptedRows(ConnectionVendor vendor) {
        return pool.query("SELECT " + vendor.idColumn() + " AS id, access_token, refresh_token FROM " + vendor.table()
                        + " WHERE access_token IS NOT NULL OR refresh_token IS NOT NULL ORDER BY " + vendor.idColumn())
                .execute()
                .map(rows -> {
                    List<EncryptedRow> list = new ArrayList<>();
                    rows.forEach(row -> list.add(new EncryptedRow(row.getString("id"), row.getString("access_token"),
                            row.getString("refresh_token"))));
                    return list;
                });
    }

    /**
     * Replaces a row's ciphertexts with re-encrypted ones only if they are still the ones that were read (a refresh in
     * between wins: its values are already under the active key); true when replaced.
     */
    public Uni<Boolean> replaceEncrypted(ConnectionVendor vendor, EncryptedRow before, EncryptedRow after) {
        return pool.preparedQuery("UPDATE " + vendor.table() + " SET access_token = $4, refresh_token = $5 WHERE "
                        + vendor.idColumn() + " = $1 AND access_token IS NOT DISTINCT FROM $2 "
                        + "AND refresh_token IS NOT DISTINCT FROM $3")
                .execute(Tuple.of(before.id(), before.accessToken(), before.refreshToken(), after.accessToken(),
                        after.refreshToken()))
                .map(rows -> rows.rowCount() == 1);
    }

    private static TokenRow toRow(Row row) {
        return new TokenRow(ConnectionState.valueOf(row.getString("state")), row.getString("state_reason"),
                new StoredTokens(row.getString("access_token"), row.getOffsetDateTime("access_token_expires_at"),
                        row.getString("refresh_token"), row.getOffsetDateTime("refresh_token_expires_at")));
    }
}
