package dev.ledgerbridge.quickbooks.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.quarkus.runtime.annotations.RegisterForReflection;

import java.math.BigDecimal;

/**
 * A QBO chart-of-accounts entry (income, expense, bank, Undeposited Funds, ...).
 */
// Reflection: serialised by the client's own ObjectMapper, outside Quarkus REST.
@RegisterForReflection
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Account(
        @JsonProperty("Id") String id,
        @JsonProperty("SyncToken") String syncToken,
        @JsonProperty("MetaData") MetaData metaData,
        @JsonProperty("Name") String name,
        @JsonProperty("AccountType") String accountType,
        @JsonProperty("AccountSubType") String accountSubType,
        @JsonProperty("Classification") String classification,
        @JsonProperty("AcctNum") String acctNum,
        @JsonProperty("Description") String description,
        @JsonProperty("Active") Boolean active,
        @JsonProperty("SubAccount") Boolean subAccount,
        @JsonProperty("ParentRef") Ref parentRef,
        @JsonProperty("FullyQualifiedName") String fullyQualifiedName,
        @JsonProperty("CurrentBalance") BigDecimal currentBalance,
        @JsonProperty("CurrencyRef") Ref currencyRef) implements QboEntity {

    /** Starts an empty Account; every field is optional until QBO says otherwise. */
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
        b.accountType = accountType;
        b.accountSubType = accountSubType;
        b.classification = classification;
        b.acctNum = acctNum;
        b.description = description;
        b.active = active;
        b.subAccount = subAccount;
        b.parentRef = parentRef;
        b.fullyQualifiedName = fullyQualifiedName;
        b.currentBalance = currentBalance;
        b.currencyRef = currencyRef;
        return b;
    }

    /** Mutable builder for Account; QBO JSON field names are in the record components. */
    public static final class Builder {
        private String id;
        private String syncToken;
        private MetaData metaData;
        private String name;
        private String accountType;
        private String accountSubType;
        private String classification;
        private String acctNum;
        private String description;
        private Boolean active;
        private Boolean subAccount;
        private Ref parentRef;
        private String fullyQualifiedName;
        private BigDecimal currentBalance;
        private Ref currencyRef;

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

        public Builder accountType(String accountType) {
            this.accountType = accountType;
            return this;
        }

        public Builder accountSubType(String accountSubType) {
            this.accountSubType = accountSubType;
            return this;
        }

        public Builder classification(String classification) {
            this.classification = classification;
            return this;
        }

        public Builder acctNum(String acctNum) {
            this.acctNum = acctNum;
            return this;
        }

        public Builder description(String description) {
            this.description = description;
            return this;
        }

        public Builder active(Boolean active) {
            this.active = active;
            return this;
        }

        public Builder subAccount(Boolean subAccount) {
            this.subAccount = subAccount;
            return this;
        }

        public Builder parentRef(Ref parentRef) {
            this.parentRef = parentRef;
            return this;
        }

        public Builder fullyQualifiedName(String fullyQualifiedName) {
            this.fullyQualifiedName = fullyQualifiedName;
            return this;
        }

        public Builder currentBalance(BigDecimal currentBalance) {
            this.currentBalance = currentBalance;
            return this;
        }

        public Builder currencyRef(Ref currencyRef) {
            this.currencyRef = currencyRef;
            return this;
        }

        public Account build() {
            return new Account(id, syncToken, metaData, name, accountType, accountSubType, classification, acctNum, description, active, subAccount, parentRef, fullyQualifiedName, currentBalance, currencyRef);
        }
    }
}
