package dev.ledgerbridge.gateway.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.ledgerbridge.gateway.HubSpotConnection;
import java.time.OffsetDateTime;

/** A HubSpot portal as the admin API shows it; never any token. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record HubSpotConnectionView(String portalId, String hubDomain, String scopes, String state, String stateReason,
        OffsetDateTime connectedAt, OffsetDateTime updatedAt) {

    static HubSpotConnectionView of(HubSpotConnection c) {
        return new HubSpotConnectionView(c.portalId(), c.hubDomain(), c.scopes(), c.state().name(), c.stateReason(),
                c.connectedAt(), c.updatedAt());
    }
}
