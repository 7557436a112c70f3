package dev.ledgerbridge.gateway.service;

import dev.ledgerbridge.gateway.ConnectionState;
import dev.ledgerbridge.gateway.ConnectionVendor;
import dev.ledgerbridge.gateway.StoredTokens;
import dev.ledgerbridge.gateway.client.GrantRefusedException;
import dev.ledgerbridge.gateway.client.VendorTokenEndpoints;
import dev.ledgerbridge.gateway.config.GatewayConfig;
import dev.ledgerbridge.gateway.repository.ConnectionTokenRepository;
import dev.ledgerbridge.gateway.repository.ConnectionTokenRepository.TokenRow;
import dev.ledgerbridge.gateway.security.TokenCipher;
import dev.ledgerbridge.gateway.security.TokenPlace;
import io.quarkus.logging.Log;
import io.quarkus.oidc.client.Tokens;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * The token lifecycle of every stored connection: hands out the access token while more than the refresh margin is
 * left, refreshes it otherwise under the connection row's PostgreSQL lock (so the replicas together send each refresh
 * token once), stores the new refresh token before the old one is dropped, and turns a refused refresh into
 * RECONNECT_NEEDED.
 */
@ApplicationScoped
public class ConnectionTokens {

    /** Used when a token endpoint does not say how long an access token lives. */
    private static final Duration ASSUMED_LIFETIME = Duration.ofMinutes(30);

    private final ConnectionTokenRepository repository;
    private final VendorTokenEndpoints endpoints;
    private final TokenCipher cipher;
    private final GatewayConfig config;
    private final Clock clock = Clock.systemUTC();

    public ConnectionTokens(ConnectionTokenRepository repository, VendorTokenEndpoints endpoints, TokenCipher cipher,
            GatewayConfig config) {
        this.repository = repository;
        this.endpoints = endpoints;
        this.cipher = cipher;
        this.config = config;
    }

    /**
     * A current access token of the connection: the stored one while it is fresh, else a refreshed one. Fails with
     * {@link ConnectionUnusableException} when the connection cannot give one (not connected, RECONNECT_NEEDED, or
     * refused now), with {@code TokenEndpointUnavailableException} when the refresh failed transiently.
     */
    public Uni<AccessToken> accessToken(ConnectionVendor vendor, String id) {
        return repository.find(vendor, id).chain(row -> {
            requireUsable(vendor, id, row);
            if (isFresh(row.tokens().accessTokenExpiresAt(), clock.instant(), config.connections().refreshMargin())) {
                return Uni.createFrom().item(decryptAccess(vendor, id, row.tokens()));
            }
            return refresh(vendor, id);
        });
    }

    /**
     * Whether an access token expiring at {@code expiresAt} may still be used at {@code now}: more than {@code margin}
     * must be left (a token handed to a service must outlive the service's use of it).
     */
    public static boolean isFresh(OffsetDateTime expiresAt, Instant now, Duration margin) {
        return expiresAt != null && expiresAt.toInstant().isAfter(now.plus(margin));
    }

    /** Encrypts a token endpoint's answer for the connection's row. */
    public StoredTokens seal(ConnectionVendor vendor, String id, Tokens tokens) {
        Instant now = clock.instant();
        Long accessExpiry = tokens.getAccessTokenExpiresAt();
        Instant accessExpiresAt = accessExpiry != null ? Instant.ofEpochSecond(accessExpiry) : now.plus(ASSUMED_LIFETIME);
        String refreshLifetime = tokens.get("x_refresh_token_expires_in");
        Instant refreshExpiresAt = refreshLifetime != null && refreshLifetime.matches("\\d{1,12}")
                ? now.plusSeconds(Long.parseLong(refreshLifetime)) : null;
        return new StoredTokens(cipher.encrypt(tokens.getAccessToken(), place(vendor, id, "access_token")),
                OffsetDateTime.ofInstant(accessExpiresAt, ZoneOffset.UTC),
                cipher.encrypt(tokens.getRefreshToken(), place(vendor, id, "refresh_token")),
                refreshExpiresAt == null ? null : OffsetDateTime.ofInstant(refreshExpiresAt, ZoneOffset.UTC));
    }

