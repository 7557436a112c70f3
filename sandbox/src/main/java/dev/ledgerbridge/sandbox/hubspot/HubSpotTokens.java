package dev.ledgerbridge.sandbox.hubspot;

import dev.ledgerbridge.sandbox.Reseedable;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * HubSpot OAuth state: authorization codes, refresh tokens (seeded {@code seed-refresh-<portal>}), issued
 * access tokens with their expiry, and the non-expiring pre-authorised {@code sandbox-hubspot-<portal>}.
 */
@ApplicationScoped
public class HubSpotTokens implements Reseedable {

    /** Outcome of checking a bearer token. */
    public enum Check { VALID, EXPIRED, INVALID }

    /** An issued access token. */
    public record AccessToken(String token, long portalId, Instant expiresAt) {
    }

    private record AuthCode(String redirectUri, long portalId, String scope) {
    }

    private final HubSpotSandboxConfig config;
    private final Clock clock;
    private final Map<String, AccessToken> accessTokens = new ConcurrentHashMap<>();
    private final Map<String, Long> refreshTokens = new ConcurrentHashMap<>();
    private final Map<String, AuthCode> codes = new ConcurrentHashMap<>();

    public HubSpotTokens(HubSpotSandboxConfig config) {
        this.config = config;
        this.clock = Clock.systemUTC();
        reset();
    }

    @Override
    public void reset() {
        accessTokens.clear();
        codes.clear();
        refreshTokens.clear();
        refreshTokens.put("seed-refresh-" + config.portalId(), config.portalId());
    }

    public String preAuthorisedToken() {
        return "sandbox-hubspot-" + config.portalId();
    }

    /** Checks a bearer token; only the seeded portal has data, so only its tokens are valid. */
    public Check check(String token) {
        if (token == null || token.isBlank()) {
            return Check.INVALID;
        }
        if (token.equals(preAuthorisedToken())) {
            return Check.VALID;
        }
        AccessToken t = accessTokens.get(token);
        if (t == null) {
            return Check.INVALID;
        }
        return clock.instant().isBefore(t.expiresAt()) ? Check.VALID : Check.EXPIRED;
    }

    /** Details of a known access token, or null. */
    public AccessToken describe(String token) {
        if (token.equals(preAuthorisedToken())) {
            return new AccessToken(token, config.portalId(), Instant.MAX);
        }
        return accessTokens.get(token);
    }

    public boolean isRefreshToken(String token) {
        return refreshTokens.containsKey(token);
    }

    public String newAuthorizationCode(String redirectUri, String scope) {
        String code = "sbx-hs-code-" + UUID.randomUUID();
        codes.put(code, new AuthCode(redirectUri, config.portalId(), scope));
        return code;
    }

    /** Consumes a code issued for this redirect URI; null when unknown, used or issued for another URI. */
    public String redeemCode(String code, String redirectUri) {
        AuthCode c = code == null ? null : codes.remove(code);
        if (c == null || (c.redirectUri() != null && !c.redirectUri().equals(redirectUri))) {
            return null;
        }
        String refresh = "sbx-hs-rt-" + UUID.randomUUID();
        refreshTokens.put(refresh, c.portalId());
        return refresh;
    }

    /** Issues a fresh access token for the portal of a refresh token. */
    public AccessToken issueAccessToken(String refreshToken) {
        Long portal = refreshTokens.get(refreshToken);
        String token = "sbx-hs-at-" + UUID.randomUUID();
        AccessToken t = new AccessToken(token, portal, clock.instant().plus(config.accessTokenTtl()));
        accessTokens.put(token, t);
        return t;
    }

    /** Forgets a refresh token (the app's grant is uninstalled); false when it was not known. */
    public boolean deleteRefreshToken(String token) {
        return token != null && refreshTokens.remove(token) != null;
    }

    /** Makes a token expire now (tests and demos of the refresh path). */
    public void expire(String token) {
        accessTokens.computeIfPresent(token, (k, t) -> new AccessToken(t.token(), t.portalId(), clock.instant().minusSeconds(1)));
    }
}
