package dev.ledgerbridge.documents.client;

import dev.ledgerbridge.documents.DocumentRefusedException;
import dev.ledgerbridge.documents.UpstreamUnavailableException;
import dev.ledgerbridge.documents.config.DocumentsConfig;
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

/** QBO access tokens from the gateway, cached per realm until shortly before they expire. */
@ApplicationScoped
public class GatewayAccessTokenProvider implements AccessTokenProvider {

    private final GatewayTokenApi gateway;
    private final Duration refreshMargin;
    private final Clock clock;
    private final Map<String, CachedToken> tokens = new ConcurrentHashMap<>();

    GatewayAccessTokenProvider(@RestClient GatewayTokenApi gateway, DocumentsConfig config) {
        this.gateway = gateway;
        this.refreshMargin = config.tokenRefreshMargin();
        this.clock = Clock.systemUTC();
    }

    @Override
    public Uni<String> accessToken(String realmId) {
        CachedToken cached = tokens.get(realmId);
        if (cached != null && cached.usableAt(clock.instant())) {
            return Uni.createFrom().item(cached.token());
        }
        return gateway.accessToken(realmId)
                .map(response -> {
                    if (response == null || response.accessToken() == null || response.expiresAt() == null) {
                        throw new UpstreamUnavailableException(UpstreamUnavailableException.GATEWAY_UNAVAILABLE,
                                "The gateway answered the token request without a token.", Duration.ofSeconds(5), null);
                    }
                    tokens.put(realmId, new CachedToken(response.accessToken(),
                            response.expiresAt().toInstant().minus(refreshMargin)));
                    Log.debugf("QBO token for realm %s fetched from the gateway, valid until %s", realmId,
                            response.expiresAt());
                    return response.accessToken();
                })
                .onFailure(WebApplicationException.class).transform(e -> translate(realmId, (WebApplicationException) e))
                .onFailure(e -> !(e instanceof DocumentRefusedException || e instanceof UpstreamUnavailableException))
                .transform(e -> new UpstreamUnavailableException(UpstreamUnavailableException.GATEWAY_UNAVAILABLE,
                        "The LedgerBridge gateway could not provide a QuickBooks token; try again shortly.",
                        Duration.ofSeconds(5), e));
    }

    /** Forgets every cached token, so the next call asks the gateway (tests, and after a reconnect). */
    public void invalidateAll() {
        tokens.clear();
    }

    private static RuntimeException translate(String realmId, WebApplicationException e) {
        // 404 is the gateway's COMPANY_NOT_CONNECTED: a business answer, not an outage.
        if (e.getResponse() != null && e.getResponse().getStatus() == 404) {
            Log.infof("Gateway has no QBO connection for realm %s", realmId);
            return new DocumentRefusedException(DocumentRefusedException.COMPANY_NOT_CONNECTED,
                    "QuickBooks company " + realmId + " is not connected to LedgerBridge. Connect it and try again.");
        }
        Log.warnf("Gateway token request for realm %s failed: HTTP %d", realmId,
                e.getResponse() == null ? -1 : e.getResponse().getStatus());
        return new UpstreamUnavailableException(UpstreamUnavailableException.GATEWAY_UNAVAILABLE,
                "The LedgerBridge gateway could not provide a QuickBooks token; try again shortly.",
                Duration.ofSeconds(5), e);
    }

    private record CachedToken(String token, Instant usableUntil) {

        boolean usableAt(Instant now) {
            return now.isBefore(usableUntil);
        }

        @Override
        public String toString() {
            return "CachedToken[token=***, usableUntil=" + usableUntil + "]";
        }
    }
}
