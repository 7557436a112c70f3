package dev.ledgerbridge.catalog.client;

import java.time.OffsetDateTime;

/**
 * The gateway's answer to a token request.
 *
 * @param accessToken QBO bearer token, without the {@code Bearer } prefix
 * @param expiresAt   when QBO stops accepting it
 */
public record GatewayAccessToken(String accessToken, OffsetDateTime expiresAt) {

    /** Never prints the token: records print every component by default and this one is a secret. */
    @Override
    public String toString() {
        return "GatewayAccessToken[accessToken=***, expiresAt=" + expiresAt + "]";
    }
}
