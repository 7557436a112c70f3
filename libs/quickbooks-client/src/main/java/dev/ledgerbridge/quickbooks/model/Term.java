package dev.ledgerbridge.quickbooks.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.quarkus.runtime.annotations.RegisterForReflection;

import java.math.BigDecimal;

/**
 * A QBO payment term ({@code SalesTermRef} on customers and invoices), e.g. "Net 30".
 */
// Reflection: serialised by the client's own ObjectMapper, outside Quarkus REST.
@RegisterForReflection
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Term(
        @JsonProperty("Id") String id,
        @JsonProperty("SyncToken") String syncToken,
        @JsonProperty("MetaData") MetaData metaData,
        @JsonProperty("Name") String name,
        @JsonProperty("Active") Boolean active,
        @JsonProperty("Type") String type,
        @JsonProperty("DueDays") Integer dueDays,
        @JsonProperty("DiscountPercent") BigDecimal discountPercent,
        @JsonProperty("DiscountDays") Integer discountDays,
        @JsonProperty("DayOfMonthDue") Integer dayOfMonthDue,
        @JsonProperty("DueNextMonthDays") Integer dueNextMonthDays,
        @JsonProperty("DiscountDayOfMonth") Integer discountDayOfMonth) implements QboEntity {

    /** Starts an empty Term; every field is optional until QBO says otherwise. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder pre-filled with this record's values, for copies with a few changes. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.id = id;
        b.syncToken = syncToken;
        b.metaData = metaData;
        b.name = name;
        b.active = active;
        b.type = type;
        b.dueDays = dueDays;
        b.discountPercent = discountPercent;
        b.discountDays = discountDays;
        b.dayOfMonthDue = dayOfMonthDue;
        b.dueNextMonthDays = dueNextMonthDays;
        b.discountDayOfMonth = discountDayOfMonth;
        return b;
    }

    /** Mutable builder for Term; QBO JSON field names are in the record components. */
    public static final class Builder {
        private String id;
        private String syncToken;
        private MetaData metaData;
        private String name;
        private Boolean active;
        private String type;
        private Integer dueDays;
        private BigDecimal discountPercent;
        private Integer discountDays;
        private Integer dayOfMonthDue;
        private Integer dueNextMonthDays;
        private Integer discountDayOfMonth;

        private Builder() {
        }

        public Builder id(String id) {
            this.id = id;
            return this;
        }

        public Builder syncToken(String syncToken) {
            this.syncToken = syncToken;
            return this;
        }

        public Builder metaData(MetaData metaData) {
            this.metaData = metaData;
            return this;
        }

        public Builder name(String name) {
            this.name = name;
            return this;
        }

        public Builder active(Boolean active) {
            this.active = active;
            return this;
        }

        public Builder type(String type) {
            this.type = type;
            return this;
        }

        public Builder dueDays(Integer dueDays) {
            this.dueDays = dueDays;
            return this;
        }

        public Builder discountPercent(BigDecimal discountPercent) {
            this.discountPercent = discountPercent;
            return this;
        }

        public Builder discountDays(Integer discountDays) {
            this.discountDays = discountDays;
            return this;
        }

        public Builder dayOfMonthDue(Integer dayOfMonthDue) {
            this.dayOfMonthDue = dayOfMonthDue;
            return this;
        }

        public Builder dueNextMonthDays(Integer dueNextMonthDays) {
            this.dueNextMonthDays = dueNextMonthDays;
            return this;
        }

        public Builder discountDayOfMonth(Integer discountDayOfMonth) {
            this.discountDayOfMonth = discountDayOfMonth;
            return this;
        }

        public Term build() {
            return new Term(id, syncToken, metaData, name, active, type, dueDays, discountPercent, discountDays, dayOfMonthDue, dueNextMonthDays, discountDayOfMonth);
        }
    }
}
