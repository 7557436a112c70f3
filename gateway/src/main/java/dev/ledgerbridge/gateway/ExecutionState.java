package dev.ledgerbridge.gateway;

/** Life cycle of one HubSpot action execution in the journal. */
public enum ExecutionState {
    /** Claimed by a delivery and being worked on (or interrupted by a transient failure). */
    RUNNING,
    /**
     * Answered {@code BLOCK}: not finished within the answer budget, it goes on in the background (resumed by any
     * replica after a restart) and its result reaches HubSpot through the callback API.
     */
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
