package dev.ledgerbridge.gateway.service;

import dev.ledgerbridge.gateway.ActionRequest;
import dev.ledgerbridge.gateway.config.GatewayConfig;
import dev.ledgerbridge.gateway.repository.ActionExecutionRepository;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * The answer budget of one delivery (issue 6, slow path). The work starts detached from the HTTP request; when it
 * has not finished within {@code slow-path.answer-budget} the journal row becomes BLOCKED (with the request, so any
 * replica can run it again) and HubSpot is answered {@code BLOCK}. The work goes on; its result is finished in the
 * journal, which queues it for the callback API ({@link BlockedExecutionWorker} sends it). A transient failure after
 * the BLOCK answer is not HubSpot's to retry any more: it schedules the next background run; so does one within the
 * budget, which blocks at once.
 */
@ApplicationScoped
public class SlowPath {

    private final ActionExecutionRepository executions;
    private final GatewayConfig.SlowPath config;
    private final BlockedExecutionWorker worker;

    public SlowPath(ActionExecutionRepository executions, GatewayConfig config, BlockedExecutionWorker worker) {
        this.executions = executions;
        this.config = config.slowPath();
        this.worker = worker;
    }

    /**
     * Starts {@code work} (the journal claim and everything after it) and answers with its outcome, or with BLOCK
     * when it takes longer than the budget. A failure within the budget propagates as before (HubSpot retries).
     */
    public Uni<ActionOutcome> answer(ActionRequest request, Uni<ActionOutcome> work) {
        CompletableFuture<ActionOutcome> result = new CompletableFuture<>();
        // Subscribed here, not by the HTTP response: the work must go on after the answer, whatever the client does.
        work.subscribe().with(result::complete, result::completeExceptionally);
        return awaiting(result)
                .ifNoItem().after(config.answerBudget()).recoverWithUni(() -> block(request, result))
                .onFailure().recoverWithUni(failure -> blockAfterFailure(request, failure));
    }

    /**
     * A transient failure within the budget (QBO throttling, a service restarting): rather than leaving the retry to
     * HubSpot, whose retry rules for custom actions are not a contract, the execution blocks and is run again by the
     * gateway after the back-off or the downstream's Retry-After. When there is no RUNNING row to block (the journal
     * itself failed, or the failure came before the claim) the failure goes to HubSpot as before.
     */
    private Uni<ActionOutcome> blockAfterFailure(ActionRequest request, Throwable failure) {
        String callbackId = request.callbackId();
        return executions.blockForRetry(callbackId, toJson(request), worker.retryDelay(1, failure))
                .onFailure().recoverWithItem(false)
                .chain(blocked -> {
                    if (!blocked) {
                        return Uni.createFrom().failure(failure);
                    }
                    Log.infof("callbackId=%s step=blocked after %s; the gateway retries it", callbackId,
                            failure.getClass().getSimpleName());
                    return Uni.createFrom().item(ActionOutcome.blocked(config.blockExpiry()));
                });
    }

    private Uni<ActionOutcome> block(ActionRequest request, CompletableFuture<ActionOutcome> result) {
        String callbackId = request.callbackId();
        return executions.block(callbackId, toJson(request)).chain(blocked -> {
            if (!blocked) {
                // The work finished (or the row was never ours to run) between the budget and the update: its
                // outcome is there, or about to be.
                return awaiting(result);
            }
            Log.infof("callbackId=%s step=blocked budget=%s", callbackId, config.answerBudget());
            result.whenComplete((outcome, failure) -> worker.afterBackgroundRun(callbackId, 1, failure));
            return Uni.createFrom().item(ActionOutcome.blocked(config.blockExpiry()));
        });
    }

    /** The request as the journal keeps it for a background run. */
    static JsonObject toJson(ActionRequest request) {
        return new JsonObject()
                .put("callbackId", request.callbackId())
                .put("portalId", request.portalId())
                .put("objectType", request.objectType())
                .put("objectId", request.objectId())
                .put("inputFields", new JsonObject(new LinkedHashMap<>(request.inputFields())));
    }

    /** The request back from the journal. */
    static ActionRequest fromJson(JsonObject json) {
        Map<String, String> inputs = new LinkedHashMap<>();
        JsonObject fields = json.getJsonObject("inputFields", new JsonObject());
        fields.forEach(e -> inputs.put(e.getKey(), e.getValue() == null ? "" : e.getValue().toString()));
        return new ActionRequest(json.getString("callbackId"), json.getLong("portalId"), json.getString("objectType"),
                json.getString("objectId"), inputs);
    }

    private static Uni<ActionOutcome> awaiting(CompletableFuture<ActionOutcome> result) {
        // An emitter, not Uni.createFrom().completionStage: cancelling the wait (the budget ran out) must not cancel
        // the work.
        return Uni.createFrom().emitter(emitter -> result.whenComplete((outcome, failure) -> {
            if (failure != null) {
                emitter.fail(failure instanceof java.util.concurrent.CompletionException && failure.getCause() != null
                        ? failure.getCause() : failure);
            } else {
                emitter.complete(outcome);
            }
        }));
    }
}
