package dev.ledgerbridge.gateway.client;

import java.time.Duration;
import java.util.Optional;

/**
 * A downstream service or vendor failed in a way a later attempt can cure (5xx, 429, timeout, connection refused):
 * the gateway answers HubSpot with a 5xx (or 429 when a Retry-After is known) so HubSpot retries the execution.
 */
public class DownstreamUnavailableException extends RuntimeException {

    private final String downstream;
    private final String code;
    private final transient Duration retryAfter;

    public DownstreamUnavailableException(String downstream, String code, String message, Duration retryAfter,
            Throwable cause) {
        super(message, cause);
        this.downstream = downstream;
        this.code = code;
        this.retryAfter = retryAfter;
    }

    /** Which downstream failed: a service config key, {@code hubspot} or {@code quickbooks}. */
    public String downstream() {
        return downstream;
    }

    /** The downstream's error code when it sent one (e.g. {@code QBO_THROTTLED}), else a gateway code. */
    public String code() {
        return code;
    }

    /** Pacing asked for by the downstream (a throttled QBO or HubSpot), if any. */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }
}
