package dev.ledgerbridge.gateway.service;

import dev.ledgerbridge.gateway.ActionExecution;
import dev.ledgerbridge.gateway.ActionRequest;
import dev.ledgerbridge.gateway.ExecutionState;
import dev.ledgerbridge.gateway.config.GatewayConfig;
import dev.ledgerbridge.gateway.repository.ActionExecutionRepository;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;

/**
 * The action journal (invariant 1): decides, per delivery of a {@code callbackId}, whether to run the execution, replay
 * its finished result, or tell HubSpot to come back because another delivery is running it.
 */
@ApplicationScoped
public class ActionJournal {

    private final ActionExecutionRepository executions;
    private final GatewayConfig config;

    public ActionJournal(ActionExecutionRepository executions, GatewayConfig config) {
        this.executions = executions;
        this.config = config;
    }

    /**
     * Claims the execution for this delivery: insert RUNNING; on a conflict, take over a RUNNING row whose lease has
     * run out; otherwise report the row as finished (replay) or busy.
     */
    public Uni<Claim> claim(ActionRequest request, String actionType) {
        String callbackId = request.callbackId();
        return executions.insertRunning(callbackId, request.portalId(), actionType, request.objectType(),
                        request.objectId())
                .chain(inserted -> inserted != null
                        ? Uni.createFrom().item(new Claim(ClaimKind.STARTED, inserted))
                        : executions.takeOverExpired(callbackId, config.journal().lease())
                                .chain(taken -> taken != null
                                        ? Uni.createFrom().item(new Claim(ClaimKind.TAKEN_OVER, taken))
                                        : executions.countDelivery(callbackId).map(ActionJournal::existing)))
                .invoke(claim -> Log.infof("callbackId=%s journal=%s deliveries=%s", callbackId, claim.kind(),
                        claim.execution() == null ? "?" : claim.execution().deliveries()));
    }

    private static Claim existing(ActionExecution row) {
        if (row != null && row.state().isFinished()) {
            return new Claim(ClaimKind.FINISHED, row);
        }
        if (row != null && row.state() == ExecutionState.BLOCKED) {
            return new Claim(ClaimKind.BLOCKED, row);
        }
        return new Claim(ClaimKind.BUSY, row);
    }

    /** Stores the final result; later deliveries replay it. */
    public Uni<Void> finish(String callbackId, ExecutionState state, Map<String, String> outputFields,
            String errorCode, String realmId) {
        return executions.finish(callbackId, state, outputFields, errorCode, realmId)
                .invoke(updated -> {
                    if (!updated) {
                        // Another delivery finished it first: both ran idempotent steps, so the results agree.
                        Log.warnf("callbackId=%s journal=already-finished", callbackId);
                    }
                })
                .replaceWithVoid();
    }

    /**
     * Leaves the row RUNNING but ends its lease, so HubSpot's retry after a transient failure takes it over at once.
     * A failure here is only logged: the lease then simply runs out.
     */
    public Uni<Void> releaseLease(String callbackId) {
        return executions.releaseLease(callbackId)
                .onFailure().invoke(e -> Log.warnf("callbackId=%s journal=release-failed %s", callbackId,
                        e.getClass().getSimpleName()))
                .onFailure().recoverWithNull();
    }

    /** Retry-After for a delivery that finds the execution running elsewhere. */
    public java.time.Duration busyRetryAfter() {
        return config.journal().busyRetryAfter();
    }

    /** {@code hs_expiration_duration} answered with BLOCK. */
    public java.time.Duration blockExpiry() {
        return config.slowPath().blockExpiry();
    }

    /** The journal row for the admin view, or null. */
    public Uni<ActionExecution> find(String callbackId) {
        return executions.findById(callbackId);
    }

    /** How a delivery relates to the journal row. */
    public enum ClaimKind {
        /** First delivery: this one runs the execution. */
        STARTED,
        /** A retry after the previous delivery's lease ran out: this one runs the execution again. */
        TAKEN_OVER,
        /** Finished before: replay the stored output fields. */
        FINISHED,
        /** Another delivery is running it now. */
        BUSY,
        /** Answered BLOCK before and going on in the background: answer BLOCK again, the callback brings the result. */
        BLOCKED
    }

    /**
     * Result of {@link #claim}.
     *
     * @param execution the journal row as this delivery left it (null only if it vanished meanwhile)
     */
    public record Claim(ClaimKind kind, ActionExecution execution) {

        /** True when this delivery must do the work. */
        public boolean mustRun() {
            return kind == ClaimKind.STARTED || kind == ClaimKind.TAKEN_OVER;
        }
    }
}
