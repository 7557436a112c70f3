package dev.ledgerbridge.gateway.client;

import dev.ledgerbridge.gateway.ConnectionVendor;

/**
 * A vendor token endpoint that failed transiently (5xx, timeout, no connection, an answer that is not a refusal of the
 * grant): nothing was changed, the caller may try again later. Never carries the endpoint's body.
 */
public class TokenEndpointUnavailableException extends RuntimeException {

    private final ConnectionVendor vendor;

    public TokenEndpointUnavailableException(ConnectionVendor vendor, String detail) {
        super((vendor == ConnectionVendor.QUICKBOOKS ? "Intuit's" : "HubSpot's") + " token endpoint is unavailable ("
                + detail + "); try again later");
        this.vendor = vendor;
    }

    /** Which vendor's endpoint. */
    public ConnectionVendor vendor() {
        return vendor;
    }
}
