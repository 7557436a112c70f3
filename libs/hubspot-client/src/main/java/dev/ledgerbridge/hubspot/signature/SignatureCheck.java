package dev.ledgerbridge.hubspot.signature;

/**
 * Result of a signature verification: the outcome, the scheme that was checked (null when no usable header was
 * found) and a short reason safe to log (never the secret or the expected signature).
 */
public record SignatureCheck(SignatureOutcome outcome, SignatureVersion version, String reason) {

    /** True only for {@link SignatureOutcome#VALID}. */
    public boolean isValid() {
        return outcome == SignatureOutcome.VALID;
    }

    static SignatureCheck valid(SignatureVersion version) {
        return new SignatureCheck(SignatureOutcome.VALID, version, "signature matches");
    }

    static SignatureCheck of(SignatureOutcome outcome, SignatureVersion version, String reason) {
        return new SignatureCheck(outcome, version, reason);
    }
}
