package dev.ledgerbridge.catalog.client;

import dev.ledgerbridge.catalog.config.CatalogConfig;
import dev.ledgerbridge.quickbooks.AccessTokenProvider;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * QBO tokens from the gateway, cached per realm until {@code refresh-margin} (60 s) before they expire, so one
 * resolution costs at most one token call and usually none.
 */
@ApplicationScoped
public class GatewayAccessTokenProvider implements AccessTokenProvider {

    private final GatewayTokenClient gateway;
    private final Duration refreshMargin;
    private final Clock clock;
    private final ConcurrentMap<String, CachedToken> cache = new ConcurrentHashMap<>();

    /** CDI constructor. */
    public GatewayAccessTokenProvider(GatewayTokenClient gateway, CatalogConfig config) {
        this.gateway = gateway;
        this.refreshMargin = config.accessToken().refreshMargin();
        this.clock = Clock.systemUTC();
    }

    @Override
    public Uni<String> accessToken(String realmId) {
        CachedToken cached = cache.get(realmId);
        if (cached != null && clock.instant().isBefore(cached.refreshAfter())) {
            return Uni.createFrom().item(cached.token());
        }
        // Two concurrent misses may both fetch; the gateway answers either from its store, so that costs one extra
        // local call and no QBO call.
        return gateway.fetch(realmId)
                // An open breaker means the gateway failed repeatedly just now: the same transient condition.
                .onFailure(CircuitBreakerOpenException.class)
                .transform(open -> new AccessTokenUnavailableException(realmId, open))
                .map(answer -> {
                    if (answer == null) {
                        throw new CompanyNotConnectedException(realmId);
                    }
                    if (answer.accessToken() == null || answer.accessToken().isBlank()) {
                        throw new AccessTokenUnavailableException(realmId, null);
                    }
                    if (answer.expiresAt() != null) {
                        cache.put(realmId, new CachedToken(answer.accessToken(),
                                answer.expiresAt().toInstant().minus(refreshMargin)));
                    }
                    return answer.accessToken();
                });
    }

    /** Forgets the realm's token, e.g. after QBO rejected it (401), so the next call asks the gateway again. */
    public void invalidate(String realmId) {
        cache.remove(realmId);
    }

    private record CachedToken(String token, Instant refreshAfter) {
        @Override
        public String toString() {
            return "CachedToken[token=***, refreshAfter=" + refreshAfter + "]";
        }
    }
}
