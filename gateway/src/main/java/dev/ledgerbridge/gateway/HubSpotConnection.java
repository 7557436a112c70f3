package dev.ledgerbridge.gateway;

import java.time.OffsetDateTime;

/**
 * A HubSpot portal that installed the LedgerBridge app.
 *
 * @param portalId the hub id
 * @param hubDomain the portal's domain as HubSpot's token info reports it, null when unknown
 * @param scopes the granted scopes, space-separated
 * @param stateReason why the connection is in its state, null when CONNECTED
 */
public record HubSpotConnection(String portalId, String hubDomain, String scopes, ConnectionState state,
        String stateReason, OffsetDateTime connectedAt, OffsetDateTime updatedAt) {
}
