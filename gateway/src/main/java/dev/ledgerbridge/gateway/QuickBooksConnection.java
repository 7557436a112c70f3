package dev.ledgerbridge.gateway;

import java.time.OffsetDateTime;

/**
 * A QuickBooks company (realm) connected to this LedgerBridge installation, with what R23 needs: its country.
 *
 * @param country QBO's {@code CompanyInfo.Country} ("US", "CA", ...), null when QBO did not say
 */
public record QuickBooksConnection(String realmId, String companyName, String country, ConnectionState state,
        OffsetDateTime connectedAt, OffsetDateTime updatedAt) {

    /** True for a US company, the only kind the QBO actions serve (R23). */
    public boolean isUnitedStates() {
        return "US".equals(country);
    }

    /** Whether actions may use the connection. */
    public enum ConnectionState {
        CONNECTED, DISCONNECTED
    }
}
