package dev.ledgerbridge.documents;

/**
 * A business refusal (HTTP 422): the document cannot be created as asked; {@code code} is stable and
 * {@code getMessage()} is written for a finance user, since HubSpot shows it verbatim.
 */
public class DocumentRefusedException extends RuntimeException {

    /** The term name is not an active QBO payment term of the company. */
    public static final String UNKNOWN_TERM = "UNKNOWN_TERM";
    /** The lines cannot form a valid QBO document. */
    public static final String INVALID_LINES = "INVALID_LINES";
    /** The document type is not built yet. */
    public static final String UNSUPPORTED_DOCUMENT_TYPE = "UNSUPPORTED_DOCUMENT_TYPE";
    /** The idempotency key was used before for another company or document type. */
    public static final String IDEMPOTENCY_KEY_CONFLICT = "IDEMPOTENCY_KEY_CONFLICT";
    /** The gateway holds no QBO connection for the realm. */
    public static final String COMPANY_NOT_CONNECTED = "COMPANY_NOT_CONNECTED";

    private final String code;

    /** Creates the refusal with its stable code and user-facing message. */
    public DocumentRefusedException(String code, String message) {
        super(message, null, false, false);
        this.code = code;
    }

    /** The stable error code. */
    public String code() {
        return code;
    }
}
