package dev.ledgerbridge.gateway.rest;

import dev.ledgerbridge.gateway.QuickBooksConnection;
import java.time.OffsetDateTime;

/** A connected QuickBooks company as the admin API shows it. */
public record ConnectionView(String realmId, String companyName, String country, String state,
        OffsetDateTime connectedAt, OffsetDateTime updatedAt) {

    static ConnectionView of(QuickBooksConnection c) {
        return new ConnectionView(c.realmId(), c.companyName(), c.country(), c.state().name(), c.connectedAt(),
                c.updatedAt());
    }
}
