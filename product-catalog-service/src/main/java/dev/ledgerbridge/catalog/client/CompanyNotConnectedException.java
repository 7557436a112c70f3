package dev.ledgerbridge.catalog.client;

/** The gateway knows no connection for the QBO company: a refusal (422 COMPANY_NOT_CONNECTED), not a fault. */
public class CompanyNotConnectedException extends RuntimeException {

    private final String realmId;

    /** Creates the exception for a realm. */
    public CompanyNotConnectedException(String realmId) {
        super("QuickBooks company " + realmId + " is not connected to LedgerBridge. Connect it, then run the action again.",
                null, false, false);
        this.realmId = realmId;
    }

    /** The realm that is not connected. */
    public String realmId() {
        return realmId;
    }
}
