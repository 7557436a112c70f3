package dev.ledgerbridge.gateway.service;

import dev.ledgerbridge.gateway.ConnectionState;
import dev.ledgerbridge.gateway.ConnectionVendor;

/**
 * A QBO company or HubSpot portal whose connection cannot give a token: not connected, disconnected, or waiting for an
 * admin to reconnect it after the vendor refused its refresh token. The message says what to do.
 */
public class ConnectionUnusableException extends RuntimeException {

    private final ConnectionVendor vendor;
    private final String id;
    private final ConnectionState state;

    public ConnectionUnusableException(ConnectionVendor vendor, String id, ConnectionState state, String reason) {
        super(message(vendor, id, state, reason));
        this.vendor = vendor;
        this.id = id;
        this.state = state;
    }

    /** Which vendor. */
    public ConnectionVendor vendor() {
        return vendor;
    }

    /** The realm or portal id. */
    public String id() {
        return id;
    }

    /** The connection's state (DISCONNECTED also for an unknown one). */
    public ConnectionState state() {
        return state;
    }

    /** The error code of answers and refusals: COMPANY_NOT_CONNECTED for QBO, PORTAL_NOT_CONNECTED for HubSpot. */
    public String code() {
        return vendor == ConnectionVendor.QUICKBOOKS ? "COMPANY_NOT_CONNECTED" : "PORTAL_NOT_CONNECTED";
    }

    /** The message for a connection in {@code state}; {@code reason} is the stored state reason, may be null. */
    public static String message(ConnectionVendor vendor, String id, ConnectionState state, String reason) {
        if (state == ConnectionState.RECONNECT_NEEDED) {
            String how = vendor == ConnectionVendor.QUICKBOOKS
                    ? "POST /admin/v1/connections/quickbooks/authorizations and open the returned authorizeUrl"
                    : "POST /admin/v1/connections/hubspot/installations and open the returned authorizeUrl";
            return vendor.label() + " " + id + " must be reconnected by an admin"
                    + (reason == null ? "" : " (" + reason + ")") + ": " + how
                    + " to authorize LedgerBridge again. Until then every action for it is refused.";
        }
        return vendor.label() + " " + id + " is not connected to LedgerBridge.";
    }
}
