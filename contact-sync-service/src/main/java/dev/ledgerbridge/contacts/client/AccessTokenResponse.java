package dev.ledgerbridge.contacts.client;

import java.time.Instant;

/**
 * The gateway's answer to a token request.
 *
 * @param accessToken bearer token for QBO (never logged)
 * @param expiresAt   when QBO stops accepting it
 */
record AccessTokenResponse(String accessToken, Instant expiresAt) {
}
