package dev.ledgerbridge.contacts;

/** Matching settings that cannot be stored; the message names each problem and where it is (answered as 400). */
public class InvalidMatchingSettingsException extends RuntimeException {

    /** With the full, user-facing message. */
    public InvalidMatchingSettingsException(String message) {
        super(message);
    }
}
