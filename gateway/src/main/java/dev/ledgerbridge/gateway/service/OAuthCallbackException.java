package dev.ledgerbridge.gateway.service;

/** A callback or authorization request that is refused with a 4xx and a stable code; nothing was stored. */
public class OAuthCallbackException extends RuntimeException {

    private final int status;
    private final String code;

    public OAuthCallbackException(int status, String code, String message) {
        super(message);
        this.status = status;
        this.code = code;
    }

    /** HTTP status of the answer. */
    public int status() {
        return status;
    }

    /** Stable error code, e.g. {@code OAUTH_STATE_USED}. */
    public String code() {
        return code;
    }
}
