package dev.ledgerbridge.gateway.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Typed settings of the HubSpot options endpoints ({@code ledgerbridge.gateway.options.*}). */
@ConfigMapping(prefix = "ledgerbridge.gateway.options")
public interface OptionsConfig {

    /** How long a company's list read from QBO is served without asking QBO again; default {@code PT60S}. */
    @WithDefault("PT60S")
    Duration cacheTtl();

    /** How long an expired list may still be served while QBO is throttled or unavailable; default {@code PT15M}. */
    @WithDefault("PT15M")
    Duration staleTtl();

    /** Options per answer; HubSpot asks for the next page with the answer's {@code after}; default {@code 50}. */
    @WithDefault("50")
    int pageSize();

    /** Budget of one cache fill (every QBO page of it) before the dropdown gets an answer without QBO; default {@code PT3S}. */
    @WithDefault("PT3S")
    Duration fetchTimeout();
}
