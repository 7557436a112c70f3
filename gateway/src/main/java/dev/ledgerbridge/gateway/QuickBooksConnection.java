package dev.ledgerbridge.gateway;

import java.time.OffsetDateTime;

/**
 * A QuickBooks company (realm) connected to this LedgerBridge installation, with what R23 needs: its country.
 *
 * @param country QBO's {@code CompanyInfo.Country} ("US", "CA", ...), null when QBO did not say
 * @param stateReason why the connection is in its state (e.g. the refresh token was refused), null when CONNECTED
 */
public record QuickBooksConnection(String realmId, String companyName, String country, ConnectionState state,
        String stateReason, OffsetDateTime connectedAt, OffsetDateTime updatedAt) {

    /** True for a US company, the only kind the QBO actions serve (R23). */
    public boolean isUnitedStates() {
        return "US".equals(country);
    }
}
