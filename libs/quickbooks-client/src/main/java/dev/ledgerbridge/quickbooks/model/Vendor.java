package dev.ledgerbridge.quickbooks.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.quarkus.runtime.annotations.RegisterForReflection;

import java.math.BigDecimal;

/**
 * A QBO vendor, e.g. the payment processor a fee expense is paid to.
 */
// Reflection: serialised by the client's own ObjectMapper, outside Quarkus REST.
@RegisterForReflection
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Vendor(
        @JsonProperty("Id") String id,
        @JsonProperty("SyncToken") String syncToken,
        @JsonProperty("MetaData") MetaData metaData,
        @JsonProperty("DisplayName") String displayName,
        @JsonProperty("Title") String title,
        @JsonProperty("GivenName") String givenName,
        @JsonProperty("MiddleName") String middleName,
        @JsonProperty("FamilyName") String familyName,
        @JsonProperty("Suffix") String suffix,
        @JsonProperty("CompanyName") String companyName,
        @JsonProperty("PrintOnCheckName") String printOnCheckName,
        @JsonProperty("PrimaryEmailAddr") EmailAddress primaryEmailAddr,
        @JsonProperty("PrimaryPhone") TelephoneNumber primaryPhone,
        @JsonProperty("BillAddr") PhysicalAddress billAddr,
        @JsonProperty("TermRef") Ref termRef,
        @JsonProperty("AcctNum") String acctNum,
        @JsonProperty("Vendor1099") Boolean vendor1099,
        @JsonProperty("Active") Boolean active,
        @JsonProperty("CurrencyRef") Ref currencyRef,
        @JsonProperty("Balance") BigDecimal balance) implements QboEntity {

    /** Starts an empty Vendor; every field is optional until QBO says otherwise. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder pre-filled with this record's values, for copies with a few changes. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.id = id;
        b.syncToken = syncToken;
        b.metaData = metaData;
        b.displayName = displayName;
        b.title = title;
        b.givenName = givenName;
        b.middleName = middleName;
        b.familyName = familyName;
        b.suffix = suffix;
        b.companyName = companyName;
        b.printOnCheckName = printOnCheckName;
        b.primaryEmailAddr = primaryEmailAddr;
        b.primaryPhone = primaryPhone;
        b.billAddr = billAddr;
        b.termRef = termRef;
        b.acctNum = acctNum;
        b.vendor1099 = vendor1099;
        b.active = active;
        b.currencyRef = currencyRef;
        b.balance = balance;
        return b;
    }

    /** Mutable builder for Vendor; QBO JSON field names are in the record components. */
    public static final class Builder {
        private String id;
        private String syncToken;
        private MetaData metaData;
        private String displayName;
        private String title;
        private String givenName;
        private String middleName;
        private String familyName;
        private String suffix;
        private String companyName;
        private String printOnCheckName;
        private EmailAddress primaryEmailAddr;
        private TelephoneNumber primaryPhone;
        private PhysicalAddress billAddr;
        private Ref termRef;
        private String acctNum;
        private Boolean vendor1099;
        private Boolean active;
        private Ref currencyRef;
        private BigDecimal balance;

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

        public Builder displayName(String displayName) {
            this.displayName = displayName;
            return this;
        }

        public Builder title(String title) {
            this.title = title;
            return this;
        }

        public Builder givenName(String givenName) {
            this.givenName = givenName;
            return this;
        }

        public Builder middleName(String middleName) {
            this.middleName = middleName;
            return this;
        }

        public Builder familyName(String familyName) {
            this.familyName = familyName;
            return this;
        }

        public Builder suffix(String suffix) {
            this.suffix = suffix;
            return this;
        }

        public Builder companyName(String companyName) {
            this.companyName = companyName;
            return this;
        }

        public Builder printOnCheckName(String printOnCheckName) {
            this.printOnCheckName = printOnCheckName;
            return this;
        }

        public Builder primaryEmailAddr(EmailAddress primaryEmailAddr) {
            this.primaryEmailAddr = primaryEmailAddr;
            return this;
        }

        public Builder primaryPhone(TelephoneNumber primaryPhone) {
            this.primaryPhone = primaryPhone;
            return this;
        }

        public Builder billAddr(PhysicalAddress billAddr) {
            this.billAddr = billAddr;
            return this;
        }

        public Builder termRef(Ref termRef) {
            this.termRef = termRef;
            return this;
        }

        public Builder acctNum(String acctNum) {
            this.acctNum = acctNum;
            return this;
        }

        public Builder vendor1099(Boolean vendor1099) {
            this.vendor1099 = vendor1099;
            return this;
        }

        public Builder active(Boolean active) {
            this.active = active;
            return this;
        }

        public Builder currencyRef(Ref currencyRef) {
            this.currencyRef = currencyRef;
            return this;
        }

        public Builder balance(BigDecimal balance) {
            this.balance = balance;
            return this;
        }

        public Vendor build() {
            return new Vendor(id, syncToken, metaData, displayName, title, givenName, middleName, familyName, suffix, companyName, printOnCheckName, primaryEmailAddr, primaryPhone, billAddr, termRef, acctNum, vendor1099, active, currencyRef, balance);
        }
    }
}
