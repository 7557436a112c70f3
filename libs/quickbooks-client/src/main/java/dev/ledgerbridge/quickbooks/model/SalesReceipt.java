package dev.ledgerbridge.quickbooks.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.quarkus.runtime.annotations.RegisterForReflection;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * A QBO sales receipt: a cash sale with no accounts receivable (A3, A5).
 */
// Reflection: serialised by the client's own ObjectMapper, outside Quarkus REST.
@RegisterForReflection
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SalesReceipt(
        @JsonProperty("Id") String id,
        @JsonProperty("SyncToken") String syncToken,
        @JsonProperty("MetaData") MetaData metaData,
        @JsonProperty("DocNumber") String docNumber,
        @JsonProperty("AutoDocNumber") Boolean autoDocNumber,
        @JsonProperty("TxnDate") LocalDate txnDate,
        @JsonProperty("CustomerRef") Ref customerRef,
        @JsonProperty("BillEmail") EmailAddress billEmail,
        @JsonProperty("BillAddr") PhysicalAddress billAddr,
        @JsonProperty("ShipAddr") PhysicalAddress shipAddr,
        @JsonProperty("EmailStatus") String emailStatus,
        @JsonProperty("PrivateNote") String privateNote,
        @JsonProperty("CustomerMemo") MemoRef customerMemo,
        @JsonProperty("Line") List<Line> lines,
        @JsonProperty("TxnTaxDetail") TxnTaxDetail txnTaxDetail,
        @JsonProperty("ApplyTaxAfterDiscount") Boolean applyTaxAfterDiscount,
        @JsonProperty("PaymentMethodRef") Ref paymentMethodRef,
        @JsonProperty("PaymentRefNum") String paymentRefNum,
        @JsonProperty("DepositToAccountRef") Ref depositToAccountRef,
        @JsonProperty("CurrencyRef") Ref currencyRef,
        @JsonProperty("TotalAmt") BigDecimal totalAmt,
        @JsonProperty("Balance") BigDecimal balance) implements QboEntity {

    /** Lists are copied so a record never changes after construction. */
    public SalesReceipt {
        lines = lines == null ? null : List.copyOf(lines);
    }

    /** Starts an empty SalesReceipt; every field is optional until QBO says otherwise. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder pre-filled with this record's values, for copies with a few changes. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.id = id;
        b.syncToken = syncToken;
        b.metaData = metaData;
        b.docNumber = docNumber;
        b.autoDocNumber = autoDocNumber;
        b.txnDate = txnDate;
        b.customerRef = customerRef;
        b.billEmail = billEmail;
        b.billAddr = billAddr;
        b.shipAddr = shipAddr;
        b.emailStatus = emailStatus;
        b.privateNote = privateNote;
        b.customerMemo = customerMemo;
        b.lines = lines;
        b.txnTaxDetail = txnTaxDetail;
        b.applyTaxAfterDiscount = applyTaxAfterDiscount;
        b.paymentMethodRef = paymentMethodRef;
        b.paymentRefNum = paymentRefNum;
        b.depositToAccountRef = depositToAccountRef;
        b.currencyRef = currencyRef;
        b.totalAmt = totalAmt;
        b.balance = balance;
        return b;
    }

    /** Mutable builder for SalesReceipt; QBO JSON field names are in the record components. */
    public static final class Builder {
        private String id;
        private String syncToken;
        private MetaData metaData;
        private String docNumber;
        private Boolean autoDocNumber;
        private LocalDate txnDate;
        private Ref customerRef;
        private EmailAddress billEmail;
        private PhysicalAddress billAddr;
        private PhysicalAddress shipAddr;
        private String emailStatus;
        private String privateNote;
        private MemoRef customerMemo;
        private List<Line> lines;
        private TxnTaxDetail txnTaxDetail;
        private Boolean applyTaxAfterDiscount;
        private Ref paymentMethodRef;
        private String paymentRefNum;
        private Ref depositToAccountRef;
        private Ref currencyRef;
        private BigDecimal totalAmt;
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

        public Builder docNumber(String docNumber) {
            this.docNumber = docNumber;
            return this;
        }

        public Builder autoDocNumber(Boolean autoDocNumber) {
            this.autoDocNumber = autoDocNumber;
            return this;
        }

        public Builder txnDate(LocalDate txnDate) {
            this.txnDate = txnDate;
            return this;
        }

        public Builder customerRef(Ref customerRef) {
            this.customerRef = customerRef;
            return this;
        }

        public Builder billEmail(EmailAddress billEmail) {
            this.billEmail = billEmail;
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

        public Builder emailStatus(String emailStatus) {
            this.emailStatus = emailStatus;
            return this;
        }

        public Builder privateNote(String privateNote) {
            this.privateNote = privateNote;
            return this;
        }

        public Builder customerMemo(MemoRef customerMemo) {
            this.customerMemo = customerMemo;
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

        public Builder applyTaxAfterDiscount(Boolean applyTaxAfterDiscount) {
            this.applyTaxAfterDiscount = applyTaxAfterDiscount;
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

        public Builder depositToAccountRef(Ref depositToAccountRef) {
            this.depositToAccountRef = depositToAccountRef;
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

        public Builder balance(BigDecimal balance) {
            this.balance = balance;
            return this;
        }

        public SalesReceipt build() {
            return new SalesReceipt(id, syncToken, metaData, docNumber, autoDocNumber, txnDate, customerRef, billEmail, billAddr, shipAddr, emailStatus, privateNote, customerMemo, lines, txnTaxDetail, applyTaxAfterDiscount, paymentMethodRef, paymentRefNum, depositToAccountRef, currencyRef, totalAmt, balance);
        }
    }
}
