package dev.ledgerbridge.catalog.client;

import dev.ledgerbridge.catalog.config.QuickBooksConfig;
import dev.ledgerbridge.observability.VendorCallTelemetry;
import dev.ledgerbridge.quickbooks.AccessTokenProvider;
import dev.ledgerbridge.quickbooks.QuickBooksClient;
import dev.ledgerbridge.quickbooks.QuickBooksClientConfig;
import io.vertx.mutiny.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** Creates the one {@link QuickBooksClient} of the service from {@code ledgerbridge.quickbooks.*}. */
@ApplicationScoped
public class QuickBooksClientProducer {

    // @Singleton, not @ApplicationScoped: the client class is final and so cannot sit behind a client proxy.
    @Produces
    @Singleton
    QuickBooksClient quickBooksClient(Vertx vertx, QuickBooksConfig config, AccessTokenProvider tokens,
            VendorCallTelemetry telemetry) {
        QuickBooksClientConfig settings = new QuickBooksClientConfig(config.baseUrl(), config.minorVersion(),
                config.requestTimeout(), config.throttleRetries(), config.throttleBackoff())
                .withPacing(config.pacePerSecond(), config.pacePerMinute());
        return new QuickBooksClient(vertx, settings, tokens, telemetry.quickBooks());
    }

    void close(@Disposes QuickBooksClient client) {
        client.close();
    }
}
