package dev.ledgerbridge.quickbooks.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.quarkus.runtime.annotations.RegisterForReflection;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * A QBO expense (Cash, Check or CreditCard purchase), e.g. a payment processor's fee (A6).
 * <p>{@code AccountRef} (the paying account) is required and {@code TotalAmt} must equal the sum of the lines.
 */
// Reflection: serialised by the client's own ObjectMapper, outside Quarkus REST.
@RegisterForReflection
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Purchase(
        @JsonProperty("Id") String id,
        @JsonProperty("SyncToken") String syncToken,
        @JsonProperty("MetaData") MetaData metaData,
        @JsonProperty("PaymentType") String paymentType,
        @JsonProperty("AccountRef") Ref accountRef,
        @JsonProperty("EntityRef") Ref entityRef,
        @JsonProperty("TxnDate") LocalDate txnDate,
        @JsonProperty("DocNumber") String docNumber,
        @JsonProperty("PrivateNote") String privateNote,
        @JsonProperty("PaymentMethodRef") Ref paymentMethodRef,
        @JsonProperty("PaymentRefNum") String paymentRefNum,
        @JsonProperty("Credit") Boolean credit,
        @JsonProperty("Line") List<Line> lines,
        @JsonProperty("TxnTaxDetail") TxnTaxDetail txnTaxDetail,
        @JsonProperty("CurrencyRef") Ref currencyRef,
        @JsonProperty("TotalAmt") BigDecimal totalAmt) implements QboEntity {

    /** Lists are copied so a record never changes after construction. */
    public Purchase {
        lines = lines == null ? null : List.copyOf(lines);
    }

    /** {@code PaymentType} paid from a bank account in cash. */
    public static final String PAYMENT_TYPE_CASH = "Cash";
    /** {@code PaymentType} paid by check from a bank account. */
    public static final String PAYMENT_TYPE_CHECK = "Check";
    /** {@code PaymentType} charged to a credit-card account. */
    public static final String PAYMENT_TYPE_CREDIT_CARD = "CreditCard";

    /** Starts an empty Purchase; every field is optional until QBO says otherwise. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder pre-filled with this record's values, for copies with a few changes. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.id = id;
        b.syncToken = syncToken;
        b.metaData = metaData;
        b.paymentType = paymentType;
        b.accountRef = accountRef;
        b.entityRef = entityRef;
        b.txnDate = txnDate;
        b.docNumber = docNumber;
        b.privateNote = privateNote;
        b.paymentMethodRef = paymentMethodRef;
        b.paymentRefNum = paymentRefNum;
        b.credit = credit;
        b.lines = lines;
        b.txnTaxDetail = txnTaxDetail;
        b.currencyRef = currencyRef;
        b.totalAmt = totalAmt;
        return b;
    }

    /** Mutable builder for Purchase; QBO JSON field names are in the record components. */
    public static final class Builder {
        private String id;
        private String syncToken;
        private MetaData metaData;
        private String paymentType;
        private Ref accountRef;
        private Ref entityRef;
        private LocalDate txnDate;
        private String docNumber;
        private String privateNote;
        private Ref paymentMethodRef;
        private String paymentRefNum;
        private Boolean credit;
        private List<Line> lines;
        private TxnTaxDetail txnTaxDetail;
        private Ref currencyRef;
        private BigDecimal totalAmt;

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

        public Builder paymentType(String paymentType) {
            this.paymentType = paymentType;
            return this;
        }

        public Builder accountRef(Ref accountRef) {
            this.accountRef = accountRef;
            return this;
        }

        public Builder entityRef(Ref entityRef) {
            this.entityRef = entityRef;
            return this;
        }

        public Builder txnDate(LocalDate txnDate) {
            this.txnDate = txnDate;
            return this;
        }

        public Builder docNumber(String docNumber) {
            this.docNumber = docNumber;
            return this;
        }

        public Builder privateNote(String privateNote) {
            this.privateNote = privateNote;
            return this;
        }

        public Builder paymentMethodRef(Ref paymentMethodRef) {
            this.paymentMethodRef = paymentMethodRef;
            return this;
        }

        public Builder paymentRefNum(String paymentRefNum) {
            this.paymentRefNum = paymentRefNum;
            return this;
        }

        public Builder credit(Boolean credit) {
            this.credit = credit;
            return this;
        }

        public Builder lines(List<Line> lines) {
            this.lines = lines;
            return this;
        }

        public Builder txnTaxDetail(TxnTaxDetail txnTaxDetail) {
            this.txnTaxDetail = txnTaxDetail;
            return this;
        }

        public Builder currencyRef(Ref currencyRef) {
            this.currencyRef = currencyRef;
            return this;
        }

        public Builder totalAmt(BigDecimal totalAmt) {
            this.totalAmt = totalAmt;
            return this;
        }

        public Purchase build() {
            return new Purchase(id, syncToken, metaData, paymentType, accountRef, entityRef, txnDate, docNumber, privateNote, paymentMethodRef, paymentRefNum, credit, lines, txnTaxDetail, currencyRef, totalAmt);
        }
    }
}
