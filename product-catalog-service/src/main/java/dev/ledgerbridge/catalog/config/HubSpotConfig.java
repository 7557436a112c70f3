package dev.ledgerbridge.catalog.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.net.URI;
import java.time.Duration;

/** HubSpot API settings ({@code ledgerbridge.hubspot.*}), the keys every service that calls HubSpot reads. */
@ConfigMapping(prefix = "ledgerbridge.hubspot")
public interface HubSpotConfig {

    /** API host (production: https://api.hubapi.com). Default http://127.0.0.1:8090, the sandbox. */
    @WithDefault("http://127.0.0.1:8090")
    URI baseUrl();

    /** Timeout of one HubSpot HTTP exchange. Default 10s. */
    @WithDefault("10s")
    Duration requestTimeout();
}
