package dev.ledgerbridge.catalog.client;

import dev.ledgerbridge.catalog.config.HubSpotConfig;
import dev.ledgerbridge.hubspot.HubSpotClient;
import dev.ledgerbridge.hubspot.HubSpotClientConfig;
import io.vertx.mutiny.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import java.time.Duration;

/** Creates the one {@link HubSpotClient} of the service (product sync), its tokens coming from the gateway. */
@ApplicationScoped
public class HubSpotClientProducer {

    // @Singleton, not @ApplicationScoped: the client class is final and so cannot sit behind a client proxy.
    @Produces
    @Singleton
    HubSpotClient hubSpotClient(Vertx vertx, HubSpotConfig config, GatewayHubSpotTokenClient tokens) {
        // Upserts are writes, which the client never retries; the 429 settings only concern reads.
        HubSpotClientConfig settings = new HubSpotClientConfig(config.baseUrl(), config.requestTimeout(), 3,
                Duration.ofSeconds(1));
        return new HubSpotClient(vertx, settings, tokens::accessToken);
    }

    void close(@Disposes HubSpotClient client) {
        client.close();
    }
}
