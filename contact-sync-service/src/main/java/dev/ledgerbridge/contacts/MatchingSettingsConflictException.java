package dev.ledgerbridge.contacts;

/** A settings change based on a version that is no longer current (answered as 409). */
public class MatchingSettingsConflictException extends RuntimeException {

    /** With the user-facing message naming both versions. */
    public MatchingSettingsConflictException(String realmId, long expected, long current) {
        super("The matching settings of company " + realmId + " are at version " + current + ", not " + expected
                + ": someone changed them in the meantime. Reload them and apply your change again.");
    }
}
