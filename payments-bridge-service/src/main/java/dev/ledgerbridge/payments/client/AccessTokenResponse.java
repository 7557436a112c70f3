package dev.ledgerbridge.payments.client;

import java.time.OffsetDateTime;

/**
 * The gateway's answer to a QBO access-token request.
 *
 * @param accessToken bearer token, never logged
 * @param expiresAt   when QBO stops accepting it
 */
public record AccessTokenResponse(String accessToken, OffsetDateTime expiresAt) {

    /** Keeps the token out of any log line that prints this record. */
    @Override
    public String toString() {
        return "AccessTokenResponse[accessToken=***, expiresAt=" + expiresAt + "]";
    }
}
