package dev.ledgerbridge.gateway.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.net.URI;

/** Vendor API locations shared by name with the other services ({@code ledgerbridge.hubspot.*}, {@code ledgerbridge.quickbooks.*}). */
@ConfigMapping(prefix = "ledgerbridge")
public interface VendorApiConfig {

    /** HubSpot API. */
    HubSpot hubspot();

    /** QuickBooks Online API. */
    QuickBooks quickbooks();

    /** HubSpot API location. */
    interface HubSpot {

        /** HubSpot API root (https://api.hubapi.com in production); default {@code http://127.0.0.1:8090} (the sandbox). */
        @WithDefault("http://127.0.0.1:8090")
        URI baseUrl();
    }

    /** QuickBooks Online API location. */
    interface QuickBooks {

        /** QBO API host (https://quickbooks.api.intuit.com in production); default {@code http://127.0.0.1:8090} (the sandbox). */
        @WithDefault("http://127.0.0.1:8090")
        URI baseUrl();

        /** QBO minorversion sent on every call; default {@code 75}. */
        @WithDefault("75")
        int minorVersion();

        /**
         * QBO calls per second per company of each of the gateway's two QBO clients (company info; options lists):
         * the gateway's share of QBO's 10/s per company is 0.5 (see the services' {@code pace-per-second});
         * default {@code 0.25}; 0 = not paced.
         */
        @WithDefault("0.25")
        double pacePerSecond();

        /** QBO calls per minute per company of each of the gateway's two QBO clients; default {@code 12.5}. */
        @WithDefault("12.5")
        double pacePerMinute();
    }
}
