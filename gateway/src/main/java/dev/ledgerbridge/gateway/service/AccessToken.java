package dev.ledgerbridge.gateway.service;

import java.time.Instant;

/** A vendor access token and when it expires (callers fetch a new one before then); {@code toString} hides the token. */
public record AccessToken(String accessToken, Instant expiresAt) {

    @Override
    public String toString() {
        return "AccessToken[accessToken=***, expiresAt=" + expiresAt + "]";
    }
}
