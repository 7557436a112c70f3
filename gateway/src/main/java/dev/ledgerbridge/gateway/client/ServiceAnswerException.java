package dev.ledgerbridge.gateway.client;

/**
 * A 4xx answer of a service that an admin endpoint passes to its caller unchanged (status and JSON body), e.g. a
 * matching-settings change refused with 400 INVALID_REQUEST or 409 VERSION_CONFLICT.
 */
public class ServiceAnswerException extends RuntimeException {

    private final int status;
    private final String body;

    public ServiceAnswerException(int status, String body) {
        super("service answered HTTP " + status);
        this.status = status;
        this.body = body;
    }

    /** The service's HTTP status. */
    public int status() {
        return status;
    }

    /** The service's body as sent, or null. */
    public String body() {
        return body;
    }
}
