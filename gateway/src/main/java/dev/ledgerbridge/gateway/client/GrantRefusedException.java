package dev.ledgerbridge.gateway.client;

import dev.ledgerbridge.gateway.ConnectionVendor;

/**
 * The vendor's token endpoint refused the grant: Intuit's {@code invalid_grant}, HubSpot's {@code BAD_REFRESH_TOKEN} or
 * {@code BAD_AUTH_CODE}. A refresh token that gets this is dead; only a new authorization helps.
 */
public class GrantRefusedException extends RuntimeException {

    private final ConnectionVendor vendor;
    private final String error;

    public GrantRefusedException(ConnectionVendor vendor, String error) {
        super((vendor == ConnectionVendor.QUICKBOOKS ? "QuickBooks" : "HubSpot") + " refused the grant (" + error + ")");
        this.vendor = vendor;
        this.error = error;
    }

    /** Which vendor. */
    public ConnectionVendor vendor() {
        return vendor;
    }

    /** The vendor's error code, e.g. {@code invalid_grant}. */
    public String error() {
        return error;
    }
}
