package dev.ledgerbridge.contacts;

/** How a QuickBooks company matches contacts to customers (R8): each company chooses one. */
public enum MatchingMode {
    /** Name and e-mail matching, creating the customer when none matches (R6); the default. */
    LEGACY,
    /** Only contacts that pass the company's sync filters are matched or created (R7). */
    SYNC_FILTERS
}
