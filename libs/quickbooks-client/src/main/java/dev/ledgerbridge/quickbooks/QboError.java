package dev.ledgerbridge.quickbooks;

/**
 * One error inside a QBO fault.
 *
 * @param message short text, e.g. "Duplicate Name Exists Error"
 * @param detail  longer explanation; may quote the offending value, so do not log it wholesale
 * @param code    QBO error code, e.g. "6240"
 * @param element the request element the error refers to, often empty
 */
public record QboError(String message, String detail, String code, String element) {
}
