package dev.ledgerbridge.quickbooks;

import io.smallrye.mutiny.Uni;

/**
 * Supplies a current OAuth access token for a QBO company; the gateway's token store implements it, tests and
 * the demo use the sandbox's pre-authorised {@code sandbox-qbo-<realmId>} tokens.
 */
@FunctionalInterface
public interface AccessTokenProvider {

    /** A valid bearer token (without the {@code Bearer } prefix) for the realm. */
    Uni<String> accessToken(String realmId);
}
