package dev.ledgerbridge.gateway.rest;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Error answer of every gateway endpoint (style guide 9).
 *
 * @param downstream which downstream failed, for 5xx answers caused by one; omitted otherwise
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ErrorBody(String code, String message, String downstream) {

    public ErrorBody(String code, String message) {
        this(code, message, null);
    }
}
