package dev.ledgerbridge.gateway.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.ledgerbridge.gateway.QuickBooksConnection;
import java.time.OffsetDateTime;

/** A QuickBooks company as the admin API shows it; never any token. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ConnectionView(String realmId, String companyName, String country, String state, String stateReason,
        OffsetDateTime connectedAt, OffsetDateTime updatedAt) {

    static ConnectionView of(QuickBooksConnection c) {
        return new ConnectionView(c.realmId(), c.companyName(), c.country(), c.state().name(), c.stateReason(),
                c.connectedAt(), c.updatedAt());
    }
}
