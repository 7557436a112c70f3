package dev.ledgerbridge.gateway.repository;

import dev.ledgerbridge.gateway.ConnectionVendor;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;

/** The {@code oauth_state} table: the single-use states of authorizations in progress, by their SHA-256. */
@ApplicationScoped
public class OAuthStateRepository {

    private final Pool pool;

    public OAuthStateRepository(Pool pool) {
        this.pool = pool;
    }

    /** What consuming a state found. */
    public enum Outcome {
        CONSUMED, UNKNOWN, EXPIRED, ALREADY_USED
    }

    /** Result of {@link #consume}: the outcome and, when consumed, the redirect URI of the authorize request. */
    public record Consumption(Outcome outcome, String redirectUri) {
    }

    /** Stores a new state's hash; also forgets states that expired a day ago (they only serve error messages). */
    public Uni<Void> insert(String stateHash, ConnectionVendor vendor, String redirectUri, OffsetDateTime expiresAt) {
        return pool.preparedQuery("INSERT INTO oauth_state (state_hash, provider, redirect_uri, expires_at) "
                        + "VALUES ($1, $2, $3, $4)")
                .execute(Tuple.of(stateHash, vendor.name(), redirectUri, expiresAt))
                .chain(() -> pool.query("DELETE FROM oauth_state WHERE expires_at < now() - interval '1 day'").execute())
                .replaceWithVoid();
    }

    /**
     * Consumes the state in one statement (two callbacks with the same state: exactly one wins); otherwise says why not:
     * unknown (or another vendor's), expired, or already used.
     */
    public Uni<Consumption> consume(String stateHash, ConnectionVendor vendor) {
        return pool.preparedQuery("UPDATE oauth_state SET consumed_at = now() WHERE state_hash = $1 AND provider = $2 "
                        + "AND consumed_at IS NULL AND expires_at > now() RETURNING redirect_uri")
                .execute(Tuple.of(stateHash, vendor.name()))
                .chain(rows -> {
                    if (rows.iterator().hasNext()) {
                        return Uni.createFrom().item(new Consumption(Outcome.CONSUMED,
                                rows.iterator().next().getString("redirect_uri")));
                    }
                    return pool.preparedQuery("SELECT consumed_at FROM oauth_state WHERE state_hash = $1 AND provider = $2")
                            .execute(Tuple.of(stateHash, vendor.name()))
                            .map(found -> {
                                if (!found.iterator().hasNext()) {
                                    return new Consumption(Outcome.UNKNOWN, null);
                                }
                                Row row = found.iterator().next();
                                return new Consumption(row.getOffsetDateTime("consumed_at") != null
                                        ? Outcome.ALREADY_USED : Outcome.EXPIRED, null);
                            });
                });
    }

    /** Moves a state's expiry (tests of the expired case). */
    public Uni<Void> expire(String stateHash) {
        return pool.preparedQuery("UPDATE oauth_state SET expires_at = now() - interval '1 second' WHERE state_hash = $1")
                .execute(Tuple.of(stateHash))
                .replaceWithVoid();
    }
}
