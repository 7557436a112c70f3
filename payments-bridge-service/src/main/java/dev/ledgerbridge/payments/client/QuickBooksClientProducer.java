package dev.ledgerbridge.payments.client;

import dev.ledgerbridge.payments.config.QuickBooksConfig;
import dev.ledgerbridge.observability.VendorCallTelemetry;
import dev.ledgerbridge.quickbooks.AccessTokenProvider;
import dev.ledgerbridge.quickbooks.QuickBooksClient;
import dev.ledgerbridge.quickbooks.QuickBooksClientConfig;
import io.vertx.mutiny.core.Vertx;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** Creates the one QuickBooksClient of the service from {@link QuickBooksConfig} and the gateway's tokens. */
public class QuickBooksClientProducer {

    // @Singleton, not @ApplicationScoped: QuickBooksClient is final, so it cannot get a client proxy.
    @Produces
    @Singleton
    QuickBooksClient quickBooksClient(Vertx vertx, QuickBooksConfig config, AccessTokenProvider tokens,
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
