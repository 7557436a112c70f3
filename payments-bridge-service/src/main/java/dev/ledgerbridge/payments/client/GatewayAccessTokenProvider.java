package dev.ledgerbridge.payments.client;

import dev.ledgerbridge.payments.BridgeUnavailableException;
import dev.ledgerbridge.payments.SettingsRefusedException;
import dev.ledgerbridge.payments.config.PaymentsConfig;
import dev.ledgerbridge.quickbooks.AccessTokenProvider;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.WebApplicationException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/** QBO access tokens from the gateway (reads only: settings validation), cached per realm until shortly before expiry. */
@ApplicationScoped
public class GatewayAccessTokenProvider implements AccessTokenProvider {

    private static final String UNAVAILABLE = "The LedgerBridge gateway could not provide a QuickBooks token; try again"
            + " shortly.";

    private final GatewayTokenApi gateway;
    private final Duration refreshMargin;
    private final Clock clock = Clock.systemUTC();
    private final Map<String, CachedToken> tokens = new ConcurrentHashMap<>();

    GatewayAccessTokenProvider(@RestClient GatewayTokenApi gateway, PaymentsConfig config) {
        this.gateway = gateway;
        this.refreshMargin = config.tokenRefreshMargin();
    }

    @Override
    public Uni<String> accessToken(String realmId) {
        CachedToken cached = tokens.get(realmId);
        if (cached != null && clock.instant().isBefore(cached.usableUntil())) {
            return Uni.createFrom().item(cached.token());
        }
        return gateway.accessToken(realmId)
                .map(response -> {
                    if (response == null || response.accessToken() == null || response.expiresAt() == null) {
                        throw unavailable(null);
                    }
                    tokens.put(realmId, new CachedToken(response.accessToken(),
                            response.expiresAt().toInstant().minus(refreshMargin)));
                    return response.accessToken();
                })
                .onFailure(WebApplicationException.class).transform(e -> translate(realmId, (WebApplicationException) e))
                .onFailure(e -> !(e instanceof SettingsRefusedException || e instanceof BridgeUnavailableException))
                .transform(GatewayAccessTokenProvider::unavailable);
    }

    /** Forgets every cached token, so the next call asks the gateway (tests, and after a reconnect). */
    public void invalidateAll() {
        tokens.clear();
    }

    private static RuntimeException translate(String realmId, WebApplicationException e) {
        // 404 is the gateway's COMPANY_NOT_CONNECTED: a business answer, not an outage.
        if (e.getResponse() != null && e.getResponse().getStatus() == 404) {
            Log.infof("Gateway has no QBO connection for realm %s", realmId);
            return new SettingsRefusedException(SettingsRefusedException.COMPANY_NOT_CONNECTED, null,
                    "QuickBooks company " + realmId + " is not connected to LedgerBridge. Connect it and try again.");
        }
        Log.warnf("Gateway token request for realm %s failed: HTTP %d", realmId,
                e.getResponse() == null ? -1 : e.getResponse().getStatus());
        return unavailable(e);
    }

    private static BridgeUnavailableException unavailable(Throwable cause) {
        return new BridgeUnavailableException(BridgeUnavailableException.GATEWAY_UNAVAILABLE, 503, UNAVAILABLE,
                Duration.ofSeconds(5), cause);
    }

    private record CachedToken(String token, Instant usableUntil) {

        @Override
        public String toString() {
            return "CachedToken[token=***, usableUntil=" + usableUntil + "]";
        }
    }
}
