package dev.ledgerbridge.contacts.client;

/** The gateway could not hand out a QBO access token for a transient reason (down, timeout, 5xx). */
public class AccessTokenUnavailableException extends RuntimeException {

    /** Wraps the cause; the message names the realm, never a token. */
    public AccessTokenUnavailableException(String realmId, Throwable cause) {
        super("no QBO access token for realm " + realmId + " from the gateway: " + cause.getMessage(), cause);
    }
}
