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

    /** The mirror of each company's QBO items (R13). */
    Mirror mirror();

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

    /** Settings of the item mirror: loads, CDC and the per-company lease. */
    interface Mirror {

        /** Items per QBO query page of a full load (1 to 1000, QBO's maximum). Default 1000. */
        @WithDefault("1000")
        int pageSize();

        /**
         * How often every company with a sync state gets a CDC run (quarkus-scheduler syntax, e.g. {@code 5m};
         * {@code off} disables it). Read by the {@code @Scheduled} expression. Default 5m.
         */
        @WithDefault("5m")
        String cdcInterval();

        /**
         * A company synced longer ago than this is fully reloaded instead of asking CDC, which looks back at most
         * 30 days. Default 30d.
         */
        @WithDefault("30d")
        Duration cdcLookBack();

        /**
         * How long a sync run holds the company's lease; renewed before every page, so only a crashed replica
         * lets it lapse. Default 10m.
         */
        @WithDefault("10m")
        Duration lease();

        /** Whether the first resolution for a company without a mirror starts its initial load. Default true. */
        @WithDefault("true")
        boolean loadOnFirstResolve();

        /** After a failed initial load, resolutions start another one only this much later. Default 5m. */
        @WithDefault("5m")
        Duration initialLoadRetryAfter();
    }
}
