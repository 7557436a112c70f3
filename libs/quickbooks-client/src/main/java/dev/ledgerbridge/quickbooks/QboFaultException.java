package dev.ledgerbridge.quickbooks;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * A fault QBO reported, in either of its two shapes ({@code Fault/Error/Message} or the transport layer's
 * lower-case {@code fault/error/message}), including a fault inside an HTTP 200.
 */
public class QboFaultException extends QboException {

    private final String faultType;
    private final List<QboError> errors;

    /** Creates the exception; {@code errors} may be empty when QBO sent a status without a fault body. */
    public QboFaultException(int httpStatus, String faultType, List<QboError> errors, String intuitTid) {
        super(describe(httpStatus, faultType, errors, intuitTid), httpStatus, intuitTid, null);
        this.faultType = faultType;
        this.errors = List.copyOf(errors);
    }

    /** The fault's {@code type}, e.g. {@code ValidationFault}, {@code AUTHENTICATION}; null if none was sent. */
    public String faultType() {
        return faultType;
    }

    /** The errors in QBO's order. */
    public List<QboError> errors() {
        return errors;
    }

    /** Code of the first error, e.g. "6240"; null when there is none. */
    public String firstCode() {
        return errors.isEmpty() ? null : errors.get(0).code();
    }

    /** True when any error carries the code. */
    public boolean hasCode(String code) {
        return errors.stream().anyMatch(e -> code.equals(e.code()));
    }

    @Override
    public boolean isThrottled() {
        return super.isThrottled() || hasCode("3001") || typeIs("ThrottleExceeded");
    }

    @Override
    public boolean isAuthentication() {
        return super.isAuthentication() || hasCode("3200") || typeIs("AuthenticationFault") || typeIs("AUTHENTICATION");
    }

    /** True when the user or company lacks rights (403, AuthorizationFault, codes 120 and 3201): permanent. */
    public boolean isAuthorization() {
        return httpStatus() == 403 || hasCode("120") || hasCode("3201") || typeIs("AuthorizationFault");
    }

    /** True for a business validation fault (bad or conflicting data). */
    public boolean isValidation() {
        return typeIs("ValidationFault");
    }

    /** True for 6240: the name is already used by a customer, vendor or employee (or another item). */
    public boolean isDuplicateName() {
        return hasCode("6240");
    }

    /** True for 5010: the SyncToken is stale; re-read, re-apply and retry once. */
    public boolean isStaleObject() {
        return hasCode("5010");
    }

    private boolean typeIs(String type) {
        return faultType != null && faultType.toLowerCase(Locale.ROOT).equals(type.toLowerCase(Locale.ROOT));
    }

    // Message and code only: Detail may quote customer data and exception messages end up in logs.
    private static String describe(int status, String type, List<QboError> errors, String tid) {
        String list = errors.isEmpty() ? "no error details"
                : errors.stream().map(e -> e.code() + " " + e.message()).collect(Collectors.joining("; "));
        return "QBO fault (HTTP " + status + (type == null ? "" : ", " + type) + "): " + list
                + (tid == null ? "" : " [intuit_tid " + tid + "]");
    }
}
