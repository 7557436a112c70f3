package dev.ledgerbridge.gateway.repository;

import dev.ledgerbridge.gateway.ConnectionState;
import dev.ledgerbridge.gateway.HubSpotConnection;
import dev.ledgerbridge.gateway.StoredTokens;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;

/** The {@code hubspot_connection} table: portals that installed the app, one row per hub id. */
@ApplicationScoped
public class HubSpotConnectionRepository {

    private static final String COLUMNS = "portal_id, hub_domain, scopes, state, state_reason, connected_at, updated_at";

    private final Pool pool;

    public HubSpotConnectionRepository(Pool pool) {
        this.pool = pool;
    }

    /** Inserts or replaces the portal as CONNECTED with its tokens (already encrypted); emits the stored row. */
    public Uni<HubSpotConnection> storeConnected(String portalId, String hubDomain, String scopes, StoredTokens tokens) {
        return pool.preparedQuery("INSERT INTO hubspot_connection (portal_id, hub_domain, scopes, state, access_token, "
                        + "access_token_expires_at, refresh_token, refresh_token_expires_at, tokens_refreshed_at) "
                        + "VALUES ($1, $2, $3, 'CONNECTED', $4, $5, $6, $7, now()) ON CONFLICT (portal_id) DO UPDATE SET "
                        + "hub_domain = EXCLUDED.hub_domain, scopes = EXCLUDED.scopes, state = 'CONNECTED', "
                        + "state_reason = NULL, access_token = EXCLUDED.access_token, "
                        + "access_token_expires_at = EXCLUDED.access_token_expires_at, "
                        + "refresh_token = EXCLUDED.refresh_token, "
                        + "refresh_token_expires_at = EXCLUDED.refresh_token_expires_at, tokens_refreshed_at = now(), "
                        + "updated_at = now() RETURNING " + COLUMNS)
                .execute(Tuple.from(new Object[] {portalId, hubDomain, scopes, tokens.accessToken(),
                        tokens.accessTokenExpiresAt(), tokens.refreshToken(), tokens.refreshTokenExpiresAt()}))
                .map(rows -> toConnection(rows.iterator().next()));
    }

    /** The portal's row, or null. */
    public Uni<HubSpotConnection> findById(String portalId) {
        return pool.preparedQuery("SELECT " + COLUMNS + " FROM hubspot_connection WHERE portal_id = $1")
                .execute(Tuple.of(portalId))
                .map(rows -> rows.iterator().hasNext() ? toConnection(rows.iterator().next()) : null);
    }

    /** Every portal that is not DISCONNECTED, by portal id. */
    public Uni<List<HubSpotConnection>> listKnown() {
        return pool.query("SELECT " + COLUMNS + " FROM hubspot_connection WHERE state <> 'DISCONNECTED' ORDER BY portal_id")
                .execute()
                .map(rows -> {
                    List<HubSpotConnection> list = new ArrayList<>();
                    rows.forEach(row -> list.add(toConnection(row)));
                    return list;
                });
    }

    /** Removes every row (tests). */
    public Uni<Void> deleteAll() {
        return pool.query("DELETE FROM hubspot_connection").execute().replaceWithVoid();
    }

    private static HubSpotConnection toConnection(Row row) {
        return new HubSpotConnection(row.getString("portal_id"), row.getString("hub_domain"), row.getString("scopes"),
                ConnectionState.valueOf(row.getString("state")), row.getString("state_reason"),
                row.getOffsetDateTime("connected_at"), row.getOffsetDateTime("updated_at"));
    }
}
