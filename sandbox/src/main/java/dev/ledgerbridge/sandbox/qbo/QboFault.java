package dev.ledgerbridge.sandbox.qbo;

/**
 * A QBO error answer: HTTP status plus the one Error element of QBO's {@code Fault} body. Thrown anywhere in
 * the QBO half and turned into the wire body in one place (the fault mapper).
 */
public class QboFault extends RuntimeException {

    private final int status;
    private final String code;
    private final String detail;
    private final String element;
    private final String type;

    public QboFault(int status, String type, String code, String message, String detail, String element) {
        super(message);
        this.status = status;
        this.type = type;
        this.code = code;
        this.detail = detail;
        this.element = element;
    }

    /** A 400 ValidationFault. */
    public static QboFault validation(String code, String message, String detail, String element) {
        return new QboFault(400, "ValidationFault", code, message, detail, element);
    }

    /** 6000, QBO's generic business validation error, with a specific detail. */
    public static QboFault business(String detail, String element) {
        return validation("6000", "A business validation error has occurred while processing your request",
                "Business Validation Error: " + detail, element);
    }

    /** 2020: a required field is missing. */
    public static QboFault required(String field) {
        return validation("2020", "Required param missing, need to supply the required value for the API",
                "Required parameter " + field + " is missing in the request", field);
    }

    /** 610: the referenced object is missing or inactive. */
    public static QboFault objectNotFound(String element) {
        return validation("610", "Object Not Found",
                "Object Not Found : Something you're trying to use has been made inactive. Check the fields with"
                        + " accounts, customers, items, vendors or employees.", element);
    }

    /** 4000: the statement does not parse. */
    public static QboFault queryParse(String detail) {
        return validation("4000", "Error parsing query", "QueryParserError: " + detail, "");
    }

    /** 4001: the statement parses but names something that cannot be queried. */
    public static QboFault queryValidation(String detail) {
        return validation("4001", "Invalid query", "QueryValidationError: " + detail, "");
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    public String detail() {
        return detail;
    }

    public String element() {
        return element;
    }

    public String type() {
        return type;
    }
}
