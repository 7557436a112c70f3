package dev.ledgerbridge.contacts;

/**
 * A business refusal to resolve a customer; the gateway shows {@link #code()} and the message to the HubSpot user
 * verbatim, so messages are written for a finance user.
 */
public class CustomerResolutionRefusal extends RuntimeException {

    /** The stable refusal codes of this service. */
    public enum Code {
        /** The record has no associated contact. */
        NO_CONTACT,
        /** The action names a contact that is not associated with the record. */
        CONTACT_NOT_ASSOCIATED,
        /** The company is in SYNC_FILTERS mode and the chosen contact does not pass its sync filters (R7). */
        CONTACT_NOT_ELIGIBLE,
        /** The chosen contact has no name and no e-mail. */
        CONTACT_INCOMPLETE,
        /** Every readable DisplayName for a new customer is already used in QBO. */
        CUSTOMER_NAME_TAKEN,
        /** The QuickBooks company is not (or no longer) connected. */
        COMPANY_NOT_CONNECTED
    }

    private final Code code;

    /** Creates a refusal with its user-facing message. */
    public CustomerResolutionRefusal(Code code, String message) {
        super(message);
        this.code = code;
    }

    /** The stable code. */
    public Code code() {
        return code;
    }
}
