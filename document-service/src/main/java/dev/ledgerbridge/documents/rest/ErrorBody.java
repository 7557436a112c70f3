package dev.ledgerbridge.documents.rest;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Every error this service answers (style guide 9).
 *
 * @param code     stable code, e.g. {@code UNKNOWN_TERM}
 * @param message  readable text (shown to finance users for 422s)
 * @param qboCode  QBO's error code for {@code QBO_ERROR}, e.g. {@code 6070}
 * @param qboMessage QBO's own message and detail for {@code QBO_ERROR}
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ErrorBody(String code, String message, String qboCode, String qboMessage) {

    static ErrorBody of(String code, String message) {
        return new ErrorBody(code, message, null, null);
    }
}
