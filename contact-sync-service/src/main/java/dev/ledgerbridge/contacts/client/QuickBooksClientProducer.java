package dev.ledgerbridge.contacts.client;

import dev.ledgerbridge.contacts.config.QuickBooksConfig;
import dev.ledgerbridge.observability.VendorCallTelemetry;
import dev.ledgerbridge.quickbooks.QuickBooksClient;
import dev.ledgerbridge.quickbooks.QuickBooksClientConfig;
import io.vertx.mutiny.core.Vertx;
import jakarta.inject.Singleton;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;

/** Produces the application's one {@link QuickBooksClient}, on Quarkus's Vert.x and with gateway-issued tokens. */
@Singleton
public class QuickBooksClientProducer {

    // Singleton, not ApplicationScoped: the client class is final and needs no proxy.
    @Produces
    @Singleton
    QuickBooksClient quickBooksClient(Vertx vertx, QuickBooksConfig config, GatewayAccessTokenProvider tokens,
            VendorCallTelemetry telemetry) {
        QuickBooksClientConfig clientConfig = new QuickBooksClientConfig(config.baseUrl(), config.minorVersion(),
                config.requestTimeout(), config.throttleRetries(), config.throttleBackoff())
                .withPacing(config.pacePerSecond(), config.pacePerMinute());
        return new QuickBooksClient(vertx, clientConfig, tokens, telemetry.quickBooks());
    }

    void close(@Disposes QuickBooksClient client) {
        client.close();
    }
}
