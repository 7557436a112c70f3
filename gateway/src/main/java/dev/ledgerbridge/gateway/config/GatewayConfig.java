package dev.ledgerbridge.gateway.config;

import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.runtime.configuration.MemorySizeConverter;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithConverter;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Typed configuration of the gateway ({@code ledgerbridge.gateway.*}); vendor base URLs live in their own mappings. */
@ConfigMapping(prefix = "ledgerbridge.gateway")
public interface GatewayConfig {

    /** Public base URL HubSpot calls (e.g. https://bridge.example.com); default: none, rebuilt from the request's Host and X-Forwarded-Proto/-Host. */
    Optional<String> publicBaseUrl();

    /** HubSpot app settings. */
    HubSpot hubspot();

    /** QuickBooks connection settings. */
    QuickBooks quickbooks();

    /** Action journal settings. */
    Journal journal();

    /** Customer matching settings (issue 4). */
    Customers customers();

    /** Settings of the create-document actions (issue 6). */
    Documents documents();

    /** Admission of HubSpot action deliveries. */
    Admission admission();

    /** The slow path: BLOCK, background runs and completion through HubSpot's callback API. */
    SlowPath slowPath();

    /** OAuth connections to QBO companies and HubSpot portals: flows, token lifecycle, encryption at rest (issue 8). */
    Connections connections();

    /** OAuth connections of the gateway. */
    interface Connections {

        /**
         * Hand out the sandbox's seeded, non-expiring tokens ({@code hubspot.preauthorised-token},
         * {@code quickbooks.preauthorised-token}) instead of stored OAuth tokens, and allow the old one-step
         * {@code POST /admin/v1/connections/quickbooks/{realmId}}; default {@code false} (true in %test only).
         */
        @WithDefault("false")
        boolean preauthorisedTokens();

        /** An access token with less than this left is refreshed before it is used or handed out; default {@code PT5M}. */
        @WithDefault("PT5M")
        Duration refreshMargin();

        /** How long an authorization's {@code state} may wait for the vendor's callback; default {@code PT10M}. */
        @WithDefault("PT10M")
        Duration stateLifetime();

        /** Intuit OAuth (the token endpoint itself is the named OIDC client {@code intuit}). */
        QuickBooksOAuth quickbooks();

        /** HubSpot OAuth (the token endpoint itself is the named OIDC client {@code hubspot}). */
        HubSpotOAuth hubspot();

        /** Encryption of the stored tokens. */
        TokenEncryption tokenEncryption();
    }

    /** The Intuit side of connecting a QuickBooks company. */
    interface QuickBooksOAuth {

        /** The Intuit app's client id; default {@code ledgerbridge-local} (the sandbox's app; env QUICKBOOKS_CLIENT_ID). */
        @WithDefault("ledgerbridge-local")
        String clientId();

        /** Intuit's authorize page (https://appcenter.intuit.com/connect/oauth2); default {@code http://127.0.0.1:8090/connect/oauth2} (the sandbox). */
        @WithDefault("http://127.0.0.1:8090/connect/oauth2")
        String authorizeUrl();

        /** Scopes asked for; default {@code com.intuit.quickbooks.accounting}. */
        @WithDefault("com.intuit.quickbooks.accounting")
        String scope();

        /**
         * The callback URL registered with the Intuit app; default: none, {@code public-base-url} +
         * {@code /oauth/v1/quickbooks/callback}, else rebuilt from the admin request that starts the authorization.
         */
        Optional<String> redirectUri();
    }

    /** The HubSpot side of installing the app in a portal. */
    interface HubSpotOAuth {

        /** The HubSpot app's client id; default {@code ledgerbridge-local} (the sandbox's app; env HUBSPOT_CLIENT_ID). */
        @WithDefault("ledgerbridge-local")
        String clientId();

        /** HubSpot's authorize page (https://app.hubspot.com/oauth/authorize); default {@code http://127.0.0.1:8090/oauth/authorize} (the sandbox). */
        @WithDefault("http://127.0.0.1:8090/oauth/authorize")
        String authorizeUrl();

        /** Scopes asked for, space-separated; default the CRM objects and automation scopes the actions need. */
        @WithDefault("oauth automation crm.objects.contacts.read crm.objects.contacts.write crm.objects.deals.read"
                + " crm.objects.deals.write crm.objects.line_items.read crm.objects.quotes.read e-commerce")
        String scope();

        /** The callback URL registered with the HubSpot app; default as for QuickBooks, with {@code /oauth/v1/hubspot/callback}. */
        Optional<String> redirectUri();
    }

    /** AES-256-GCM keys of the stored tokens ({@code TokenCipher}). */
    interface TokenEncryption {

        /**
         * The key new values are encrypted with, {@code <key id>:<base64 of 32 random bytes>}; no default in prod
         * (a Kubernetes Secret: env LEDGERBRIDGE_GATEWAY_CONNECTIONS_TOKEN_ENCRYPTION_ACTIVE_KEY); %dev and %test use
         * the public local key, which a production gateway refuses.
         */
        String activeKey();

