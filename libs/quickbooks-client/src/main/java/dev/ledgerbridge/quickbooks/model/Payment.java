package dev.ledgerbridge.quickbooks.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.quarkus.runtime.annotations.RegisterForReflection;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * A QBO customer payment; each line applies part of {@code TotalAmt} to a linked invoice (A4).
 * <p>On update QBO replaces the whole line set, even for a sparse update.
 */
// Reflection: serialised by the client's own ObjectMapper, outside Quarkus REST.
@RegisterForReflection
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Payment(
        @JsonProperty("Id") String id,
        @JsonProperty("SyncToken") String syncToken,
        @JsonProperty("MetaData") MetaData metaData,
        @JsonProperty("CustomerRef") Ref customerRef,
        @JsonProperty("TotalAmt") BigDecimal totalAmt,
        @JsonProperty("TxnDate") LocalDate txnDate,
        @JsonProperty("PaymentRefNum") String paymentRefNum,
        @JsonProperty("PaymentMethodRef") Ref paymentMethodRef,
        @JsonProperty("DepositToAccountRef") Ref depositToAccountRef,
        @JsonProperty("PrivateNote") String privateNote,
        @JsonProperty("Line") List<Line> lines,
        @JsonProperty("CurrencyRef") Ref currencyRef,
        @JsonProperty("UnappliedAmt") BigDecimal unappliedAmt) implements QboEntity {

    /** Lists are copied so a record never changes after construction. */
    public Payment {
        lines = lines == null ? null : List.copyOf(lines);
    }

    /** Starts an empty Payment; every field is optional until QBO says otherwise. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder pre-filled with this record's values, for copies with a few changes. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.id = id;
        b.syncToken = syncToken;
        b.metaData = metaData;
        b.customerRef = customerRef;
        b.totalAmt = totalAmt;
        b.txnDate = txnDate;
        b.paymentRefNum = paymentRefNum;
        b.paymentMethodRef = paymentMethodRef;
        b.depositToAccountRef = depositToAccountRef;
        b.privateNote = privateNote;
        b.lines = lines;
        b.currencyRef = currencyRef;
        b.unappliedAmt = unappliedAmt;
        return b;
    }

    /** Mutable builder for Payment; QBO JSON field names are in the record components. */
    public static final class Builder {
        private String id;
        private String syncToken;
        private MetaData metaData;
        private Ref customerRef;
        private BigDecimal totalAmt;
        private LocalDate txnDate;
        private String paymentRefNum;
        private Ref paymentMethodRef;
        private Ref depositToAccountRef;
        private String privateNote;
        private List<Line> lines;
        private Ref currencyRef;
        private BigDecimal unappliedAmt;

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

        public Builder customerRef(Ref customerRef) {
            this.customerRef = customerRef;
            return this;
        }

        public Builder totalAmt(BigDecimal totalAmt) {
            this.totalAmt = totalAmt;
            return this;
        }

        public Builder txnDate(LocalDate txnDate) {
            this.txnDate = txnDate;
            return this;
        }

        public Builder paymentRefNum(String paymentRefNum) {
            this.paymentRefNum = paymentRefNum;
            return this;
        }

        public Builder paymentMethodRef(Ref paymentMethodRef) {
            this.paymentMethodRef = paymentMethodRef;
            return this;
        }

        public Builder depositToAccountRef(Ref depositToAccountRef) {
            this.depositToAccountRef = depositToAccountRef;
            return this;
        }

        public Builder privateNote(String privateNote) {
            this.privateNote = privateNote;
            return this;
        }

        public Builder lines(List<Line> lines) {
            this.lines = lines;
            return this;
        }

        public Builder currencyRef(Ref currencyRef) {
            this.currencyRef = currencyRef;
            return this;
        }

        public Builder unappliedAmt(BigDecimal unappliedAmt) {
            this.unappliedAmt = unappliedAmt;
            return this;
        }

        public Payment build() {
            return new Payment(id, syncToken, metaData, customerRef, totalAmt, txnDate, paymentRefNum, paymentMethodRef, depositToAccountRef, privateNote, lines, currencyRef, unappliedAmt);
        }
    }
}
