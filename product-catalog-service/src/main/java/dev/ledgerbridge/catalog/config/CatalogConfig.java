package dev.ledgerbridge.catalog.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** Settings of the product catalog service ({@code ledgerbridge.catalog.*}). */
@ConfigMapping(prefix = "ledgerbridge.catalog")
public interface CatalogConfig {

    /** Item look-ups in QBO. */
    Lookup lookup();

    /** QBO access tokens fetched from the gateway. */
    AccessToken accessToken();

    /** Settings of the direct QBO item look-up. */
    interface Lookup {

        /**
         * Most values in one {@code IN (...)} list; a longer list is split into several queries so the statement
         * stays well under QBO's URL limits. Default 100.
         */
        @WithDefault("100")
        int maxInValues();

        /**
         * Most characters of quoted values in one {@code IN (...)} list, for the same reason: the statement travels
         * URL-encoded in a GET. Default 4000.
         */
        @WithDefault("4000")
        int maxInCharacters();

        /** {@code Retry-After} sent with a 503 QBO_THROTTLED answer when QBO still throttles. Default 60s. */
        @WithDefault("60s")
        Duration throttledRetryAfter();
    }

    /** Settings of the gateway token cache. */
    interface AccessToken {

        /** A cached token is fetched again this long before its {@code expiresAt}. Default 60s. */
        @WithDefault("60s")
        Duration refreshMargin();
    }
}
