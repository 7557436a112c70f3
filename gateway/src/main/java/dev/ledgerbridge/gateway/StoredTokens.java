package dev.ledgerbridge.gateway;

import java.time.OffsetDateTime;

/**
 * The token columns of one connection row as stored: both tokens encrypted ({@code TokenCipher}), the expiries in
 * clear (the refresh logic reads them without decrypting anything).
 */
public record StoredTokens(String accessToken, OffsetDateTime accessTokenExpiresAt, String refreshToken,
        OffsetDateTime refreshTokenExpiresAt) {

    @Override
    public String toString() {
        // Ciphertexts are not secrets, but nobody needs them in a log line either.
        return "StoredTokens[accessTokenExpiresAt=" + accessTokenExpiresAt + ", refreshTokenExpiresAt="
                + refreshTokenExpiresAt + "]";
    }
}
