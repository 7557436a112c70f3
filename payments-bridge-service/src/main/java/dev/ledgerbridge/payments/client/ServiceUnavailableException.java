package dev.ledgerbridge.payments.client;

import java.time.Duration;

/**
 * A downstream service answered 429 or 5xx, or refused this service's token (401/403): transient, the caller should
 * retry.
 */
public class ServiceUnavailableException extends RuntimeException {

    private final String service;
    private final int httpStatus;
    private final String code;
    private final Duration retryAfter;

    /** Creates the failure; {@code retryAfter} is the service's Retry-After, or null. */
    public ServiceUnavailableException(String service, int httpStatus, String code, String message,
            Duration retryAfter) {
        super(message, null, false, false);
        this.service = service;
        this.httpStatus = httpStatus;
        this.code = code;
        this.retryAfter = retryAfter;
    }

    /** Config key of the failing service. */
    public String service() {
        return service;
    }

    /** HTTP status the service answered (429, 5xx, 401 or 403). */
    public int httpStatus() {
        return httpStatus;
    }

    /** The service's error code, e.g. {@code QBO_THROTTLED}. */
    public String code() {
        return code;
    }

    /** The service's Retry-After, or null. */
    public Duration retryAfter() {
        return retryAfter;
    }
}
