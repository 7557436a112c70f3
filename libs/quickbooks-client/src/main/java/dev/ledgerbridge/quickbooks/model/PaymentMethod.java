package dev.ledgerbridge.quickbooks.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * A QBO payment method ({@code PaymentMethodRef} on sales receipts and payments), e.g. "Visa"; read only here.
 *
 * @param id        QBO id
 * @param syncToken version counter
 * @param metaData  create and update times
 * @param name      shown name, unique per company
 * @param active    false once made inactive in QBO
 * @param type      {@code CREDIT_CARD} or {@code NON_CREDIT_CARD}
 */
// Reflection: serialised by the client's own ObjectMapper, outside Quarkus REST.
@RegisterForReflection
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PaymentMethod(
        @JsonProperty("Id") String id,
        @JsonProperty("SyncToken") String syncToken,
        @JsonProperty("MetaData") MetaData metaData,
        @JsonProperty("Name") String name,
        @JsonProperty("Active") Boolean active,
        @JsonProperty("Type") String type) implements QboEntity {
}
