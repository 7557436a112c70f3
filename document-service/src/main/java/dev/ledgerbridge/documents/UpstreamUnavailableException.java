package dev.ledgerbridge.documents;

import java.time.Duration;

/**
 * A transient failure (HTTP 503 with Retry-After): QBO or the gateway could not be reached, QBO kept throttling,
 * or another request is still creating the same document; the caller should retry the same request later.
 */
public class UpstreamUnavailableException extends RuntimeException {

    /** QBO answered 429 after the client's own retries. */
    public static final String QBO_THROTTLED = "QBO_THROTTLED";
    /** QBO could not be reached or did not answer in time. */
    public static final String QBO_UNAVAILABLE = "QBO_UNAVAILABLE";
    /** The gateway's token endpoint could not be reached or failed. */
    public static final String GATEWAY_UNAVAILABLE = "GATEWAY_UNAVAILABLE";
    /** Another request holds the claim on the same idempotency key and did not finish within the wait. */
    public static final String DOCUMENT_IN_PROGRESS = "DOCUMENT_IN_PROGRESS";

    private final String code;
    private final Duration retryAfter;

    /** Creates the failure; {@code retryAfter} becomes the Retry-After header. */
    public UpstreamUnavailableException(String code, String message, Duration retryAfter, Throwable cause) {
        super(message, cause);
        this.code = code;
        this.retryAfter = retryAfter;
    }

    /** The stable error code. */
    public String code() {
        return code;
    }

    /** How long the caller should wait before retrying. */
    public Duration retryAfter() {
        return retryAfter;
    }
}
