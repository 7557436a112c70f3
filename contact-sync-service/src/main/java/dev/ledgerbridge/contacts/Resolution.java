package dev.ledgerbridge.contacts;

/** How a contact was resolved to a QBO customer. */
public enum Resolution {
    /** A stored link named the customer; QBO was not called. */
    LINKED,
    /** An existing QBO customer matched on name and e-mail (R6). */
    MATCHED,
    /** No customer matched, so one was created. */
    CREATED
}
