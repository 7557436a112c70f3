package dev.ledgerbridge.catalog.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.net.URI;
import java.time.Duration;

/**
 * QBO API settings ({@code ledgerbridge.quickbooks.*}); a mapping of its own because every service reads the same
 * keys (issue3.md), unlike the service's own {@link CatalogConfig}.
 */
@ConfigMapping(prefix = "ledgerbridge.quickbooks")
public interface QuickBooksConfig {

    /** API host without path (production: https://quickbooks.api.intuit.com). Default http://127.0.0.1:8090, the sandbox. */
    @WithDefault("http://127.0.0.1:8090")
    URI baseUrl();

    /** {@code minorversion} sent on every call. Default 75. */
    @WithDefault("75")
    int minorVersion();

    /** Timeout of one QBO HTTP exchange. Default 30s. */
    @WithDefault("30s")
    Duration requestTimeout();

    /**
     * How often a 429 is retried before the throttled fault is returned. Default 0: the gateway waits for this
     * service while HubSpot waits for the gateway, so a 60 s back-off here would outlast both; the 503 QBO_THROTTLED
     * answer carries Retry-After instead and HubSpot retries the action later.
     */
    @WithDefault("0")
    int throttleRetries();

    /** Wait before retrying a 429 that has no {@code Retry-After}; Intuit asks for 60 s. Default 60s. */
    @WithDefault("60s")
    Duration throttleBackoff();

    /**
     * This process's QBO calls per second per company (invariant 4): QBO allows an app 10 per second and 500 per
     * minute per company for all its callers together, and the catalog mirrors items and creates missing ones, so its share is 2/s and 100/min
     * (gateway 0.5, payments-bridge 0.5, contact-sync 3, catalog 2, document-service 4). With several replicas divide it by their number
     * (the prod overlay does); 0 switches pacing off.
     */
    @WithDefault("2")
    double pacePerSecond();

    /** This process's QBO calls per minute per company; default 100 (see {@link #pacePerSecond()}). */
    @WithDefault("100")
    double pacePerMinute();
}
