package dev.ledgerbridge.gateway;

/** The state of an OAuth connection to a QBO company or a HubSpot portal. */
public enum ConnectionState {
    /** Tokens stored by the callback, which is still reading the company with them; actions do not use it yet. */
    CONNECTING,
    /** Usable: actions run, tokens are refreshed as needed. */
    CONNECTED,
    /** The vendor refused the refresh token (invalid_grant): an admin must run the authorization flow again. */
    RECONNECT_NEEDED,
    /** Disconnected by an admin (tokens revoked and wiped), or never connected. */
    DISCONNECTED
}