    /** The decrypted refresh token of a stored row (disconnect revokes it), null when there is none. */
    public String refreshTokenOf(ConnectionVendor vendor, String id, StoredTokens tokens) {
        return cipher.decrypt(tokens.refreshToken(), place(vendor, id, "refresh_token"));
    }

    /** Where a token of a connection is stored: the AAD of its ciphertext. */
    public static TokenPlace place(ConnectionVendor vendor, String id, String column) {
        return new TokenPlace(vendor.table(), column, id);
    }

    private Uni<AccessToken> refresh(ConnectionVendor vendor, String id) {
        return repository.withLockedRow(vendor, id, (connection, row) -> {
            requireUsable(vendor, id, row);
            // Another replica (or request) may have refreshed while this one waited for the lock.
            if (isFresh(row.tokens().accessTokenExpiresAt(), clock.instant(), config.connections().refreshMargin())) {
                return Uni.createFrom().item(RefreshOutcome.token(decryptAccess(vendor, id, row.tokens())));
            }
            String refreshToken = refreshTokenOf(vendor, id, row.tokens());
            if (refreshToken == null) {
                String reason = "no refresh token is stored";
                return repository.markReconnectNeeded(connection, vendor, id, reason)
                        .replaceWith(RefreshOutcome.refused(reason));
            }
            return endpoints.refresh(vendor, refreshToken)
                    .chain(tokens -> {
                        StoredTokens sealed = seal(vendor, id, tokens);
                        // Committed with the transaction before the token is handed out: the old refresh token is
                        // forgotten only once the new one is stored.
                        return repository.updateTokens(connection, vendor, id, sealed)
                                .replaceWith(RefreshOutcome.token(new AccessToken(tokens.getAccessToken(),
                                        sealed.accessTokenExpiresAt().toInstant())));
                    })
                    .onFailure(GrantRefusedException.class).recoverWithUni(failure -> {
                        String reason = vendorName(vendor) + " refused the refresh token ("
                                + ((GrantRefusedException) failure).error() + ")";
                        return repository.markReconnectNeeded(connection, vendor, id, reason)
                                .replaceWith(RefreshOutcome.refused(reason));
                    });
        }).map(outcome -> {
            if (outcome.refusedReason() != null) {
                Log.warnf("%s=%s refresh refused: %s; connection is RECONNECT_NEEDED", idName(vendor), id,
                        outcome.refusedReason());
                throw new ConnectionUnusableException(vendor, id, ConnectionState.RECONNECT_NEEDED, outcome.refusedReason());
            }
            Log.debugf("%s=%s access token current until %s", idName(vendor), id, outcome.token().expiresAt());
            return outcome.token();
        });
    }

    private AccessToken decryptAccess(ConnectionVendor vendor, String id, StoredTokens tokens) {
        return new AccessToken(cipher.decrypt(tokens.accessToken(), place(vendor, id, "access_token")),
                tokens.accessTokenExpiresAt().toInstant());
    }

    private static void requireUsable(ConnectionVendor vendor, String id, TokenRow row) {
        if (row == null) {
            throw new ConnectionUnusableException(vendor, id, ConnectionState.DISCONNECTED, null);
        }
        if (row.state() != ConnectionState.CONNECTED && row.state() != ConnectionState.CONNECTING) {
            throw new ConnectionUnusableException(vendor, id, row.state(), row.stateReason());
        }
        if (row.tokens().refreshToken() == null && !row.hasAccessToken()) {
            // A row connected with the pre-authorised tokens has none; in OAuth mode it must be connected again.
            throw new ConnectionUnusableException(vendor, id, ConnectionState.RECONNECT_NEEDED,
                    "no OAuth tokens are stored for it");
        }
    }

    private static String idName(ConnectionVendor vendor) {
        return vendor == ConnectionVendor.QUICKBOOKS ? "realmId" : "portalId";
    }

    private static String vendorName(ConnectionVendor vendor) {
        return vendor == ConnectionVendor.QUICKBOOKS ? "Intuit" : "HubSpot";
    }

    /** What the locked part of a refresh ended with: a token, or the reason the vendor refused. */
    private record RefreshOutcome(AccessToken token, String refusedReason) {

        static RefreshOutcome token(AccessToken token) {
            return new RefreshOutcome(token, null);
        }

        static RefreshOutcome refused(String reason) {
            return new RefreshOutcome(null, reason);
        }
    }
}
