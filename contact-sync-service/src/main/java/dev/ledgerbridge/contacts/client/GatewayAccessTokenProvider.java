package dev.ledgerbridge.contacts.client;

import dev.ledgerbridge.contacts.CustomerResolutionRefusal;
import dev.ledgerbridge.contacts.config.ContactSyncConfig;
import dev.ledgerbridge.quickbooks.AccessTokenProvider;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.WebApplicationException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * QBO access tokens from the gateway (the only holder of refresh tokens), cached per realm until shortly before
 * they expire.
 */
@ApplicationScoped
public class GatewayAccessTokenProvider implements AccessTokenProvider {

    private final GatewayTokenApi api;
    private final Duration refreshMargin;
    private final Clock clock;
    private final Map<String, CachedToken> cache = new ConcurrentHashMap<>();

    @Inject
    GatewayAccessTokenProvider(@RestClient GatewayTokenApi api, ContactSyncConfig config) {
        this(api, config.tokenRefreshMargin(), Clock.systemUTC());
    }

    GatewayAccessTokenProvider(GatewayTokenApi api, Duration refreshMargin, Clock clock) {
        this.api = api;
        this.refreshMargin = refreshMargin;
        this.clock = clock;
    }

    @Override
    public Uni<String> accessToken(String realmId) {
        CachedToken cached = cache.get(realmId);
        if (cached != null && clock.instant().isBefore(cached.expiresAt().minus(refreshMargin))) {
            return Uni.createFrom().item(cached.token());
        }
        // Two cold calls for one realm may both fetch; the gateway hands both the same token, so that is harmless.
        return api.accessToken(realmId)
                .onItem().invoke(response -> cache.put(realmId, new CachedToken(response.accessToken(), response.expiresAt())))
                .map(AccessTokenResponse::accessToken)
                .onFailure().transform(failure -> translate(realmId, failure));
    }

    /** Forgets the realm's token, e.g. after QBO rejected it (401), so the next call asks the gateway again. */
    public void invalidate(String realmId) {
        cache.remove(realmId);
    }

    private static Throwable translate(String realmId, Throwable failure) {
        if (failure instanceof WebApplicationException web && web.getResponse() != null
                && web.getResponse().getStatus() == 404) {
            Log.infof("Gateway: QBO company %s is not connected", realmId);
            return new CustomerResolutionRefusal(CustomerResolutionRefusal.Code.COMPANY_NOT_CONNECTED,
                    "The QuickBooks company " + realmId + " is not connected to LedgerBridge. Connect it and try again.");
        }
        Log.warnf("Gateway token request for realm %s failed: %s", realmId, failure.toString());
        return new AccessTokenUnavailableException(realmId, failure);
    }

    private record CachedToken(String token, Instant expiresAt) {
    }
}
