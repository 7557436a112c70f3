package dev.ledgerbridge.quickbooks.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.quarkus.runtime.annotations.RegisterForReflection;

import java.math.BigDecimal;

/**
 * Detail of an expense line booked straight to an account ({@code DetailType = AccountBasedExpenseLineDetail}).
 */
// Reflection: serialised by the client's own ObjectMapper, outside Quarkus REST.
@RegisterForReflection
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AccountBasedExpenseLineDetail(
        @JsonProperty("AccountRef") Ref accountRef,
        @JsonProperty("CustomerRef") Ref customerRef,
        @JsonProperty("ClassRef") Ref classRef,
        @JsonProperty("BillableStatus") String billableStatus,
        @JsonProperty("TaxCodeRef") Ref taxCodeRef,
        @JsonProperty("TaxAmount") BigDecimal taxAmount) {

    /** {@code BillableStatus} value for an expense that is not re-billed to a customer. */
    public static final String NOT_BILLABLE = "NotBillable";

    /** {@code BillableStatus} value for an expense to be re-billed to {@code CustomerRef}. */
    public static final String BILLABLE = "Billable";

    /** Starts an empty AccountBasedExpenseLineDetail; every field is optional until QBO says otherwise. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder pre-filled with this record's values, for copies with a few changes. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.accountRef = accountRef;
        b.customerRef = customerRef;
        b.classRef = classRef;
        b.billableStatus = billableStatus;
        b.taxCodeRef = taxCodeRef;
        b.taxAmount = taxAmount;
        return b;
    }

    /** Mutable builder for AccountBasedExpenseLineDetail; QBO JSON field names are in the record components. */
    public static final class Builder {
        private Ref accountRef;
        private Ref customerRef;
        private Ref classRef;
        private String billableStatus;
        private Ref taxCodeRef;
        private BigDecimal taxAmount;

        private Builder() {
        }

        public Builder accountRef(Ref accountRef) {
            this.accountRef = accountRef;
            return this;
        }

        public Builder customerRef(Ref customerRef) {
            this.customerRef = customerRef;
            return this;
        }

        public Builder classRef(Ref classRef) {
            this.classRef = classRef;
            return this;
        }

        public Builder billableStatus(String billableStatus) {
            this.billableStatus = billableStatus;
            return this;
        }

        public Builder taxCodeRef(Ref taxCodeRef) {
            this.taxCodeRef = taxCodeRef;
            return this;
        }

        public Builder taxAmount(BigDecimal taxAmount) {
            this.taxAmount = taxAmount;
            return this;
        }

        public AccountBasedExpenseLineDetail build() {
            return new AccountBasedExpenseLineDetail(accountRef, customerRef, classRef, billableStatus, taxCodeRef, taxAmount);
        }
    }
}
