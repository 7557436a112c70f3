package dev.ledgerbridge.payments;

import java.time.Duration;

/**
 * Transient trouble the caller should retry (HTTP 429 or 503 with Retry-After): a downstream service or QBO is
 * unavailable, or another caller is bridging the same (payment, action) right now.
 */
public class BridgeUnavailableException extends RuntimeException {

    /** Another caller holds the ledger claim on the same (portal, payment, action). */
    public static final String BRIDGE_IN_PROGRESS = "BRIDGE_IN_PROGRESS";
    /** QBO could not be reached or kept failing. */
    public static final String QBO_UNAVAILABLE = "QBO_UNAVAILABLE";
    /** QBO kept throttling the company. */
    public static final String QBO_THROTTLED = "QBO_THROTTLED";
    /** The gateway's token endpoint could not be reached. */
    public static final String GATEWAY_UNAVAILABLE = "GATEWAY_UNAVAILABLE";

    private final String code;
    private final int status;
    private final Duration retryAfter;

    /** Creates the failure; {@code status} is 429 or 503, {@code retryAfter} becomes the Retry-After header. */
    public BridgeUnavailableException(String code, int status, String message, Duration retryAfter, Throwable cause) {
        super(message, cause);
        this.code = code;
        this.status = status;
        this.retryAfter = retryAfter;
    }

    /** The stable error code. */
    public String code() {
        return code;
    }

    /** 429 or 503. */
    public int status() {
        return status;
    }

    /** How long the caller should wait before retrying. */
    public Duration retryAfter() {
        return retryAfter;
    }
}
