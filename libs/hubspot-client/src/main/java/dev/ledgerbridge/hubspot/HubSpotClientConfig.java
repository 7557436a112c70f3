package dev.ledgerbridge.hubspot;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * Connection and retry settings of a {@link HubSpotClient}; services fill it from their own {@code @ConfigMapping}.
 *
 * @param baseUrl          API root, {@code https://api.hubapi.com} in production, the sandbox locally
 * @param requestTimeout   limit for one HTTP attempt (connect plus response)
 * @param rateLimitRetries how many times a read answered with 429 is retried before failing
 * @param rateLimitBackoff first wait after a 429 without {@code Retry-After}; doubles on each further attempt
 */
public record HubSpotClientConfig(URI baseUrl, Duration requestTimeout, int rateLimitRetries, Duration rateLimitBackoff) {

    public HubSpotClientConfig {
        Objects.requireNonNull(baseUrl, "baseUrl");
        Objects.requireNonNull(requestTimeout, "requestTimeout");
        Objects.requireNonNull(rateLimitBackoff, "rateLimitBackoff");
        if (rateLimitRetries < 0) {
            throw new IllegalArgumentException("rateLimitRetries must be >= 0");
        }
        if (requestTimeout.isZero() || requestTimeout.isNegative()) {
            throw new IllegalArgumentException("requestTimeout must be positive");
        }
    }

    /** Defaults: 10 s per attempt, 3 retries on 429, 1 s first backoff (HubSpot's limits are per 10 s window). */
    public static HubSpotClientConfig defaults(URI baseUrl) {
        return new HubSpotClientConfig(baseUrl, Duration.ofSeconds(10), 3, Duration.ofSeconds(1));
    }

    /** Base URL without a trailing slash, so paths can be appended verbatim. */
    String root() {
        String s = baseUrl.toString();
        return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
    }
}
