package dev.ledgerbridge.gateway.client;

/**
 * A downstream service refused the request for a business reason (HTTP 422, or another 4xx that a retry cannot cure):
 * the action answers FAIL_CONTINUE with this code and message, verbatim.
 */
public class ServiceRefusalException extends RuntimeException {

    private final String service;
    private final int httpStatus;
    private final String code;
    private final String qboCode;

    public ServiceRefusalException(String service, int httpStatus, String code, String message) {
        this(service, httpStatus, code, message, null);
    }

    public ServiceRefusalException(String service, int httpStatus, String code, String message, String qboCode) {
        super(message);
        this.service = service;
        this.httpStatus = httpStatus;
        this.code = code;
        this.qboCode = qboCode;
    }

    /** QBO's error code when the refusal passes a QBO fault on (e.g. {@code 610}), else null. */
    public String qboCode() {
        return qboCode;
    }

    /** Config key of the refusing service, e.g. {@code contact-sync}. */
    public String service() {
        return service;
    }

    /** HTTP status the service answered. */
    public int httpStatus() {
        return httpStatus;
    }

    /** The service's stable error code, e.g. {@code UNMATCHED_LINE_ITEMS}. */
    public String code() {
        return code;
    }
}
