package dev.ledgerbridge.gateway.client;

import dev.ledgerbridge.gateway.config.VendorApiConfig;
import dev.ledgerbridge.gateway.service.VendorAccessTokens;
import dev.ledgerbridge.hubspot.HubSpotClient;
import dev.ledgerbridge.hubspot.HubSpotClientConfig;
import dev.ledgerbridge.observability.VendorCallTelemetry;
import dev.ledgerbridge.quickbooks.QuickBooksClient;
import dev.ledgerbridge.quickbooks.QuickBooksClientConfig;
import io.vertx.mutiny.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** Creates the two vendor SDK clients (plain, final Java classes: singletons, no client proxy) and closes them on shutdown. */
@ApplicationScoped
public class VendorClientProducer {

    @Produces
    @Singleton
    HubSpotClient hubSpotClient(Vertx vertx, VendorApiConfig vendors, VendorAccessTokens tokens,
            VendorCallTelemetry telemetry) {
        return new HubSpotClient(vertx, HubSpotClientConfig.defaults(vendors.hubspot().baseUrl()), tokens::hubSpot,
                telemetry.hubSpot());
    }

    void closeHubSpot(@Disposes HubSpotClient client) {
        client.close();
    }

    @Produces
    @Singleton
    QuickBooksClient quickBooksClient(Vertx vertx, VendorApiConfig vendors, VendorAccessTokens tokens,
            VendorCallTelemetry telemetry) {
        QuickBooksClientConfig defaults = QuickBooksClientConfig.defaults(vendors.quickbooks().baseUrl());
        QuickBooksClientConfig config = new QuickBooksClientConfig(defaults.baseUrl(),
                vendors.quickbooks().minorVersion(), defaults.requestTimeout(), defaults.throttleRetries(),
                defaults.throttleBackoff())
                .withPacing(vendors.quickbooks().pacePerSecond(), vendors.quickbooks().pacePerMinute());
        return new QuickBooksClient(vertx, config, tokens::quickBooks, telemetry.quickBooks());
    }

    void closeQuickBooks(@Disposes QuickBooksClient client) {
        client.close();
    }
}
