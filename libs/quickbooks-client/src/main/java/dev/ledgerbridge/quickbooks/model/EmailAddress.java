package dev.ledgerbridge.quickbooks.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.quarkus.runtime.annotations.RegisterForReflection;


/**
 * An e-mail address as QBO nests it ({@code PrimaryEmailAddr}, {@code BillEmail}).
 */
// Reflection: serialised by the client's own ObjectMapper, outside Quarkus REST.
@RegisterForReflection
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record EmailAddress(
        @JsonProperty("Address") String address) {

    /** Wraps one address. */
    public static EmailAddress of(String address) {
        return new EmailAddress(address);
    }
}
