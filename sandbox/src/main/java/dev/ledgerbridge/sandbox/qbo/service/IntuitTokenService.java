package dev.ledgerbridge.sandbox.qbo.service;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.ledgerbridge.sandbox.Reseedable;
import dev.ledgerbridge.sandbox.qbo.QboClock;
import dev.ledgerbridge.sandbox.qbo.config.QboSandboxConfig;
import dev.ledgerbridge.sandbox.qbo.repository.QboSeed;
import jakarta.enterprise.context.ApplicationScoped;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Intuit's OAuth 2.0 server for the sandbox: single-use authorization codes, one-hour access tokens and rotating
 * refresh tokens (every refresh answers a new refresh token and retires the old one, which then gets
 * {@code invalid_grant}), revocation per grant, plus contract.md's seeded tokens: {@code sandbox-qbo-<realmId>}
 * (non-expiring access) and {@code seed-refresh-<realmId>}.
 */
@ApplicationScoped
public class IntuitTokenService implements Reseedable {

    /** Prefix of the seeded, non-expiring access tokens (contract.md). */
    public static final String SEEDED_ACCESS_PREFIX = "sandbox-qbo-";
    /** Prefix of the seeded refresh tokens (contract.md). */
    public static final String SEEDED_REFRESH_PREFIX = "seed-refresh-";

    /**
     * Intuit's token endpoint answer.
     *
     * @param tokenType always {@code bearer}
     * @param accessToken the access token
     * @param expiresIn access token lifetime in seconds
     * @param refreshToken the refresh token to keep (it changes on every refresh here)
     * @param refreshTokenExpiresIn refresh token lifetime in seconds
     */
    public record IntuitTokens(
            @JsonProperty("token_type") String tokenType,
            @JsonProperty("access_token") String accessToken,
            @JsonProperty("expires_in") long expiresIn,
            @JsonProperty("refresh_token") String refreshToken,
            @JsonProperty("x_refresh_token_expires_in") long refreshTokenExpiresIn) {
    }

    /** Result of checking a bearer token. */
    public sealed interface Authentication {
        /** The token is valid for {@code realmId}. */
        record Valid(String realmId) implements Authentication {
        }

        /** The token is missing, unknown, revoked or expired; {@code reason} goes into the 401 detail. */
        record Invalid(String reason) implements Authentication {
        }
    }

    /** An OAuth failure with its RFC 6749 error code and HTTP status. */
    public static final class OAuthException extends RuntimeException {
        private final int status;
        private final String error;

        public OAuthException(int status, String error) {
            super(error);
            this.status = status;
            this.error = error;
        }

        public int status() {
            return status;
        }

        public String error() {
            return error;
        }
    }

    private record AccessGrant(String realmId, String grantId, Instant expiresAt) {
    }

    private record RefreshGrant(String realmId, String grantId, Instant expiresAt) {
    }

    private record Code(String realmId, String redirectUri, Instant expiresAt) {
    }

    private final QboSandboxConfig config;
    private final QboClock clock;
    private final SecureRandom random = new SecureRandom();
    private final Map<String, AccessGrant> accessTokens = new ConcurrentHashMap<>();
    private final Map<String, RefreshGrant> refreshTokens = new ConcurrentHashMap<>();
    private final Map<String, Code> codes = new ConcurrentHashMap<>();
    private final Set<String> revokedGrants = ConcurrentHashMap.newKeySet();
    private volatile String authorizeRealm;

    public IntuitTokenService(QboSandboxConfig config, QboClock clock) {
        this.config = config;
        this.clock = clock;
        reset();
    }

    @Override
    public synchronized void reset() {
        accessTokens.clear();
        refreshTokens.clear();
        codes.clear();
        revokedGrants.clear();
        authorizeRealm = config.oauth().defaultRealm();
        for (String realm : Set.of(QboSeed.US_REALM, QboSeed.CA_REALM, QboSeed.US2_REALM)) {
            refreshTokens.put(SEEDED_REFRESH_PREFIX + realm, new RefreshGrant(realm, "seed-" + realm,
                    clock.now().plusSeconds(config.oauth().refreshTokenSeconds())));
        }
    }

    /** Whether the realm is one the sandbox knows (the seeded companies). */
    public boolean knowsRealm(String realmId) {
        return QboSeed.US_REALM.equals(realmId) || QboSeed.CA_REALM.equals(realmId) || QboSeed.US2_REALM.equals(realmId);
    }

    /** Whether HTTP Basic credentials name the registered app. */
    public boolean isClient(String clientId, String clientSecret) {
        return config.oauth().clientId().equals(clientId) && config.oauth().clientSecret().equals(clientSecret);
    }

