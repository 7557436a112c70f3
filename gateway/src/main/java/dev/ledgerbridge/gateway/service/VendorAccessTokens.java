package dev.ledgerbridge.gateway.service;

import dev.ledgerbridge.gateway.ConnectionVendor;
import dev.ledgerbridge.gateway.config.GatewayConfig;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The access tokens the gateway's own vendor clients and the internal token endpoints use: the stored, refreshed OAuth
 * tokens, or the sandbox's pre-authorised ones when {@code connections.preauthorised-tokens} is on (tests with WireMock).
 */
@ApplicationScoped
public class VendorAccessTokens {

    private final ConnectionTokens connections;
    private final PreauthorisedTokens preauthorised;
    private final GatewayConfig config;

    public VendorAccessTokens(ConnectionTokens connections, PreauthorisedTokens preauthorised, GatewayConfig config) {
        this.connections = connections;
        this.preauthorised = preauthorised;
        this.config = config;
    }

    /** Whether the pre-authorised tokens stand in for OAuth. */
    public boolean preauthorisedMode() {
        return config.connections().preauthorisedTokens();
    }

    /** The HubSpot token for a portal (hubspot-client's AccessTokenProvider shape). */
    public Uni<String> hubSpot(long portalId) {
        return preauthorisedMode() ? preauthorised.hubSpot(portalId)
                : connections.accessToken(ConnectionVendor.HUBSPOT, Long.toString(portalId)).map(AccessToken::accessToken);
    }

    /** The QBO token for a realm (quickbooks-client's AccessTokenProvider shape). */
    public Uni<String> quickBooks(String realmId) {
        return preauthorisedMode() ? preauthorised.quickBooks(realmId)
                : connections.accessToken(ConnectionVendor.QUICKBOOKS, realmId).map(AccessToken::accessToken);
    }
}
