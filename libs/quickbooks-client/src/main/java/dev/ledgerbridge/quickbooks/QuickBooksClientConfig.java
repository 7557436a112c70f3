package dev.ledgerbridge.quickbooks;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * Settings of a {@link QuickBooksClient}.
 *
 * @param baseUrl         API host without path, e.g. {@code https://quickbooks.api.intuit.com} or the sandbox
 * @param minorVersion    sent as {@code minorversion} on every call; Intuit retired 1-74 in August 2025
 * @param requestTimeout  timeout of one HTTP exchange (QBO itself gives up after 120 s)
 * @param throttleRetries how many times a 429 is retried before the throttled fault is returned
 * @param throttleBackoff wait before retrying a 429 without {@code Retry-After}; Intuit asks for 60 s
 * @param maxConnections  HTTP connections to QBO open at once, all companies together; further requests queue
 * @param pacePerSecond   this process's calls per second per company ({@link RealmPacer}); 0 = not paced
 * @param pacePerMinute   this process's calls per minute per company; 0 = not paced
 */
public record QuickBooksClientConfig(URI baseUrl, int minorVersion, Duration requestTimeout, int throttleRetries,
        Duration throttleBackoff, int maxConnections, double pacePerSecond, double pacePerMinute) {

    /** Default minor version: the lowest Intuit still supports. */
    public static final int DEFAULT_MINOR_VERSION = 75;

    /**
     * Default connection pool: 100. Vert.x's own default is 5 per host, which caps a service at 5 / (call latency) QBO
     * calls per second for every company together; each company's own limits are paced elsewhere, not by the pool.
     */
    public static final int DEFAULT_MAX_CONNECTIONS = 100;

    /** Settings with the default connection pool, not paced. */
    public QuickBooksClientConfig(URI baseUrl, int minorVersion, Duration requestTimeout, int throttleRetries,
            Duration throttleBackoff) {
        this(baseUrl, minorVersion, requestTimeout, throttleRetries, throttleBackoff, DEFAULT_MAX_CONNECTIONS);
    }

    /** Settings without pacing. */
    public QuickBooksClientConfig(URI baseUrl, int minorVersion, Duration requestTimeout, int throttleRetries,
            Duration throttleBackoff, int maxConnections) {
        this(baseUrl, minorVersion, requestTimeout, throttleRetries, throttleBackoff, maxConnections, 0, 0);
    }

    /** Validates the settings. */
    public QuickBooksClientConfig {
        Objects.requireNonNull(baseUrl, "baseUrl");
        Objects.requireNonNull(requestTimeout, "requestTimeout");
        Objects.requireNonNull(throttleBackoff, "throttleBackoff");
        if (!baseUrl.isAbsolute() || baseUrl.getHost() == null) {
            throw new IllegalArgumentException("baseUrl must be an absolute http(s) URL: " + baseUrl);
        }
        if (minorVersion < 1) {
            throw new IllegalArgumentException("minorVersion must be positive");
        }
        if (requestTimeout.isNegative() || requestTimeout.isZero()) {
            throw new IllegalArgumentException("requestTimeout must be positive");
        }
        if (throttleRetries < 0) {
            throw new IllegalArgumentException("throttleRetries must not be negative");
        }
        if (throttleBackoff.isNegative()) {
            throw new IllegalArgumentException("throttleBackoff must not be negative");
        }
        if (maxConnections < 1) {
            throw new IllegalArgumentException("maxConnections must be positive");
        }
        if (!(pacePerSecond >= 0) || !(pacePerMinute >= 0)) {
            throw new IllegalArgumentException("pacing rates must not be negative");
        }
    }

    /** Minor version 75, 30 s request timeout, 2 throttle retries, 60 s back-off. */
    public static QuickBooksClientConfig defaults(URI baseUrl) {
        return new QuickBooksClientConfig(baseUrl, DEFAULT_MINOR_VERSION, Duration.ofSeconds(30), 2,
                Duration.ofSeconds(60));
    }

    /** A copy with other throttle settings (tests use milliseconds). */
    public QuickBooksClientConfig withThrottling(int retries, Duration backoff) {
        return new QuickBooksClientConfig(baseUrl, minorVersion, requestTimeout, retries, backoff, maxConnections,
                pacePerSecond, pacePerMinute);
    }

    /** A copy with another request timeout. */
    public QuickBooksClientConfig withRequestTimeout(Duration timeout) {
        return new QuickBooksClientConfig(baseUrl, minorVersion, timeout, throttleRetries, throttleBackoff, maxConnections,
                pacePerSecond, pacePerMinute);
    }

    /** A copy that paces this process's calls per company at these rates (0 = no limit of that kind). */
    public QuickBooksClientConfig withPacing(double perSecond, double perMinute) {
        return new QuickBooksClientConfig(baseUrl, minorVersion, requestTimeout, throttleRetries, throttleBackoff,
                maxConnections, perSecond, perMinute);
    }
}
