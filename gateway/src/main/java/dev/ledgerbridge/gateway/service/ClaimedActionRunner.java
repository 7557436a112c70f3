package dev.ledgerbridge.gateway.service;

import dev.ledgerbridge.gateway.ActionRequest;
import io.smallrye.mutiny.Uni;

/**
 * An action the slow path can run again in the background: given an execution this process has claimed in the
 * journal, it does the work and finishes the journal row; a transient failure ends the lease and propagates.
 */
public interface ClaimedActionRunner {

    /** True when this runner owns the journal's {@code action_type}, e.g. {@code create-invoice}. */
    boolean handles(String actionType);

    /** Runs the claimed execution of that action type. */
    Uni<ActionOutcome> runClaimed(String actionType, ActionRequest request);
}
