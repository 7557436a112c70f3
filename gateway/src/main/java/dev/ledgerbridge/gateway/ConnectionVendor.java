package dev.ledgerbridge.gateway;

/**
 * The two vendors the gateway holds OAuth connections to, with the table of their connections (one row per QBO realm,
 * one per HubSpot portal). The table and column names are constants, never input, so they may be part of SQL text.
 */
public enum ConnectionVendor {
    QUICKBOOKS("quickbooks_connection", "realm_id", "QuickBooks company"),
    HUBSPOT("hubspot_connection", "portal_id", "HubSpot portal");

    private final String table;
    private final String idColumn;
    private final String label;

    ConnectionVendor(String table, String idColumn, String label) {
        this.table = table;
        this.idColumn = idColumn;
        this.label = label;
    }

    /** The connections table. */
    public String table() {
        return table;
    }

    /** The key column of the connections table. */
    public String idColumn() {
        return idColumn;
    }

    /** How messages name one connection, e.g. "QuickBooks company". */
    public String label() {
        return label;
    }
}
