package dev.ledgerbridge.hubspot;

import io.smallrye.mutiny.Uni;

/**
 * Supplies a current HubSpot access token for a portal; the owner of the token store refreshes it (R-tokens live
 * outside this library so it stays free of persistence).
 */
@FunctionalInterface
public interface AccessTokenProvider {

    /** A token valid for {@code portalId}; called before every HTTP attempt, so implementations should cache. */
    Uni<String> accessToken(long portalId);
}
