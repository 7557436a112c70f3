package dev.ledgerbridge.documents.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Settings of the document service ({@code ledgerbridge.documents.*}). */
@ConfigMapping(prefix = "ledgerbridge.documents")
public interface DocumentsConfig {

    /** How long one attempt's claim on a PENDING row keeps other requests from calling QBO for it; default 30s. */
    @WithDefault("30s")
    Duration pendingLease();

    /** How long a request waits for a concurrent attempt on the same key before answering 503; default 5s. */
    @WithDefault("5s")
    Duration pendingWait();

    /** Pause between re-reads of a PENDING row while waiting for a concurrent attempt; default 100ms. */
    @WithDefault("100ms")
    Duration pendingPollInterval();

    /** How long a payment term found by name stays cached per realm; default 5m. */
    @WithDefault("5m")
    Duration termCacheTtl();

    /** A gateway access token is used until this long before its expiresAt; default 60s. */
    @WithDefault("60s")
    Duration tokenRefreshMargin();

    /** How long a company's "custom transaction numbers" preference stays cached; default 5m. */
    @WithDefault("5m")
    Duration preferencesCacheTtl();

    /**
     * DocNumber pattern when the company numbers its own documents and its settings name none; placeholders
     * {@code {objectId}}, {@code {objectType}}, {@code {portalId}}; default {@code HS-{objectId}}.
     */
    @WithDefault("HS-{objectId}")
    String defaultDocNumberPattern();

    /**
     * Test only (README, "Crash recovery"): when true the process halts right after QBO confirmed a write and before
     * the row is committed CREATED, to prove the recovery; default false, and nothing reads it otherwise.
     */
    @WithDefault("false")
    boolean haltAfterQboWrite();
}
