package dev.ledgerbridge.gateway;

/** Life cycle of one HubSpot action execution in the journal. */
public enum ExecutionState {
    /** Claimed by a delivery and being worked on (or interrupted by a transient failure). */
    RUNNING,
    /** Reserved for asynchronous completion (BLOCK), not used by the synchronous actions yet. */
    BLOCKED,
    /** Finished with a document: the output fields hold its id and number. */
    SUCCEEDED,
    /** Finished with a business refusal (FAIL_CONTINUE): the output fields hold the code and message. */
    FAILED;

    /** True once the output fields are final and every further delivery is a replay. */
    public boolean isFinished() {
        return this == SUCCEEDED || this == FAILED;
    }
}