    /** Whether {@code clientId} is the registered app (authorize step has no secret). */
    public boolean isClientId(String clientId) {
        return config.oauth().clientId().equals(clientId);
    }

    /** The realm the simulated user picks on the consent page when the request names none. */
    public String authorizeRealm() {
        return authorizeRealm;
    }

    /** Makes the simulated user pick another company from now on (admin/test hook; reset() restores config). */
    public void setAuthorizeRealm(String realmId) {
        this.authorizeRealm = realmId;
    }

    /** Issues a single-use authorization code for the realm. */
    public String issueCode(String realmId, String redirectUri) {
        String code = "AB11" + randomToken(24);
        codes.put(code, new Code(realmId, redirectUri, clock.now().plusSeconds(config.oauth().codeSeconds())));
        return code;
    }

    /** grant_type=authorization_code: the code is consumed whether or not the exchange succeeds. */
    public synchronized IntuitTokens exchangeCode(String code, String redirectUri) {
        Code grant = code == null ? null : codes.remove(code);
        if (grant == null || grant.expiresAt().isBefore(clock.now())) {
            throw new OAuthException(400, "invalid_grant");
        }
        if (grant.redirectUri() != null && !grant.redirectUri().equals(redirectUri)) {
            throw new OAuthException(400, "invalid_grant");
        }
        return issueTokens(grant.realmId(), "grant-" + randomToken(12));
    }

    /** grant_type=refresh_token: rotates the refresh token; the presented one is retired. */
    public synchronized IntuitTokens refresh(String refreshToken) {
        RefreshGrant grant = refreshToken == null ? null : refreshTokens.remove(refreshToken);
        if (grant == null || revokedGrants.contains(grant.grantId()) || grant.expiresAt().isBefore(clock.now())) {
            throw new OAuthException(400, "invalid_grant");
        }
        return issueTokens(grant.realmId(), grant.grantId());
    }

    /** Revokes the grant behind an access or refresh token; unknown tokens are ignored (RFC 7009). */
    public synchronized void revoke(String token) {
        if (token == null) {
            return;
        }
        AccessGrant access = accessTokens.get(token);
        RefreshGrant refresh = refreshTokens.get(token);
        String grantId = access != null ? access.grantId() : refresh != null ? refresh.grantId() : null;
        if (grantId != null) {
            revokedGrants.add(grantId);
            accessTokens.values().removeIf(a -> a.grantId().equals(grantId));
            refreshTokens.values().removeIf(r -> r.grantId().equals(grantId));
        }
    }

    /** Checks a bearer token (without the "Bearer " prefix). */
    public Authentication authenticate(String token) {
        if (token == null || token.isBlank()) {
            return new Authentication.Invalid("no bearer token in the Authorization header");
        }
        if (token.startsWith(SEEDED_ACCESS_PREFIX)) {
            String realm = token.substring(SEEDED_ACCESS_PREFIX.length());
            return knowsRealm(realm) ? new Authentication.Valid(realm)
                    : new Authentication.Invalid("token not recognised");
        }
        AccessGrant grant = accessTokens.get(token);
        if (grant == null || revokedGrants.contains(grant.grantId())) {
            return new Authentication.Invalid("token not recognised or revoked");
        }
        if (!grant.expiresAt().isAfter(clock.now())) {
            return new Authentication.Invalid("the access token expired at " + grant.expiresAt());
        }
        return new Authentication.Valid(grant.realmId());
    }

    private IntuitTokens issueTokens(String realmId, String grantId) {
        Instant now = clock.now();
        String access = "eyJ" + randomToken(48);
        String refresh = "RT1-" + randomToken(32);
        accessTokens.put(access,
                new AccessGrant(realmId, grantId, now.plusSeconds(config.oauth().accessTokenSeconds())));
        refreshTokens.put(refresh,
                new RefreshGrant(realmId, grantId, now.plusSeconds(config.oauth().refreshTokenSeconds())));
        return new IntuitTokens("bearer", access, config.oauth().accessTokenSeconds(), refresh,
                config.oauth().refreshTokenSeconds());
    }

    private String randomToken(int bytes) {
        byte[] buffer = new byte[bytes];
        random.nextBytes(buffer);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(buffer);
    }

    /** The realm a successful authentication names, for callers that only need it. */
    public static Optional<String> realmOf(Authentication authentication) {
        return authentication instanceof Authentication.Valid valid ? Optional.of(valid.realmId()) : Optional.empty();
    }
}
