package dev.ledgerbridge.gateway.service;

import dev.ledgerbridge.gateway.ActionRequest;
import dev.ledgerbridge.gateway.mapping.InvoiceRequests;
import dev.ledgerbridge.gateway.mapping.PaymentRequests;
import java.util.regex.Pattern;

/**
 * The shape of the actions' inputs (documents A1-A3 and payments A4-A7), checked before the company is looked up or anything is read or
 * written: ids must be ids, choices must be choices. A value that is neither (a query or filter metacharacter, a
 * control character, an object where text belongs) is refused with {@code INVALID_INPUT} naming the field, never passed
 * on to a service, a database query or a vendor. The value itself is not repeated in the message (it may be anything).
 * Inputs the actions do not know are ignored, as HubSpot may add fields to an execution request.
 */
public final class ActionInputs {

    /** Refusal code of a malformed input. */
    public static final String INVALID_INPUT = "INVALID_INPUT";

    private static final Pattern ID = Pattern.compile("\\d{1,20}");
    /** Ids separated by commas or blanks; nothing but separators means "all" (R4). Linear: a separator between ids. */
    private static final Pattern ID_LIST = Pattern.compile("[\\s,]*(\\d{1,20}([\\s,]+\\d{1,20})*)?[\\s,]*");
    private static final Pattern CONTACT_CHOICE = Pattern.compile("(?i)first|primary|\\d{1,20}");
    private static final Pattern YES_NO = Pattern.compile("(?i)true|false|yes|no");
    /** QBO allows 31 characters in a term name; anything much longer is not one. */
    private static final int MAX_TERM_NAME = 100;

    private ActionInputs() {
    }

    /** Throws an {@link ActionRefusal} {@code INVALID_INPUT} for the first malformed input. */
    public static void requireWellFormed(ActionRequest request) {
        require(request, CompanySelector.COMPANY_INPUT, ID, "QuickBooks company",
                "a QuickBooks company id (digits), as the field's dropdown sets it");
        require(request, InvoiceRequests.CONTACT_INPUT, CONTACT_CHOICE, "customer contact",
                "\"first\", \"primary\" or a HubSpot contact id (digits)");
        require(request, InvoiceRequests.LINE_ITEMS_INPUT, ID_LIST, "line items",
                "HubSpot line item ids (digits) separated by commas");
        require(request, InvoiceRequests.DEPOSIT_ACCOUNT_INPUT, ID, "deposit account",
                "a QuickBooks account id (digits), as the field's dropdown sets it");
        require(request, InvoiceRequests.CREATE_MISSING_INPUT, YES_NO, "create missing products",
                "true or false");
        String account = "a QuickBooks account id (digits), as the field's dropdown sets it";
        require(request, InvoiceRequests.INCOME_ACCOUNT_INPUT, ID, "income account", account);
        require(request, PaymentRequests.EXPENSE_ACCOUNT_INPUT, ID, "expense account", account);
        require(request, PaymentRequests.PAYMENT_ACCOUNT_INPUT, ID, "payment account", account);
        require(request, PaymentRequests.VENDOR_INPUT, ID, "vendor",
                "a QuickBooks vendor id (digits), as the field's dropdown sets it");
        String terms = request.input(InvoiceRequests.TERMS_INPUT);
        if (terms != null && (terms.length() > MAX_TERM_NAME || !isPlainText(terms))) {
            throw refusal("payment terms", "the name of a QuickBooks term (at most " + MAX_TERM_NAME
                    + " characters, no control characters), as the field's dropdown sets it");
        }
    }

    private static void require(ActionRequest request, String input, Pattern shape, String label, String expected) {
        String value = request.input(input);
        if (value != null && !shape.matcher(value).matches()) {
            throw refusal(label, expected);
        }
    }

    /** No control characters, no unpaired surrogate (which no UTF-8 encoder can write on). */
    static boolean isPlainText(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isISOControl(c)) {
                return false;
            }
            if (Character.isHighSurrogate(c)) {
                if (i + 1 >= value.length() || !Character.isLowSurrogate(value.charAt(i + 1))) {
                    return false;
                }
                i++;
            } else if (Character.isLowSurrogate(c)) {
                return false;
            }
        }
        return true;
    }

    private static ActionRefusal refusal(String label, String expected) {
        return new ActionRefusal(INVALID_INPUT, "The action's " + label + " field has a value LedgerBridge cannot use;"
                + " it must be " + expected + ". Correct the field in the workflow action.");
    }
}
