package dev.ledgerbridge.gateway.rest;

import java.time.Instant;

/** Answer of the internal token endpoint: a QBO access token and when to fetch a new one. */
public record AccessTokenResponse(String accessToken, Instant expiresAt) {
}
