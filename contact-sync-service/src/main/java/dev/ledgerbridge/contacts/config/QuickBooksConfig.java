package dev.ledgerbridge.contacts.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.net.URI;
import java.time.Duration;

/**
 * How this service reaches QuickBooks Online (prefix {@code ledgerbridge.quickbooks}, shared by every service so
 * one setting points them all at the sandbox or at Intuit).
 */
@ConfigMapping(prefix = "ledgerbridge.quickbooks")
public interface QuickBooksConfig {

    /** QBO API host, e.g. {@code https://quickbooks.api.intuit.com}; default {@code http://127.0.0.1:8090} (the sandbox). */
    @WithDefault("http://127.0.0.1:8090")
    URI baseUrl();

    /** {@code minorversion} sent on every call; default 75. */
    @WithDefault("75")
    int minorVersion();

    /** Timeout of one QBO HTTP exchange; default 30 s. */
    @WithDefault("PT30S")
    Duration requestTimeout();

    /** How often a throttled (429) call is retried before it fails; default 2. */
    @WithDefault("2")
    int throttleRetries();

    /** Wait before retrying a 429 that carries no Retry-After; default 60 s. */
    @WithDefault("PT60S")
    Duration throttleBackoff();

    /**
     * This process's QBO calls per second per company (invariant 4): QBO allows an app 10 per second and 500 per
     * minute per company for all its callers together, and contact-sync reads and creates customers, so its share is 3/s and 150/min
     * (gateway 0.5, payments-bridge 0.5, contact-sync 3, catalog 2, document-service 4). With several replicas divide it by their number
     * (the prod overlay does); 0 switches pacing off.
     */
    @WithDefault("3")
    double pacePerSecond();

    /** This process's QBO calls per minute per company; default 150 (see {@link #pacePerSecond()}). */
    @WithDefault("150")
    double pacePerMinute();
}