        /** Keys that only decrypt (after a rotation, until re-encryption is done), comma-separated; default none. */
        Optional<List<String>> previousKeys();
    }

    /**
     * An execution that cannot finish within {@link #answerBudget()} is answered {@code BLOCK}; it goes on in the
     * background and its result is sent through HubSpot's callback API. Both the background runs and the completions
     * are kept in the journal, so they survive a restart and are retried until they succeed.
     */
    interface SlowPath {

        /** How long a delivery may work before HubSpot is answered BLOCK; default {@code PT5S}. */
        @WithDefault("PT5S")
        Duration answerBudget();

        /**
         * {@code hs_expiration_duration} sent with BLOCK: how long HubSpot keeps the record waiting for the callback,
         * and how long the gateway keeps retrying a blocked execution's transient failures; default {@code P1D}.
         */
        @WithDefault("P1D")
        Duration blockExpiry();

        /** How often each replica looks for due background runs and completions; default {@code PT1S}. */
        @WithDefault("PT1S")
        Duration pollInterval();

        /**
         * How long a background run owns a BLOCKED execution before another replica may run it again (the owner
         * crashed); default {@code PT2M} (longer than a QBO throttling back-off).
         */
        @WithDefault("PT2M")
        Duration runLease();

        /** First wait after a background run failed transiently; doubled per attempt; default {@code PT1S}. */
        @WithDefault("PT1S")
        Duration retryInitialDelay();

        /** Longest wait between two background runs or two completion attempts; default {@code PT5M}. */
        @WithDefault("PT5M")
        Duration retryMaxDelay();

        /** Background runs and completions claimed per poll and replica; default {@code 20}. */
        @WithDefault("20")
        int batchSize();
    }

    /** How many action deliveries one gateway replica works on at once. */
    interface Admission {

        /**
         * Deliveries in progress on this replica beyond which a new one is answered 429 with {@code Retry-After} before
         * any work (HubSpot retries it later), so a burst queues at HubSpot instead of stretching every answer past its
         * timeout; default {@code 200}.
         */
        @WithDefault("200")
        int maxInFlight();

        /** Retry-After sent with that 429; default {@code PT1S}. */
        @WithDefault("PT1S")
        Duration retryAfter();
    }

    /** Settings of the create-document actions of the gateway. */
    interface Documents {

        /** Base of the QBO web UI links in the {@code qbo_link} output and the note, without trailing slash; default {@code https://app.qbo.intuit.com} (a sandbox setup may point elsewhere). */
        @WithDefault("https://app.qbo.intuit.com")
        String qboAppBaseUrl();
    }

    /** Customer matching settings of the gateway. */
    interface Customers {

        /** How long the contact properties a company's sync filters read are cached per company; default {@code PT30S}. */
        @WithDefault("PT30S")
        Duration filterPropertiesTtl();

        /** The deal-to-contact association label that marks the contact {@code customer_contact=primary} picks; default {@code Primary}. */
        @WithDefault("Primary")
        String primaryContactLabel();
    }

    /** HubSpot app settings of the gateway. */
    interface HubSpot {

        /** The HubSpot app's client secret, the key of request signatures; default {@code ledgerbridge-local-secret} (application.properties, env HUBSPOT_CLIENT_SECRET overrides). */
        String clientSecret();

        /** Template of the pre-authorised HubSpot token (only with {@code connections.preauthorised-tokens}); default {@code sandbox-hubspot-{portalId}}. */
        @WithDefault("sandbox-hubspot-{portalId}")
        String preauthorisedToken();

        /**
         * Largest body the public HubSpot endpoints ({@code /hubspot/**}) accept; a larger one is answered 413
         * {@code BODY_TOO_LARGE} before it is read (by its Content-Length) or, when sent chunked, before its signature
         * is computed or anything is parsed. HubSpot's execution and options requests are a few KB; default
         * {@code 256K}. {@code quarkus.http.limits.max-body-size} (10M) stays the outer bound of every endpoint.
         */
        @WithDefault("256K")
        @WithConverter(MemorySizeConverter.class)
        MemorySize maxBodySize();
    }

    /** QuickBooks connection settings of the gateway. */
    interface QuickBooks {

        /** Template of the pre-authorised QBO token (only with {@code connections.preauthorised-tokens}); default {@code sandbox-qbo-{realmId}}. */
        @WithDefault("sandbox-qbo-{realmId}")
        String preauthorisedToken();

        /** Lifetime announced with each pre-authorised token handed to a service; default {@code PT1H}. */
        @WithDefault("PT1H")
        Duration tokenLifetime();
    }

    /** Action journal settings. */
    interface Journal {

        /** How long a RUNNING execution belongs to the delivery that started it before a retry may take it over; default {@code PT60S}. */
        @WithDefault("PT60S")
        Duration lease();

        /** Retry-After sent with the 429 answering a duplicate delivery while the first still runs; default {@code PT2S}. */
        @WithDefault("PT2S")
        Duration busyRetryAfter();
    }
}
