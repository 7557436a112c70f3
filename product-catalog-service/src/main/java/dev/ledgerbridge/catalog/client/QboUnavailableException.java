package dev.ledgerbridge.catalog.client;

/** QBO could not be reached or did not answer in time (a transport failure, not a QBO fault). */
public class QboUnavailableException extends RuntimeException {

    /** Creates the exception for a realm. */
    public QboUnavailableException(String realmId, Throwable cause) {
        super("QuickBooks could not be reached for company " + realmId, cause);
    }
}
