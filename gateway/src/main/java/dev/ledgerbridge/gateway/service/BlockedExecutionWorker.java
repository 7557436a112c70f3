package dev.ledgerbridge.gateway.service;

import dev.ledgerbridge.gateway.ActionRequest;
import dev.ledgerbridge.gateway.ExecutionState;
import dev.ledgerbridge.gateway.client.DownstreamUnavailableException;
import dev.ledgerbridge.gateway.client.HubSpotCrm;
import dev.ledgerbridge.gateway.config.GatewayConfig;
import dev.ledgerbridge.gateway.mapping.OutputFields;
import dev.ledgerbridge.gateway.repository.ActionExecutionRepository;
import dev.ledgerbridge.gateway.repository.ActionExecutionRepository.BlockedRun;
import dev.ledgerbridge.gateway.repository.ActionExecutionRepository.PendingCompletion;
import dev.ledgerbridge.hubspot.HubSpotApiException;
import dev.ledgerbridge.hubspot.HubSpotRateLimitException;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The durable half of the slow path, on every replica: every {@code slow-path.poll-interval} it
 * <ol>
 * <li>claims BLOCKED executions that are due and whose run lease ran out (their owner failed transiently, or died with
 * the process) and runs them again through their {@link ClaimedActionRunner};</li>
 * <li>claims finished executions whose completion is pending and sends their output fields through HubSpot's callback
 * API, until HubSpot accepts (204) or refuses for good (4xx other than 401/429: kept as REJECTED with the reason).</li>
 * </ol>
 * Claims are single {@code UPDATE ... FOR UPDATE SKIP LOCKED} statements, so replicas share the work without locks.
 */
@ApplicationScoped
public class BlockedExecutionWorker {

    /** How long a claimed completion is held by the process sending it before another may try. */
    private static final Duration COMPLETION_IN_FLIGHT = Duration.ofSeconds(30);

    private final ActionExecutionRepository executions;
    private final HubSpotCrm hubSpot;
    private final Instance<ClaimedActionRunner> runners;
    private final ActionAdmission admission;
    private final GatewayConfig.SlowPath config;
    private final MeterRegistry registry;
    private final AtomicBoolean polling = new AtomicBoolean();
    private final AtomicBoolean sending = new AtomicBoolean();
    private volatile long timerId = -1;

    public BlockedExecutionWorker(ActionExecutionRepository executions, HubSpotCrm hubSpot,
            Instance<ClaimedActionRunner> runners, ActionAdmission admission, GatewayConfig config,
            MeterRegistry registry) {
        this.executions = executions;
        this.hubSpot = hubSpot;
        this.runners = runners;
        this.admission = admission;
        this.config = config.slowPath();
        this.registry = registry;
    }

    void start(@Observes StartupEvent event, Vertx vertx) {
        timerId = vertx.setPeriodic(config.pollInterval().toMillis(), id -> poll());
    }

    void stop(@Observes ShutdownEvent event, Vertx vertx) {
        if (timerId >= 0) {
            vertx.cancelTimer(timerId);
        }
    }

    /** One round: due background runs, then due completions. Skipped while the previous round still claims. */
    void poll() {
        if (!polling.compareAndSet(false, true)) {
            return;
        }
        executions.claimDueRuns(config.runLease(), config.batchSize())
                .onFailure().invoke(e -> Log.warnf("slow path: could not claim blocked executions (%s)",
                        e.getClass().getSimpleName()))
                .onFailure().recoverWithItem(List.of())
                .subscribe().with(runs -> {
                    polling.set(false);
                    runs.forEach(this::run);
                    sendCompletionsNow();
                }, e -> polling.set(false));
    }

    private void run(BlockedRun run) {
        String callbackId = run.callbackId();
        if (!admission.tryEnter()) {
            // This replica is full of deliveries: leave the run for later (or for a replica with room).
            executions.scheduleRun(callbackId, admission.retryAfter()).subscribe().with(ignored -> {
            }, e -> {
            });
            return;
        }
        Uni<ActionOutcome> work;
        if (run.blockedAt() != null && run.blockedAt().plus(config.blockExpiry()).isBefore(OffsetDateTime.now())) {
            work = giveUp(run);
        } else {
            ClaimedActionRunner runner = runnerFor(run.actionType());
            ActionRequest request = SlowPath.fromJson(run.request());
            Log.infof("callbackId=%s step=background-run attempt=%d", callbackId, run.attempt());
            work = runner == null
                    ? giveUp(run)
                    : Uni.createFrom().deferred(() -> runner.runClaimed(run.actionType(), request));
        }
        registry.counter("ledgerbridge_slow_path_runs_total").increment();
        work.onTermination().invoke(admission::leave)
                .subscribe().with(outcome -> afterBackgroundRun(callbackId, run.attempt(), null),
                        failure -> afterBackgroundRun(callbackId, run.attempt(), failure));
    }

