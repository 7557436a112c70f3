package dev.ledgerbridge.quickbooks.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.quarkus.runtime.annotations.RegisterForReflection;


/**
 * A postal address ({@code BillAddr}, {@code ShipAddr}, {@code CompanyAddr}).
 */
// Reflection: serialised by the client's own ObjectMapper, outside Quarkus REST.
@RegisterForReflection
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PhysicalAddress(
        @JsonProperty("Id") String id,
        @JsonProperty("Line1") String line1,
        @JsonProperty("Line2") String line2,
        @JsonProperty("Line3") String line3,
        @JsonProperty("Line4") String line4,
        @JsonProperty("Line5") String line5,
        @JsonProperty("City") String city,
        @JsonProperty("CountrySubDivisionCode") String countrySubDivisionCode,
        @JsonProperty("PostalCode") String postalCode,
        @JsonProperty("Country") String country) {

    /** Starts an empty PhysicalAddress; every field is optional until QBO says otherwise. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder pre-filled with this record's values, for copies with a few changes. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.id = id;
        b.line1 = line1;
        b.line2 = line2;
        b.line3 = line3;
        b.line4 = line4;
        b.line5 = line5;
        b.city = city;
        b.countrySubDivisionCode = countrySubDivisionCode;
        b.postalCode = postalCode;
        b.country = country;
        return b;
    }

    /** Mutable builder for PhysicalAddress; QBO JSON field names are in the record components. */
    public static final class Builder {
        private String id;
        private String line1;
        private String line2;
        private String line3;
        private String line4;
        private String line5;
        private String city;
        private String countrySubDivisionCode;
        private String postalCode;
        private String country;

        private Builder() {
        }

        public Builder id(String id) {
            this.id = id;
            return this;
        }

        public Builder line1(String line1) {
            this.line1 = line1;
            return this;
        }

        public Builder line2(String line2) {
            this.line2 = line2;
            return this;
        }

        public Builder line3(String line3) {
            this.line3 = line3;
            return this;
        }

        public Builder line4(String line4) {
            this.line4 = line4;
            return this;
        }

        public Builder line5(String line5) {
            this.line5 = line5;
            return this;
        }

        public Builder city(String city) {
            this.city = city;
            return this;
        }

        public Builder countrySubDivisionCode(String countrySubDivisionCode) {
            this.countrySubDivisionCode = countrySubDivisionCode;
            return this;
        }

        public Builder postalCode(String postalCode) {
            this.postalCode = postalCode;
            return this;
        }

        public Builder country(String country) {
            this.country = country;
            return this;
        }

        public PhysicalAddress build() {
            return new PhysicalAddress(id, line1, line2, line3, line4, line5, city, countrySubDivisionCode, postalCode, country);
        }
    }
}
