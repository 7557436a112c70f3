package dev.ledgerbridge.gateway.repository;

import dev.ledgerbridge.gateway.ActionExecution;
import dev.ledgerbridge.gateway.ExecutionState;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The action journal table {@code action_execution}. Each claim step is a single SQL statement, so PostgreSQL's row
 * locking (primary key on callback_id, conditional UPDATE) decides races between concurrent deliveries.
 */
// Plain SQL on the reactive pool rather than Panache: INSERT .. ON CONFLICT DO NOTHING RETURNING and a conditional
// UPDATE .. RETURNING are the whole point here, and a failed insert would poison a Hibernate Reactive session.
@ApplicationScoped
public class ActionExecutionRepository {

    private static final String COLUMNS = "callback_id, portal_id, action_type, object_type, object_id, state, "
            + "output_fields, error_code, deliveries, received_at, claimed_at, finished_at";

    private final Pool pool;

    public ActionExecutionRepository(Pool pool) {
        this.pool = pool;
    }

    /** Inserts a RUNNING row; emits the row when this call created it, null when the callbackId already exists. */
    public Uni<ActionExecution> insertRunning(String callbackId, long portalId, String actionType, String objectType,
            String objectId) {
        return pool.preparedQuery("INSERT INTO action_execution (callback_id, portal_id, action_type, object_type, "
                        + "object_id, state, claimed_at) VALUES ($1, $2, $3, $4, $5, 'RUNNING', now()) "
                        + "ON CONFLICT (callback_id) DO NOTHING RETURNING " + COLUMNS)
                .execute(Tuple.of(callbackId, portalId, actionType, objectType, objectId))
                .onItem().transform(ActionExecutionRepository::firstOrNull);
    }

    /**
     * Takes over a RUNNING row whose lease has run out (claimed longer ago than {@code lease}); emits the row when
     * this call took it, else null. Two concurrent takeovers cannot both win: the second re-checks claimed_at after
     * the first committed.
     */
    public Uni<ActionExecution> takeOverExpired(String callbackId, Duration lease) {
        return pool.preparedQuery("UPDATE action_execution SET claimed_at = now(), deliveries = deliveries + 1 "
                        + "WHERE callback_id = $1 AND state = 'RUNNING' "
                        + "AND claimed_at < now() - make_interval(secs => $2) RETURNING " + COLUMNS)
                .execute(Tuple.of(callbackId, seconds(lease)))
                .onItem().transform(ActionExecutionRepository::firstOrNull);
    }

    /** Counts a delivery that neither created nor took over the row and returns the row as it is (null if none). */
    public Uni<ActionExecution> countDelivery(String callbackId) {
        return pool.preparedQuery("UPDATE action_execution SET deliveries = deliveries + 1 WHERE callback_id = $1 "
                        + "RETURNING " + COLUMNS)
                .execute(Tuple.of(callbackId))
                .onItem().transform(ActionExecutionRepository::firstOrNull);
    }

    /** Records the final state and output fields of a RUNNING row; false when it was not RUNNING any more. */
    public Uni<Boolean> finish(String callbackId, ExecutionState state, Map<String, String> outputFields,
            String errorCode, String realmId) {
        return pool.preparedQuery("UPDATE action_execution SET state = $2, output_fields = $3, error_code = $4, "
                        + "realm_id = COALESCE($5, realm_id), finished_at = now() "
                        + "WHERE callback_id = $1 AND state = 'RUNNING'")
                .execute(Tuple.of(callbackId, state.name(), new JsonObject(new LinkedHashMap<>(outputFields)),
                        errorCode, realmId))
                .onItem().transform(rows -> rows.rowCount() == 1);
    }

    /** Ends the lease of a RUNNING row now, so the next delivery takes it over without waiting. */
    public Uni<Void> releaseLease(String callbackId) {
        return pool.preparedQuery("UPDATE action_execution SET claimed_at = to_timestamp(0) "
                        + "WHERE callback_id = $1 AND state = 'RUNNING'")
                .execute(Tuple.of(callbackId))
                .replaceWithVoid();
    }

    /** The row, or null. */
    public Uni<ActionExecution> findById(String callbackId) {
        return pool.preparedQuery("SELECT " + COLUMNS + " FROM action_execution WHERE callback_id = $1")
                .execute(Tuple.of(callbackId))
                .onItem().transform(ActionExecutionRepository::firstOrNull);
    }

    private static double seconds(Duration duration) {
        return duration.toMillis() / 1000.0;
    }

    private static ActionExecution firstOrNull(RowSet<Row> rows) {
        var iterator = rows.iterator();
        return iterator.hasNext() ? toExecution(iterator.next()) : null;
    }

    private static ActionExecution toExecution(Row row) {
        JsonObject outputs = row.getJsonObject("output_fields");
        Map<String, String> fields = new LinkedHashMap<>();
        if (outputs != null) {
            outputs.forEach(entry -> fields.put(entry.getKey(), entry.getValue() == null ? "" : entry.getValue().toString()));
        }
        return new ActionExecution(row.getString("callback_id"), row.getLong("portal_id"),
                row.getString("action_type"), row.getString("object_type"), row.getString("object_id"),
                ExecutionState.valueOf(row.getString("state")), fields, row.getString("error_code"),
                row.getInteger("deliveries"), row.getOffsetDateTime("received_at"),
                row.getOffsetDateTime("claimed_at"), row.getOffsetDateTime("finished_at"));
    }
}
