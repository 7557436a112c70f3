package dev.ledgerbridge.contacts.rest;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The body of every error answer (style guide 9).
 *
 * @param code       stable code, e.g. NO_CONTACT, INVALID_REQUEST, QBO_ERROR
 * @param message    for a finance user; the gateway shows it in HubSpot verbatim
 * @param qboCode    QBO's error code (QBO_ERROR only), e.g. "6000"
 * @param qboMessage QBO's error message (QBO_ERROR only)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ErrorBody(String code, String message, String qboCode, String qboMessage) {

    /** An error without QBO details. */
    public static ErrorBody of(String code, String message) {
        return new ErrorBody(code, message, null, null);
    }
}
