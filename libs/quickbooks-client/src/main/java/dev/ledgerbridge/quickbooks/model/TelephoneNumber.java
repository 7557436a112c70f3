package dev.ledgerbridge.quickbooks.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.quarkus.runtime.annotations.RegisterForReflection;


/**
 * A telephone number in QBO's free-form shape ({@code PrimaryPhone}, {@code Mobile}, {@code Fax}).
 */
// Reflection: serialised by the client's own ObjectMapper, outside Quarkus REST.
@RegisterForReflection
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TelephoneNumber(
        @JsonProperty("FreeFormNumber") String freeFormNumber) {

    /** Wraps one number as typed by a person. */
    public static TelephoneNumber of(String freeFormNumber) {
        return new TelephoneNumber(freeFormNumber);
    }
}
