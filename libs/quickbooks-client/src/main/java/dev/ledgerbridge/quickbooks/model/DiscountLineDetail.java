package dev.ledgerbridge.quickbooks.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.quarkus.runtime.annotations.RegisterForReflection;

import java.math.BigDecimal;

/**
 * Detail of a discount line ({@code DetailType = DiscountLineDetail}): a percentage or a fixed amount.
 */
// Reflection: serialised by the client's own ObjectMapper, outside Quarkus REST.
@RegisterForReflection
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DiscountLineDetail(
        @JsonProperty("PercentBased") Boolean percentBased,
        @JsonProperty("DiscountPercent") BigDecimal discountPercent,
        @JsonProperty("DiscountAccountRef") Ref discountAccountRef,
        @JsonProperty("ClassRef") Ref classRef,
        @JsonProperty("TaxCodeRef") Ref taxCodeRef) {
}
