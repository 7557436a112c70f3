package dev.ledgerbridge.payments.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Settings of the payments bridge ({@code ledgerbridge.payments.*}). */
@ConfigMapping(prefix = "ledgerbridge.payments")
public interface PaymentsConfig {

    /**
     * How long a PENDING ledger row keeps other callers out before another caller may take it over (the first one
     * crashed); longer than the slowest bridging, default 2m. A takeover is safe: document-service's idempotency key
     * is the same for every caller.
     */
    @WithDefault("2m")
    Duration pendingLease();

    /** Retry-After of a 429 BRIDGE_IN_PROGRESS; default 2s. */
    @WithDefault("2s")
    Duration inProgressRetryAfter();

    /** Retry-After when a downstream service failed without saying when to retry; default 5s. */
    @WithDefault("5s")
    Duration downstreamRetryAfter();

    /** A gateway access token is used until this long before its expiresAt; default 60s. */
    @WithDefault("60s")
    Duration tokenRefreshMargin();

    /** HubSpot object type stamped into the documents' source (PrivateNote marker); default COMMERCE_PAYMENT. */
    @WithDefault("COMMERCE_PAYMENT")
    String sourceObjectType();
}
