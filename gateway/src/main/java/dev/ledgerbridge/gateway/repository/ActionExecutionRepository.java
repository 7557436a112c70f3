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
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
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
            + "output_fields, error_code, deliveries, received_at, claimed_at, finished_at, completion_state, completed_at, "
            + "completion_error";

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

    /**
     * Records the final state and output fields of a RUNNING or BLOCKED row; false when it was finished already. A
     * BLOCKED row's result is queued for completion through HubSpot's callback API in the same statement (SET
     * expressions see the row as it was), so no result of a blocked execution can finish without being sent.
     */
    public Uni<Boolean> finish(String callbackId, ExecutionState state, Map<String, String> outputFields,
            String errorCode, String realmId) {
        return pool.preparedQuery("UPDATE action_execution SET state = $2, output_fields = $3, error_code = $4, "
                        + "realm_id = COALESCE($5, realm_id), finished_at = now(), "
                        + "completion_state = CASE WHEN state = 'BLOCKED' THEN 'PENDING' ELSE completion_state END, "
                        + "next_completion_at = CASE WHEN state = 'BLOCKED' THEN now() ELSE next_completion_at END "
                        + "WHERE callback_id = $1 AND state IN ('RUNNING', 'BLOCKED')")
                .execute(Tuple.of(callbackId, state.name(), new JsonObject(new LinkedHashMap<>(outputFields)),
                        errorCode, realmId))
                .onItem().transform(rows -> rows.rowCount() == 1);
    }

    /** Ends the lease of an unfinished row now, so the next delivery (or background run) takes it over at once. */
    public Uni<Void> releaseLease(String callbackId) {
        return pool.preparedQuery("UPDATE action_execution SET claimed_at = to_timestamp(0) "
                        + "WHERE callback_id = $1 AND state IN ('RUNNING', 'BLOCKED')")
                .execute(Tuple.of(callbackId))
                .replaceWithVoid();
    }

    // ---------------------------------------------------------------- slow path

    /**
     * Turns a RUNNING row into BLOCKED, keeping the request so any replica can run it again; the caller's work keeps
     * the lease from now. False when the row was not RUNNING any more (the work finished first).
     */
    public Uni<Boolean> block(String callbackId, JsonObject request) {
        return pool.preparedQuery("UPDATE action_execution SET state = 'BLOCKED', blocked_at = now(), request = $2, "
                        + "claimed_at = now(), next_run_at = now() WHERE callback_id = $1 AND state = 'RUNNING'")
                .execute(Tuple.of(callbackId, request))
                .onItem().transform(rows -> rows.rowCount() == 1);
    }

    /**
     * Turns a RUNNING row whose run failed transiently into BLOCKED, due for a background run after {@code delay}
     * (lease ended). False when the row was not RUNNING (none, or finished).
     */
    public Uni<Boolean> blockForRetry(String callbackId, JsonObject request, Duration delay) {
        return pool.preparedQuery("UPDATE action_execution SET state = 'BLOCKED', blocked_at = now(), request = $2, "
                        + "claimed_at = to_timestamp(0), next_run_at = now() + make_interval(secs => $3) "
                        + "WHERE callback_id = $1 AND state = 'RUNNING'")
                .execute(Tuple.of(callbackId, request, seconds(delay)))
                .onItem().transform(rows -> rows.rowCount() == 1);
    }

    /**
     * After a transient failure of a BLOCKED execution's run: ends its lease and sets when the next background run
     * may start.
     */
    public Uni<Void> scheduleRun(String callbackId, Duration delay) {
        return pool.preparedQuery("UPDATE action_execution SET claimed_at = to_timestamp(0), "
                        + "next_run_at = now() + make_interval(secs => $2) WHERE callback_id = $1 AND state = 'BLOCKED'")
                .execute(Tuple.of(callbackId, seconds(delay)))
                .replaceWithVoid();
    }

    /**
     * Claims up to {@code limit} BLOCKED rows that are due and whose lease ran out, for a background run by this
     * process. {@code SKIP LOCKED} lets replicas poll at once without taking the same row.
     */
    public Uni<List<BlockedRun>> claimDueRuns(Duration lease, int limit) {
        return pool.preparedQuery("UPDATE action_execution SET claimed_at = now(), run_attempts = run_attempts + 1 "
                        + "WHERE callback_id IN (SELECT callback_id FROM action_execution WHERE state = 'BLOCKED' "
                        + "AND next_run_at <= now() AND claimed_at < now() - make_interval(secs => $1) "
                        + "ORDER BY next_run_at LIMIT $2 FOR UPDATE SKIP LOCKED) "
                        + "RETURNING callback_id, action_type, request, run_attempts, blocked_at")
                .execute(Tuple.of(seconds(lease), limit))
                .onItem().transform(rows -> {
                    List<BlockedRun> runs = new ArrayList<>();
                    for (Row row : rows) {
                        runs.add(new BlockedRun(row.getString("callback_id"), row.getString("action_type"),
                                row.getJsonObject("request"), row.getInteger("run_attempts"),
                                row.getOffsetDateTime("blocked_at")));
                    }
                    return runs;
                });
    }

    /**
     * Claims up to {@code limit} due completions for sending by this process: each is pushed {@code inFlight} into
     * the future first, so another replica does not send it at the same time.
     */
    public Uni<List<PendingCompletion>> claimDueCompletions(Duration inFlight, int limit) {
        return pool.preparedQuery("UPDATE action_execution SET completion_attempts = completion_attempts + 1, "
                        + "next_completion_at = now() + make_interval(secs => $1) "
                        + "WHERE callback_id IN (SELECT callback_id FROM action_execution "
                        + "WHERE completion_state = 'PENDING' AND next_completion_at <= now() "
                        + "ORDER BY next_completion_at LIMIT $2 FOR UPDATE SKIP LOCKED) "
                        + "RETURNING callback_id, portal_id, output_fields, completion_attempts")
                .execute(Tuple.of(seconds(inFlight), limit))
                .onItem().transform(rows -> {
                    List<PendingCompletion> pending = new ArrayList<>();
                    for (Row row : rows) {
                        pending.add(new PendingCompletion(row.getString("callback_id"), row.getLong("portal_id"),
                                outputFields(row), row.getInteger("completion_attempts")));
                    }
                    return pending;
                });
    }

    /** HubSpot accepted the completion. */
    public Uni<Void> completionSent(String callbackId) {
        return pool.preparedQuery("UPDATE action_execution SET completion_state = 'SENT', completed_at = now(), "
                        + "completion_error = NULL WHERE callback_id = $1 AND completion_state = 'PENDING'")
                .execute(Tuple.of(callbackId))
                .replaceWithVoid();
    }

    /** HubSpot refused the completion for good; kept with HubSpot's reason for support. */
    public Uni<Void> completionRejected(String callbackId, String reason) {
        return pool.preparedQuery("UPDATE action_execution SET completion_state = 'REJECTED', completed_at = now(), "
                        + "completion_error = $2 WHERE callback_id = $1 AND completion_state = 'PENDING'")
                .execute(Tuple.of(callbackId, truncate(reason)))
                .replaceWithVoid();
    }

    /** Sending failed transiently: try again after {@code delay}. */
    public Uni<Void> completionRetry(String callbackId, Duration delay, String reason) {
        return pool.preparedQuery("UPDATE action_execution SET next_completion_at = now() + make_interval(secs => $2), "
                        + "completion_error = $3 WHERE callback_id = $1 AND completion_state = 'PENDING'")
                .execute(Tuple.of(callbackId, seconds(delay), truncate(reason)))
                .replaceWithVoid();
    }

    /** Sends a pending completion at the next poll instead of at its scheduled time (the run just finished). */
    public Uni<Void> completionDueNow(String callbackId) {
        return pool.preparedQuery("UPDATE action_execution SET next_completion_at = now() "
                        + "WHERE callback_id = $1 AND completion_state = 'PENDING'")
                .execute(Tuple.of(callbackId))
                .replaceWithVoid();
    }

    private static String truncate(String reason) {
        return reason == null || reason.length() <= 500 ? reason : reason.substring(0, 500);
    }

    /** A BLOCKED execution claimed for a background run. */
    public record BlockedRun(String callbackId, String actionType, JsonObject request, int attempt,
            OffsetDateTime blockedAt) {
    }

    /** A finished execution whose result must still reach HubSpot through the callback API. */
    public record PendingCompletion(String callbackId, long portalId, Map<String, String> outputFields,
            int attempt) {
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

    private static Map<String, String> outputFields(Row row) {
        JsonObject outputs = row.getJsonObject("output_fields");
        Map<String, String> fields = new LinkedHashMap<>();
        if (outputs != null) {
            outputs.forEach(entry -> fields.put(entry.getKey(), entry.getValue() == null ? "" : entry.getValue().toString()));
        }
        return fields;
    }

    private static ActionExecution toExecution(Row row) {
        return new ActionExecution(row.getString("callback_id"), row.getLong("portal_id"),
                row.getString("action_type"), row.getString("object_type"), row.getString("object_id"),
                ExecutionState.valueOf(row.getString("state")), outputFields(row), row.getString("error_code"),
                row.getInteger("deliveries"), row.getOffsetDateTime("received_at"),
                row.getOffsetDateTime("claimed_at"), row.getOffsetDateTime("finished_at"),
                row.getString("completion_state"), row.getOffsetDateTime("completed_at"),
                row.getString("completion_error"));
    }
}