    /**
     * Past the block's expiry HubSpot no longer waits: the execution is finished as FAIL_CONTINUE so it stops
     * being retried (its completion is still attempted; HubSpot may refuse it, which is then recorded).
     */
    private Uni<ActionOutcome> giveUp(BlockedRun run) {
        String message = "The action could not be completed within " + config.blockExpiry()
                + " because QuickBooks, HubSpot or a LedgerBridge service kept failing; run it again.";
        Log.warnf("callbackId=%s step=gave-up attempts=%d", run.callbackId(), run.attempt());
        var outputs = OutputFields.failContinue("EXECUTION_EXPIRED", message);
        return executions.finish(run.callbackId(), ExecutionState.FAILED, outputs, "EXECUTION_EXPIRED", null)
                .replaceWith(ActionOutcome.finished(outputs));
    }

    private ClaimedActionRunner runnerFor(String actionType) {
        for (ClaimedActionRunner runner : runners) {
            if (runner.handles(actionType)) {
                return runner;
            }
        }
        Log.errorf("slow path: no runner for action type %s", actionType);
        return null;
    }

    /**
     * What follows a background run of a BLOCKED execution: on success its completion is due now; on a transient
     * failure the next run is scheduled after the back-off or the downstream's Retry-After.
     */
    void afterBackgroundRun(String callbackId, int attempt, Throwable failure) {
        if (failure == null) {
            sendCompletionsNow();
            return;
        }
        Duration delay = retryDelay(attempt, failure);
        Log.infof("callbackId=%s step=background-retry attempt=%d in=%s reason=%s", callbackId, attempt, delay,
                failure.getClass().getSimpleName());
        executions.scheduleRun(callbackId, delay).subscribe().with(ignored -> {
        }, e -> Log.warnf("callbackId=%s could not schedule the next run (%s); its lease runs out instead",
                callbackId, e.getClass().getSimpleName()));
    }

    /** Claims and sends the due completions now (also called by every poll). */
    void sendCompletionsNow() {
        if (!sending.compareAndSet(false, true)) {
            return;
        }
        executions.claimDueCompletions(COMPLETION_IN_FLIGHT, config.batchSize())
                .onFailure().invoke(e -> Log.warnf("slow path: could not claim completions (%s)",
                        e.getClass().getSimpleName()))
                .onFailure().recoverWithItem(List.of())
                .subscribe().with(pending -> {
                    sending.set(false);
                    pending.forEach(this::send);
                }, e -> sending.set(false));
    }

    private void send(PendingCompletion completion) {
        String callbackId = completion.callbackId();
        hubSpot.completeCallback(completion.portalId(), callbackId, completion.outputFields())
                .chain(() -> {
                    Log.infof("callbackId=%s step=callback-completed state=%s attempt=%d", callbackId,
                            completion.outputFields().get(OutputFields.EXECUTION_STATE), completion.attempt());
                    registry.counter("ledgerbridge_callback_completions_total", "outcome", "sent").increment();
                    return executions.completionSent(callbackId);
                })
                .onFailure().recoverWithUni(failure -> completionFailed(completion, failure))
                .subscribe().with(ignored -> {
                }, e -> Log.warnf("callbackId=%s could not record the completion attempt (%s)", callbackId,
                        e.getClass().getSimpleName()));
    }

    private Uni<Void> completionFailed(PendingCompletion completion, Throwable failure) {
        String callbackId = completion.callbackId();
        if (failure instanceof HubSpotApiException api && isFinalRefusal(api)) {
            Log.warnf("callbackId=%s step=callback-rejected status=%d %s", callbackId, api.httpStatus(),
                    api.getMessage());
            registry.counter("ledgerbridge_callback_completions_total", "outcome", "rejected").increment();
            return executions.completionRejected(callbackId, api.getMessage());
        }
        Duration delay = retryDelay(completion.attempt(), failure);
        Log.infof("callbackId=%s step=callback-retry attempt=%d in=%s reason=%s", callbackId, completion.attempt(),
                delay, failure.getClass().getSimpleName());
        registry.counter("ledgerbridge_callback_completions_total", "outcome", "retry").increment();
        return executions.completionRetry(callbackId, delay,
                failure.getClass().getSimpleName() + ": " + failure.getMessage());
    }

    /**
     * HubSpot refused the completion in a way no retry changes: a 4xx other than 401 (an expired token is renewed),
     * 408 and 429 (paced).
     */
    static boolean isFinalRefusal(HubSpotApiException e) {
        int status = e.httpStatus();
        return status >= 400 && status < 500 && status != 401 && status != 408 && status != 429;
    }

    /** Exponential back-off from the first attempt, raised to what a throttled downstream asked for, capped. */
    Duration retryDelay(int attempt, Throwable failure) {
        Duration delay = backoff(config.retryInitialDelay(), config.retryMaxDelay(), attempt);
        Duration asked = null;
        if (failure instanceof DownstreamUnavailableException d) {
            asked = d.retryAfter().orElse(null);
        } else if (failure instanceof HubSpotRateLimitException limited) {
            asked = limited.retryAfter().orElse(null);
        }
        if (asked != null && asked.compareTo(delay) > 0) {
            delay = asked;
        }
        return delay.compareTo(config.retryMaxDelay()) > 0 ? config.retryMaxDelay() : delay;
    }

    /** {@code initial × 2^(attempt-1)}, at most {@code max}. */
    static Duration backoff(Duration initial, Duration max, int attempt) {
        int doublings = Math.max(0, Math.min(attempt - 1, 30));
        Duration delay = initial.multipliedBy(1L << doublings);
        return delay.compareTo(max) > 0 || delay.isNegative() ? max : delay;
    }
}
