package dev.ledgerbridge.payments.repository;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ledgerbridge.payments.BridgeOutcome;
import dev.ledgerbridge.payments.PaymentAction;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.UUID;

/**
 * The ledger of bridged payments (table {@code bridged_payment}), plain SQL on the reactive pool. The primary key
 * (portal, payment, action) decides races: exactly one caller inserts the PENDING row and bridges; the others see it
 * PENDING (in progress) or SUCCEEDED (the first result).
 */
@ApplicationScoped
public class BridgeLedger {

    // Inserts the claim, or takes over a PENDING one whose lease ran out; returns a row only to the new holder.
    private static final String CLAIM = """
            INSERT INTO bridged_payment (portal_id, payment_id, action_type, realm_id, state, callback_id, claim_token,
                                         claimed_at)
            VALUES ($1, $2, $3, $4, 'PENDING', $5, $6, now())
            ON CONFLICT (portal_id, payment_id, action_type) DO UPDATE
                SET claim_token = EXCLUDED.claim_token, callback_id = EXCLUDED.callback_id, claimed_at = now()
                WHERE bridged_payment.state = 'PENDING'
                  AND bridged_payment.claimed_at < now() - make_interval(secs => $7)
            RETURNING claim_token""";

    private static final String FIND = """
            SELECT state, result::text AS result FROM bridged_payment WHERE portal_id = $1 AND payment_id = $2 AND action_type = $3""";

    private static final String COMPLETE = """
            UPDATE bridged_payment SET state = 'SUCCEEDED', result = $5::text::jsonb, completed_at = now()
            WHERE portal_id = $1 AND payment_id = $2 AND action_type = $3 AND claim_token = $4 AND state = 'PENDING'""";

    private static final String RELEASE = """
            DELETE FROM bridged_payment
            WHERE portal_id = $1 AND payment_id = $2 AND action_type = $3 AND claim_token = $4 AND state = 'PENDING'""";

    private final Pool pool;
    private final ObjectMapper json;

    BridgeLedger(Pool pool, ObjectMapper json) {
        this.pool = pool;
        this.json = json;
    }

    /**
     * Claims the (portal, payment, action) for this caller: {@link Claim.Owned} when it is the one to bridge,
     * {@link Claim.Done} with the first result when it was bridged, {@link Claim.InProgress} while another caller
     * holds a live claim.
     */
    public Uni<Claim> claim(Key key, String realmId, String callbackId, Duration lease) {
        UUID token = UUID.randomUUID();
        return pool.preparedQuery(CLAIM)
                .execute(Tuple.from(new Object[] { key.portalId(), key.paymentId(), key.action().name(), realmId,
                        callbackId, token, (double) lease.toMillis() / 1000 }))
                .chain(inserted -> inserted.rowCount() > 0 ? Uni.createFrom().<Claim>item(new Claim.Owned(key, token))
                        : find(key));
    }

    /** Records the result of the holder's bridging; false when the claim was taken over meanwhile. */
    public Uni<Boolean> complete(Claim.Owned claim, BridgeOutcome outcome) {
        Key key = claim.key();
        return pool.preparedQuery(COMPLETE)
                .execute(Tuple.of(key.portalId(), key.paymentId(), key.action().name(), claim.token(), toJson(outcome)))
                .map(rows -> rows.rowCount() == 1);
    }

    /** Gives the claim up (a refusal or a transient failure): the next caller bridges afresh. */
    public Uni<Void> release(Claim.Owned claim) {
        Key key = claim.key();
        return pool.preparedQuery(RELEASE)
                .execute(Tuple.of(key.portalId(), key.paymentId(), key.action().name(), claim.token()))
                .replaceWithVoid();
    }

    private Uni<Claim> find(Key key) {
        return pool.preparedQuery(FIND).execute(Tuple.of(key.portalId(), key.paymentId(), key.action().name()))
                .map(this::claimOf);
    }

    private Claim claimOf(RowSet<Row> rows) {
        if (!rows.iterator().hasNext()) {
            // The holder released its claim between our insert and this read: still someone else's turn.
            return new Claim.InProgress();
        }
        Row row = rows.iterator().next();
        if ("SUCCEEDED".equals(row.getString("state"))) {
            return new Claim.Done(fromJson(row.getString("result")));
        }
        return new Claim.InProgress();
    }

    // As text both ways: a Vert.x JsonObject would read 1500.00 as the double 1500.0; PostgreSQL keeps the scale.
    private String toJson(BridgeOutcome outcome) {
        try {
            return json.writeValueAsString(outcome);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write the ledger result", e);
        }
    }

    private BridgeOutcome fromJson(String result) {
        try {
            return json.readValue(result, BridgeOutcome.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot read the ledger result", e);
        }
    }

    /** A ledger key: one HubSpot payment through one action in one portal. */
    public record Key(long portalId, String paymentId, PaymentAction action) {
    }

    /** What a claim attempt found. */
    public sealed interface Claim {

        /** This caller holds the claim and bridges; {@code token} proves it on completion or release. */
        record Owned(Key key, UUID token) implements Claim {
        }

        /** The payment was bridged through the action: its first result. */
        record Done(BridgeOutcome first) implements Claim {
        }

        /** Another caller is bridging it right now. */
        record InProgress() implements Claim {
        }
    }
}
