package dev.ledgerbridge.quickbooks.model;

/**
 * A top-level QBO entity: it has an {@code Id} and a {@code SyncToken} (the optimistic-concurrency version QBO
 * checks on every update) and can be read, queried and tracked through CDC.
 */
public interface QboEntity {

    /** QBO's id of the entity, null before it is created. */
    String id();

    /** The version counter QBO increments on each write, null before it is created. */
    String syncToken();
}
