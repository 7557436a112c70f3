package dev.ledgerbridge.quickbooks.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.quarkus.runtime.annotations.RegisterForReflection;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * Detail of a sales line ({@code DetailType = SalesItemLineDetail}): item, quantity, unit price, tax code.
 */
// Reflection: serialised by the client's own ObjectMapper, outside Quarkus REST.
@RegisterForReflection
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SalesItemLineDetail(
        @JsonProperty("ItemRef") Ref itemRef,
        @JsonProperty("ClassRef") Ref classRef,
        @JsonProperty("Qty") BigDecimal qty,
        @JsonProperty("UnitPrice") BigDecimal unitPrice,
        @JsonProperty("TaxCodeRef") Ref taxCodeRef,
        @JsonProperty("ServiceDate") LocalDate serviceDate,
        @JsonProperty("TaxInclusiveAmt") BigDecimal taxInclusiveAmt) {

    /** Starts an empty SalesItemLineDetail; every field is optional until QBO says otherwise. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder pre-filled with this record's values, for copies with a few changes. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.itemRef = itemRef;
        b.classRef = classRef;
        b.qty = qty;
        b.unitPrice = unitPrice;
        b.taxCodeRef = taxCodeRef;
        b.serviceDate = serviceDate;
        b.taxInclusiveAmt = taxInclusiveAmt;
        return b;
    }

    /** Mutable builder for SalesItemLineDetail; QBO JSON field names are in the record components. */
    public static final class Builder {
        private Ref itemRef;
        private Ref classRef;
        private BigDecimal qty;
        private BigDecimal unitPrice;
        private Ref taxCodeRef;
        private LocalDate serviceDate;
        private BigDecimal taxInclusiveAmt;

        private Builder() {
        }

        public Builder itemRef(Ref itemRef) {
            this.itemRef = itemRef;
            return this;
        }

        public Builder classRef(Ref classRef) {
            this.classRef = classRef;
            return this;
        }

        public Builder qty(BigDecimal qty) {
            this.qty = qty;
            return this;
        }

        public Builder unitPrice(BigDecimal unitPrice) {
            this.unitPrice = unitPrice;
            return this;
        }

        public Builder taxCodeRef(Ref taxCodeRef) {
            this.taxCodeRef = taxCodeRef;
            return this;
        }

        public Builder serviceDate(LocalDate serviceDate) {
            this.serviceDate = serviceDate;
            return this;
        }

        public Builder taxInclusiveAmt(BigDecimal taxInclusiveAmt) {
            this.taxInclusiveAmt = taxInclusiveAmt;
            return this;
        }

        public SalesItemLineDetail build() {
            return new SalesItemLineDetail(itemRef, classRef, qty, unitPrice, taxCodeRef, serviceDate, taxInclusiveAmt);
        }
    }
}
