package dev.ledgerbridge.hubspot;

import java.util.List;
import java.util.Optional;

/**
 * A HubSpot call answered with a non-2xx status; carries the status and HubSpot's parsed error body, never a token.
 */
public class HubSpotApiException extends RuntimeException {

    private final int httpStatus;
    private final transient HubSpotError error;
    private final String method;
    private final String path;

    public HubSpotApiException(int httpStatus, HubSpotError error, String method, String path) {
        super(describe(httpStatus, error, method, path));
        this.httpStatus = httpStatus;
        this.error = error;
        this.method = method;
        this.path = path;
    }

    /** HTTP status HubSpot answered with. */
    public int httpStatus() {
        return httpStatus;
    }

    /** HubSpot's error body, empty when the body was missing or not JSON. */
    public Optional<HubSpotError> error() {
        return Optional.ofNullable(error);
    }

    /** HubSpot's {@code correlationId} for support tickets, or null. */
    public String correlationId() {
        return error == null ? null : error.correlationId();
    }

    /** HubSpot's {@code category}, e.g. {@code OBJECT_NOT_FOUND} or {@code VALIDATION_ERROR}, or null. */
    public String category() {
        return error == null ? null : error.category();
    }

    /** HubSpot's {@code errors[]} details, empty when absent. */
    public List<ErrorDetail> details() {
        return error == null || error.errors() == null ? List.of() : error.errors();
    }

    /** HTTP method of the failed call. */
    public String method() {
        return method;
    }

    /** Path of the failed call, without query string (so no credential can leak through it). */
    public String path() {
        return path;
    }

    private static String describe(int status, HubSpotError error, String method, String path) {
        StringBuilder sb = new StringBuilder("HubSpot ").append(method).append(' ').append(path).append(" failed with ")
                .append(status);
        if (error != null) {
            if (error.category() != null) {
                sb.append(' ').append(error.category());
            } else if (error.status() != null) {
                sb.append(' ').append(error.status());
            }
            if (error.message() != null) {
                sb.append(": ").append(error.message());
            }
            if (error.correlationId() != null) {
                sb.append(" (correlationId ").append(error.correlationId()).append(')');
            }
        }
        return sb.toString();
    }
}
