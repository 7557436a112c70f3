package dev.ledgerbridge.gateway.service;

import dev.ledgerbridge.gateway.config.GatewayConfig;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Pre-authorised vendor access tokens, only with {@code ledgerbridge.gateway.connections.preauthorised-tokens}: the sandbox's seeded, non-expiring pre-authorised
 * tokens, built from configured templates ({@code sandbox-qbo-{realmId}}, {@code sandbox-hubspot-{portalId}}).
 */
@ApplicationScoped
public class PreauthorisedTokens {

    private final GatewayConfig config;

    public PreauthorisedTokens(GatewayConfig config) {
        this.config = config;
    }

    /** The HubSpot token for a portal (hubspot-client's AccessTokenProvider shape). */
    public Uni<String> hubSpot(long portalId) {
        return Uni.createFrom().item(config.hubspot().preauthorisedToken().replace("{portalId}", Long.toString(portalId)));
    }

    /** The QBO token for a realm (quickbooks-client's AccessTokenProvider shape). */
    public Uni<String> quickBooks(String realmId) {
        return Uni.createFrom().item(config.quickbooks().preauthorisedToken().replace("{realmId}", realmId));
    }
}
