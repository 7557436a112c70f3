package dev.ledgerbridge.documents.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.net.URI;
import java.time.Duration;

/** How this service reaches QuickBooks Online ({@code ledgerbridge.quickbooks.*}, keys shared by every service). */
@ConfigMapping(prefix = "ledgerbridge.quickbooks")
public interface QuickBooksConfig {

    /** QBO API host without path; default http://127.0.0.1:8090 (the local sandbox). */
    @WithDefault("http://127.0.0.1:8090")
    URI baseUrl();

    /** {@code minorversion} sent on every call; default 75. */
    @WithDefault("75")
    int minorVersion();

    /** Timeout of one QBO HTTP exchange; default 30s. */
    @WithDefault("30s")
    Duration requestTimeout();

    /** How many times a QBO 429 is retried before the call fails as throttled; default 2. */
    @WithDefault("2")
    int throttleRetries();

    /** Wait before retrying a 429 that carries no Retry-After, also sent as our own Retry-After; default 60s. */
    @WithDefault("60s")
    Duration throttleBackoff();

    /**
     * This process's QBO calls per second per company (invariant 4): QBO allows an app 10 per second and 500 per
     * minute per company for all its callers together, and document-service writes every document, so its share is 4/s and 200/min
     * (gateway 0.5, payments-bridge 0.5, contact-sync 3, catalog 2, document-service 4). With several replicas divide it by their number
     * (the prod overlay does); 0 switches pacing off.
     */
    @WithDefault("4")
    double pacePerSecond();

    /** This process's QBO calls per minute per company; default 200 (see {@link #pacePerSecond()}). */
    @WithDefault("200")
    double pacePerMinute();
}
