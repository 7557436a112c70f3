package dev.ledgerbridge.quickbooks.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.quarkus.runtime.annotations.RegisterForReflection;

import java.math.BigDecimal;

/**
 * A QBO customer (a person or company that buys).
 * <p>{@code DisplayName} is unique across customers, vendors and employees: a clash fails with fault code 6240.
 */
// Reflection: serialised by the client's own ObjectMapper, outside Quarkus REST.
@RegisterForReflection
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Customer(
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
        @JsonProperty("FullyQualifiedName") String fullyQualifiedName,
        @JsonProperty("PrimaryEmailAddr") EmailAddress primaryEmailAddr,
        @JsonProperty("PrimaryPhone") TelephoneNumber primaryPhone,
        @JsonProperty("Mobile") TelephoneNumber mobile,
        @JsonProperty("Fax") TelephoneNumber fax,
        @JsonProperty("BillAddr") PhysicalAddress billAddr,
        @JsonProperty("ShipAddr") PhysicalAddress shipAddr,
        @JsonProperty("Notes") String notes,
        @JsonProperty("Active") Boolean active,
        @JsonProperty("Job") Boolean job,
        @JsonProperty("BillWithParent") Boolean billWithParent,
        @JsonProperty("ParentRef") Ref parentRef,
        @JsonProperty("SalesTermRef") Ref salesTermRef,
        @JsonProperty("PaymentMethodRef") Ref paymentMethodRef,
        @JsonProperty("DefaultTaxCodeRef") Ref defaultTaxCodeRef,
        @JsonProperty("Taxable") Boolean taxable,
        @JsonProperty("TaxExemptionReasonId") String taxExemptionReasonId,
        @JsonProperty("CurrencyRef") Ref currencyRef,
        @JsonProperty("Balance") BigDecimal balance) implements QboEntity {

    /** Starts an empty Customer; every field is optional until QBO says otherwise. */
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
        b.fullyQualifiedName = fullyQualifiedName;
        b.primaryEmailAddr = primaryEmailAddr;
        b.primaryPhone = primaryPhone;
        b.mobile = mobile;
        b.fax = fax;
        b.billAddr = billAddr;
        b.shipAddr = shipAddr;
        b.notes = notes;
        b.active = active;
        b.job = job;
        b.billWithParent = billWithParent;
        b.parentRef = parentRef;
        b.salesTermRef = salesTermRef;
        b.paymentMethodRef = paymentMethodRef;
        b.defaultTaxCodeRef = defaultTaxCodeRef;
        b.taxable = taxable;
        b.taxExemptionReasonId = taxExemptionReasonId;
        b.currencyRef = currencyRef;
        b.balance = balance;
        return b;
    }

    /** Mutable builder for Customer; QBO JSON field names are in the record components. */
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
        private String fullyQualifiedName;
        private EmailAddress primaryEmailAddr;
        private TelephoneNumber primaryPhone;
        private TelephoneNumber mobile;
        private TelephoneNumber fax;
        private PhysicalAddress billAddr;
        private PhysicalAddress shipAddr;
        private String notes;
        private Boolean active;
        private Boolean job;
        private Boolean billWithParent;
        private Ref parentRef;
        private Ref salesTermRef;
        private Ref paymentMethodRef;
        private Ref defaultTaxCodeRef;
        private Boolean taxable;
        private String taxExemptionReasonId;
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

        public Builder fullyQualifiedName(String fullyQualifiedName) {
            this.fullyQualifiedName = fullyQualifiedName;
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

        public Builder mobile(TelephoneNumber mobile) {
            this.mobile = mobile;
            return this;
        }

        public Builder fax(TelephoneNumber fax) {
            this.fax = fax;
            return this;
        }

        public Builder billAddr(PhysicalAddress billAddr) {
            this.billAddr = billAddr;
            return this;
        }

        public Builder shipAddr(PhysicalAddress shipAddr) {
            this.shipAddr = shipAddr;
            return this;
        }

        public Builder notes(String notes) {
            this.notes = notes;
            return this;
        }

        public Builder active(Boolean active) {
            this.active = active;
            return this;
        }

        public Builder job(Boolean job) {
            this.job = job;
            return this;
        }

        public Builder billWithParent(Boolean billWithParent) {
            this.billWithParent = billWithParent;
            return this;
        }

        public Builder parentRef(Ref parentRef) {
            this.parentRef = parentRef;
            return this;
        }

        public Builder salesTermRef(Ref salesTermRef) {
            this.salesTermRef = salesTermRef;
            return this;
        }

        public Builder paymentMethodRef(Ref paymentMethodRef) {
            this.paymentMethodRef = paymentMethodRef;
            return this;
        }

        public Builder defaultTaxCodeRef(Ref defaultTaxCodeRef) {
            this.defaultTaxCodeRef = defaultTaxCodeRef;
            return this;
        }

        public Builder taxable(Boolean taxable) {
            this.taxable = taxable;
            return this;
        }

        public Builder taxExemptionReasonId(String taxExemptionReasonId) {
            this.taxExemptionReasonId = taxExemptionReasonId;
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

        public Customer build() {
            return new Customer(id, syncToken, metaData, displayName, title, givenName, middleName, familyName, suffix, companyName, printOnCheckName, fullyQualifiedName, primaryEmailAddr, primaryPhone, mobile, fax, billAddr, shipAddr, notes, active, job, billWithParent, parentRef, salesTermRef, paymentMethodRef, defaultTaxCodeRef, taxable, taxExemptionReasonId, currencyRef, balance);
        }
    }
}
