package dev.ledgerbridge.payments.client;

/**
 * A downstream service refused the request for a business reason (HTTP 422, or another 4xx no retry cures): the
 * payment action answers REFUSED with this code and message, verbatim.
 */
public class ServiceRefusalException extends RuntimeException {

    private final String service;
    private final int httpStatus;
    private final String code;

    /** Creates the refusal as the service answered it. */
    public ServiceRefusalException(String service, int httpStatus, String code, String message) {
        super(message, null, false, false);
        this.service = service;
        this.httpStatus = httpStatus;
        this.code = code;
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
