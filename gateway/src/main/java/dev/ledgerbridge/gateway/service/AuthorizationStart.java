package dev.ledgerbridge.gateway.service;

import java.time.Instant;

/**
 * An authorization an admin started: the vendor page to open in a browser (it carries the single-use state) and when
 * the state expires.
 */
public record AuthorizationStart(String authorizeUrl, Instant expiresAt) {
}
