package dev.ledgerbridge.quickbooks;

/**
 * A QBO call that did not produce the expected result; thrown as is when the answer was not JSON (an HTML error
 * page from a proxy) or lacked the expected entity, and as {@link QboFaultException} when QBO reported a fault or
 * answered an error status with an empty body.
 */
public class QboException extends RuntimeException {

    private final int httpStatus;
    private final String intuitTid;

    /** Creates the exception; {@code intuitTid} is the response's support id, null if absent. */
    public QboException(String message, int httpStatus, String intuitTid, Throwable cause) {
        super(message, cause);
        this.httpStatus = httpStatus;
        this.intuitTid = intuitTid;
    }

    /** HTTP status of the response. */
    public int httpStatus() {
        return httpStatus;
    }

    /** Intuit's {@code intuit_tid} response header, the id Intuit support asks for; null if absent. */
    public String intuitTid() {
        return intuitTid;
    }

    /** True when QBO throttled the call (HTTP 429). */
    public boolean isThrottled() {
        return httpStatus == 429;
    }

    /** True when the token was rejected (HTTP 401): refresh once, then ask the user to reconnect. */
    public boolean isAuthentication() {
        return httpStatus == 401;
    }

    /** True for a 5xx answer, which may succeed when retried later. */
    public boolean isServerError() {
        return httpStatus >= 500;
    }
}
