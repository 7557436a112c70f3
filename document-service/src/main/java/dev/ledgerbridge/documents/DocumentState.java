package dev.ledgerbridge.documents;

/** Where a document row stands in the exactly-once protocol (README, "Exactly once"). */
public enum DocumentState {
    /** Recorded before the QBO call; QBO may or may not hold the document yet. */
    PENDING,
    /** QBO confirmed the document; the row holds its id, number and total. */
    CREATED,
    /** Reserved for refusals that must stay final (issue 6); not written yet. */
    REFUSED
}
