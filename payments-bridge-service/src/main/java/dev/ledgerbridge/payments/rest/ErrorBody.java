package dev.ledgerbridge.payments.rest;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Every error this service answers (style guide 9).
 *
 * @param code    stable code, e.g. {@code ACCOUNT_TYPE_NOT_ALLOWED}
 * @param message readable text (shown to finance users for 422s)
 * @param field   the setting or request field concerned, when one is
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ErrorBody(String code, String message, String field) {

    static ErrorBody of(String code, String message) {
        return new ErrorBody(code, message, null);
    }
}
