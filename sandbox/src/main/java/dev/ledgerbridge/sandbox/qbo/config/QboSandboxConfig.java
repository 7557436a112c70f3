package dev.ledgerbridge.sandbox.qbo.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Settings of the sandbox's QuickBooks Online half; every default is what the real QBO does. */
@ConfigMapping(prefix = "sandbox.qbo")
public interface QboSandboxConfig {

    /** Throttling limits per realm. */
    Throttle throttle();

    /** Query endpoint limits. */
    Query query();

    /** Change data capture limits. */
    Cdc cdc();

    /** Intuit OAuth behaviour. */
    OAuth oauth();

    /** Longest accepted {@code requestid}; default 50 (QBO). */
    @WithDefault("50")
    int requestIdMaxLength();

    /** Per-realm request limits (QBO: 10 per second, 500 per minute). */
    interface Throttle {
        /** Requests per realm in any one-second window; default 10. */
        @WithDefault("10")
        int perSecond();

        /** Requests per realm in any sixty-second window; default 500. */
        @WithDefault("500")
        int perMinute();
    }

    /** Query paging. */
    interface Query {
        /** MAXRESULTS when the statement has none; default 100. */
        @WithDefault("100")
        int defaultMaxResults();

        /** Largest page QBO serves; default 1000 (larger MAXRESULTS are capped). */
        @WithDefault("1000")
        int maxMaxResults();
    }

    /** CDC limits. */
    interface Cdc {
        /** How far back changedSince may reach, in days; default 30. */
        @WithDefault("30")
        int lookbackDays();

        /** Most objects in one CDC response, all entities together; default 1000. */
        @WithDefault("1000")
        int maxObjects();
    }

    /** Intuit OAuth 2.0. */
    interface OAuth {
        /** The one registered app's client id; default ledgerbridge-local. */
        @WithDefault("ledgerbridge-local")
        String clientId();

        /** The one registered app's client secret; default ledgerbridge-local-secret. */
        @WithDefault("ledgerbridge-local-secret")
        String clientSecret();

        /** Access token lifetime in seconds; default 3600. */
        @WithDefault("3600")
        long accessTokenSeconds();

        /** Refresh token lifetime in seconds (x_refresh_token_expires_in); default 8726400 (101 days). */
        @WithDefault("8726400")
        long refreshTokenSeconds();

        /** Authorization code lifetime in seconds; default 300. */
        @WithDefault("300")
        long codeSeconds();

        /** Realm "the user" picks on the authorize page unless the request names one; default the US company. */
        @WithDefault("9130350000000001")
        String defaultRealm();
    }
}
