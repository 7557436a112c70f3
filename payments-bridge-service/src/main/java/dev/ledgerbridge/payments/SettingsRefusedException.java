package dev.ledgerbridge.payments;

/**
 * Payment settings that cannot be used (HTTP 422): an account of the wrong type, an unknown or inactive vendor, a
 * company that is not connected. {@code field} names the setting, null when the refusal is about the company.
 */
public class SettingsRefusedException extends RuntimeException {

    /** QBO has no active account with the id. */
    public static final String ACCOUNT_NOT_FOUND = "ACCOUNT_NOT_FOUND";
    /** The account exists but its type cannot serve the setting. */
    public static final String ACCOUNT_TYPE_NOT_ALLOWED = "ACCOUNT_TYPE_NOT_ALLOWED";
    /** QBO has no vendor with the id. */
    public static final String VENDOR_NOT_FOUND = "VENDOR_NOT_FOUND";
    /** The vendor exists but is inactive. */
    public static final String VENDOR_INACTIVE = "VENDOR_INACTIVE";
    /** QBO has no active payment method with the id. */
    public static final String PAYMENT_METHOD_NOT_FOUND = "PAYMENT_METHOD_NOT_FOUND";
    /** The gateway holds no QBO connection for the realm. */
    public static final String COMPANY_NOT_CONNECTED = "COMPANY_NOT_CONNECTED";

    private final String code;
    private final String field;

    /** Creates the refusal with its stable code, the setting it concerns and a user-facing message. */
    public SettingsRefusedException(String code, String field, String message) {
        super(message, null, false, false);
        this.code = code;
        this.field = field;
    }

    /** The stable error code. */
    public String code() {
        return code;
    }

    /** The setting concerned, e.g. {@code feeExpenseAccountId}, or null. */
    public String field() {
        return field;
    }
}
