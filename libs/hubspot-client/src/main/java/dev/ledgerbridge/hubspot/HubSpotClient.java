package dev.ledgerbridge.hubspot;

import java.io.Closeable;
import java.util.Objects;

import io.vertx.mutiny.core.Vertx;

/**
 * Typed reactive HubSpot client (CRM v3, associations v4, workflow-action callbacks and definitions); one instance per
 * application, shared by all portals. Plain Java: services create it in a CDI producer and close it on shutdown.
 */
public final class HubSpotClient implements Closeable {

    private final HubSpotHttp http;
    private final AccessTokenProvider tokens;

    public HubSpotClient(Vertx vertx, HubSpotClientConfig config, AccessTokenProvider tokens) {
        this(vertx, config, tokens, HubSpotCallListener.NONE);
    }

    /** Like {@link #HubSpotClient(Vertx, HubSpotClientConfig, AccessTokenProvider)}, telling {@code listener} about every request. */
    public HubSpotClient(Vertx vertx, HubSpotClientConfig config, AccessTokenProvider tokens,
            HubSpotCallListener listener) {
        this.http = new HubSpotHttp(Objects.requireNonNull(vertx, "vertx"), Objects.requireNonNull(config, "config"),
                Objects.requireNonNull(listener, "listener"));
        this.tokens = Objects.requireNonNull(tokens, "tokens");
    }

    /** Handle for calls on {@code portalId}, authenticated with {@link AccessTokenProvider#accessToken(long)}. */
    public HubSpotPortal portal(long portalId) {
        return new HubSpotPortal(http, tokens, portalId, null);
    }

    /**
     * Action definitions of {@code appId} authenticated the legacy way, with the developer account's API key sent as
     * {@code hapikey} query parameter (it never appears in logs or exception messages).
     */
    public HubSpotActionDefinitions actionDefinitions(long appId, String developerApiKey) {
        Objects.requireNonNull(developerApiKey, "developerApiKey");
        return new HubSpotActionDefinitions(http, appId, builder -> builder.secretQuery("hapikey", developerApiKey));
    }

    @Override
    public void close() {
        http.close();
    }
}
