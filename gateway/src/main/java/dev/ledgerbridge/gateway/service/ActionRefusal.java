package dev.ledgerbridge.gateway.service;

/**
 * A business refusal decided by the gateway itself (invariant 2): answered as FAIL_CONTINUE with this code and a
 * message written for a finance user, never as an HTTP error.
 */
public class ActionRefusal extends RuntimeException {

    private final String code;

    public ActionRefusal(String code, String message) {
        super(message, null, false, false);
        this.code = code;
    }

    /** Stable error code, e.g. {@code COMPANY_NOT_US}. */
    public String code() {
        return code;
    }
}
