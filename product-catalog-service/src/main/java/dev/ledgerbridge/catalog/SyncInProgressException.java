package dev.ledgerbridge.catalog;

import java.time.OffsetDateTime;

/** Another replica (or run) holds the company's sync lease: answered 409, the caller tries later. */
public class SyncInProgressException extends RuntimeException {

    private final String realmId;

    /** Creates the exception for the realm whose lease is held until {@code leaseExpiresAt} (null if unknown). */
    public SyncInProgressException(String realmId, OffsetDateTime leaseExpiresAt) {
        super("The product catalog of QuickBooks company " + realmId + " is being synchronised right now"
                + (leaseExpiresAt == null ? "" : " (at the latest until " + leaseExpiresAt + ")") + ". Try again later.",
                null, false, false);
        this.realmId = realmId;
    }

    /** The realm being synced. */
    public String realmId() {
        return realmId;
    }
}
