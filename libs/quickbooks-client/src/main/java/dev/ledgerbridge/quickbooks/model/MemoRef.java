package dev.ledgerbridge.quickbooks.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.quarkus.runtime.annotations.RegisterForReflection;


/**
 * A printed memo such as {@code Invoice.CustomerMemo} ({@code {"value": "..."}}, max 1000 characters in QBO).
 */
// Reflection: serialised by the client's own ObjectMapper, outside Quarkus REST.
@RegisterForReflection
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record MemoRef(
        @JsonProperty("value") String value) {

    /** Wraps the memo text. */
    public static MemoRef of(String value) {
        return new MemoRef(value);
    }
}
