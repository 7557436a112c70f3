package dev.ledgerbridge.sandbox.hubspot;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** Settings of the sandbox's HubSpot half: portal, app credentials, token lifetime and rate limit. */
@ConfigMapping(prefix = "ledgerbridge.sandbox.hubspot")
public interface HubSpotSandboxConfig {

    /** The one seeded portal (hub id). Default 40213377. */
    @WithDefault("40213377")
    long portalId();

    /** The seeded app's id. Default 1. */
    @WithDefault("1")
    long appId();

    /** OAuth client id of the seeded app. Default ledgerbridge-local. */
    @WithDefault("ledgerbridge-local")
    String clientId();

    /** OAuth client secret of the seeded app, also the key action requests are signed with. Default ledgerbridge-local-secret. */
    @WithDefault("ledgerbridge-local-secret")
    String clientSecret();

    /** Developer API key accepted as {@code hapikey} on the action definition endpoints. Default sandbox-developer-key. */
    @WithDefault("sandbox-developer-key")
    String developerApiKey();

    /** Lifetime of issued access tokens. Default PT30M (HubSpot's 1800 s). */
    @WithDefault("PT30M")
    Duration accessTokenTtl();

    /** Scopes reported for issued tokens. Default the bridge's minimum set. */
    @WithDefault("automation,crm.objects.deals.read,crm.objects.deals.write,crm.objects.contacts.read,crm.objects.line_items.read,crm.objects.quotes.read,crm.objects.commercepayments.read,e-commerce")
    String scopes();

    /** Rate limit settings. */
    RateLimit rateLimit();

    /** HubSpot's per-portal request limit. */
    interface RateLimit {
        /** Requests allowed per window and portal. Default 110 (OAuth public app). */
        @WithDefault("110")
        int requests();

        /** Window length. Default PT10S. */
        @WithDefault("PT10S")
        Duration window();
    }
}
