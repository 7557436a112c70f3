package dev.ledgerbridge.quickbooks.model;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.quarkus.runtime.annotations.RegisterForReflection;

import java.time.LocalDate;

/**
 * The connected QBO company's profile; {@code Country} decides whether US-only actions are allowed (R23).
 */
// Reflection: serialised by the client's own ObjectMapper, outside Quarkus REST.
@RegisterForReflection
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CompanyInfo(
        @JsonProperty("Id") String id,
        @JsonProperty("SyncToken") String syncToken,
        @JsonProperty("MetaData") MetaData metaData,
        @JsonProperty("CompanyName") String companyName,
        @JsonProperty("LegalName") String legalName,
        @JsonProperty("Country") String country,
        @JsonProperty("CompanyAddr") PhysicalAddress companyAddr,
        @JsonProperty("LegalAddr") PhysicalAddress legalAddr,
        @JsonProperty("CustomerCommunicationAddr") PhysicalAddress customerCommunicationAddr,
        @JsonProperty("Email") EmailAddress email,
        @JsonProperty("PrimaryPhone") TelephoneNumber primaryPhone,
        @JsonProperty("CompanyStartDate") LocalDate companyStartDate,
        @JsonProperty("FiscalYearStartMonth") String fiscalYearStartMonth,
        @JsonProperty("SupportedLanguages") String supportedLanguages,
        @JsonProperty("DefaultTimeZone") String defaultTimeZone) implements QboEntity {

    /** True for a US company, the only kind the QBO actions serve (R23). */
    @JsonIgnore
    public boolean isUnitedStates() {
        return "US".equals(country);
    }

    /** Starts an empty CompanyInfo; every field is optional until QBO says otherwise. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder pre-filled with this record's values, for copies with a few changes. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.id = id;
        b.syncToken = syncToken;
        b.metaData = metaData;
        b.companyName = companyName;
        b.legalName = legalName;
        b.country = country;
        b.companyAddr = companyAddr;
        b.legalAddr = legalAddr;
        b.customerCommunicationAddr = customerCommunicationAddr;
        b.email = email;
        b.primaryPhone = primaryPhone;
        b.companyStartDate = companyStartDate;
        b.fiscalYearStartMonth = fiscalYearStartMonth;
        b.supportedLanguages = supportedLanguages;
        b.defaultTimeZone = defaultTimeZone;
        return b;
    }

    /** Mutable builder for CompanyInfo; QBO JSON field names are in the record components. */
    public static final class Builder {
        private String id;
        private String syncToken;
        private MetaData metaData;
        private String companyName;
        private String legalName;
        private String country;
        private PhysicalAddress companyAddr;
        private PhysicalAddress legalAddr;
        private PhysicalAddress customerCommunicationAddr;
        private EmailAddress email;
        private TelephoneNumber primaryPhone;
        private LocalDate companyStartDate;
        private String fiscalYearStartMonth;
        private String supportedLanguages;
        private String defaultTimeZone;

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

        public Builder companyName(String companyName) {
            this.companyName = companyName;
            return this;
        }

        public Builder legalName(String legalName) {
            this.legalName = legalName;
            return this;
        }

        public Builder country(String country) {
            this.country = country;
            return this;
        }

        public Builder companyAddr(PhysicalAddress companyAddr) {
            this.companyAddr = companyAddr;
            return this;
        }

        public Builder legalAddr(PhysicalAddress legalAddr) {
            this.legalAddr = legalAddr;
            return this;
        }

        public Builder customerCommunicationAddr(PhysicalAddress customerCommunicationAddr) {
            this.customerCommunicationAddr = customerCommunicationAddr;
            return this;
        }

        public Builder email(EmailAddress email) {
            this.email = email;
            return this;
        }

        public Builder primaryPhone(TelephoneNumber primaryPhone) {
            this.primaryPhone = primaryPhone;
            return this;
        }

        public Builder companyStartDate(LocalDate companyStartDate) {
            this.companyStartDate = companyStartDate;
            return this;
        }

        public Builder fiscalYearStartMonth(String fiscalYearStartMonth) {
            this.fiscalYearStartMonth = fiscalYearStartMonth;
            return this;
        }

        public Builder supportedLanguages(String supportedLanguages) {
            this.supportedLanguages = supportedLanguages;
            return this;
        }

        public Builder defaultTimeZone(String defaultTimeZone) {
            this.defaultTimeZone = defaultTimeZone;
            return this;
        }

        public CompanyInfo build() {
            return new CompanyInfo(id, syncToken, metaData, companyName, legalName, country, companyAddr, legalAddr, customerCommunicationAddr, email, primaryPhone, companyStartDate, fiscalYearStartMonth, supportedLanguages, defaultTimeZone);
        }
    }
}
