package dev.ledgerbridge.hubspot;

import java.time.Duration;
import java.util.Optional;

/**
 * HubSpot answered 429 and the retries allowed for the call are used up (writes get none); carries HubSpot's
 * {@code Retry-After} so a caller can pass it on (e.g. answer HubSpot's own action request with 429).
 */
public class HubSpotRateLimitException extends HubSpotApiException {

    private final Duration retryAfter;

    public HubSpotRateLimitException(HubSpotError error, String method, String path, Duration retryAfter) {
        super(429, error, method, path);
        this.retryAfter = retryAfter;
    }

    /** The last {@code Retry-After} HubSpot sent, if any. */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }
}
