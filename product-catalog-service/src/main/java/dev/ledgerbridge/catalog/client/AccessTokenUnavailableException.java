package dev.ledgerbridge.catalog.client;

/** The gateway could not supply a QBO token (unreachable, 5xx, unreadable answer): transient, worth a retry. */
public class AccessTokenUnavailableException extends RuntimeException {

    /** Creates the exception for a realm. */
    public AccessTokenUnavailableException(String realmId, Throwable cause) {
        super("no QBO access token for realm " + realmId + " from the gateway", cause);
    }
}
