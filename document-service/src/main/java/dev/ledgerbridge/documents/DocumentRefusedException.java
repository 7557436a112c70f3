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
    /** The idempotency key was used before for another company or document type. */
    public static final String IDEMPOTENCY_KEY_CONFLICT = "IDEMPOTENCY_KEY_CONFLICT";
    /** The gateway holds no QBO connection for the realm. */
    public static final String COMPANY_NOT_CONNECTED = "COMPANY_NOT_CONNECTED";

    /** A field was sent for a document type that has no such field (terms on an estimate, R2). */
    public static final String FIELD_NOT_APPLICABLE = "FIELD_NOT_APPLICABLE";
    /** A sales receipt has no deposit account or payment method, neither in the request nor in the settings. */
    public static final String SALES_RECEIPT_NOT_CONFIGURED = "SALES_RECEIPT_NOT_CONFIGURED";
    /** QBO already holds a document of the type with the number (QBO error 6140). */
    public static final String DUPLICATE_DOC_NUMBER = "DUPLICATE_DOC_NUMBER";
    /** The number the pattern gives for this record is longer than QBO's 21 characters. */
    public static final String DOC_NUMBER_TOO_LONG = "DOC_NUMBER_TOO_LONG";
    /** Settings: the deposit account does not exist, is inactive, or is not a Bank or Other Current Asset account. */
    public static final String INVALID_DEPOSIT_ACCOUNT = "INVALID_DEPOSIT_ACCOUNT";
    /** Settings: the payment method does not exist or is inactive. */
    public static final String UNKNOWN_PAYMENT_METHOD = "UNKNOWN_PAYMENT_METHOD";
    /** A paid invoice's payment is larger than the invoice it pays. */
    public static final String PAYMENT_EXCEEDS_INVOICE = "PAYMENT_EXCEEDS_INVOICE";
    /** A fee expense's paying account does not exist, is inactive, or is neither a Bank nor a Credit Card account. */
    public static final String INVALID_PAYMENT_ACCOUNT = "INVALID_PAYMENT_ACCOUNT";
    /** Settings: the DocNumber pattern cannot produce valid numbers. */
    public static final String INVALID_DOC_NUMBER_PATTERN = "INVALID_DOC_NUMBER_PATTERN";
    /** A preview asked for a payment document; previews are for the sales forms of A1-A3 (admin API only). */
    public static final String UNSUPPORTED_DOCUMENT_TYPE = "UNSUPPORTED_DOCUMENT_TYPE";

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
