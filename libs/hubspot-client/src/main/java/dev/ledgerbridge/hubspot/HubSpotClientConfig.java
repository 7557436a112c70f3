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
 * @param maxConnections   HTTP connections to HubSpot open at once; further requests queue for one
 */
public record HubSpotClientConfig(URI baseUrl, Duration requestTimeout, int rateLimitRetries, Duration rateLimitBackoff,
        int maxConnections) {

    /**
     * Default connection pool: 100. Vert.x's own default is 5 per host, which caps a gateway at 5 / (call latency)
     * HubSpot calls per second (about 30 create-invoice actions/s against the local sandbox, measured by bench/).
     */
    public static final int DEFAULT_MAX_CONNECTIONS = 100;

    /** Settings with the default connection pool. */
    public HubSpotClientConfig(URI baseUrl, Duration requestTimeout, int rateLimitRetries, Duration rateLimitBackoff) {
        this(baseUrl, requestTimeout, rateLimitRetries, rateLimitBackoff, DEFAULT_MAX_CONNECTIONS);
    }

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
        if (maxConnections < 1) {
            throw new IllegalArgumentException("maxConnections must be positive");
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
