package dev.ledgerbridge.quickbooks.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.quarkus.runtime.annotations.RegisterForReflection;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Objects;

/**
 * One line of a transaction: a sales line, a discount, an expense line, or a Payment line applying money to
 * another transaction.
 * <p>Use the factories: {@link #salesItem} computes {@code Amount = Qty x UnitPrice} exactly, because QBO rejects a line
 * whose amount differs (error 6070). It refuses a product that needs more than two decimals instead of rounding it
 * silently: a rounded amount would either be rejected by QBO or differ from what the HubSpot deal says, so the caller
 * must decide how to round the unit price.
 */
// Reflection: serialised by the client's own ObjectMapper, outside Quarkus REST.
@RegisterForReflection
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Line(
        @JsonProperty("Id") String id,
        @JsonProperty("LineNum") Integer lineNum,
        @JsonProperty("Description") String description,
        @JsonProperty("Amount") BigDecimal amount,
        @JsonProperty("DetailType") String detailType,
        @JsonProperty("SalesItemLineDetail") SalesItemLineDetail salesItemLineDetail,
        @JsonProperty("DiscountLineDetail") DiscountLineDetail discountLineDetail,
        @JsonProperty("AccountBasedExpenseLineDetail") AccountBasedExpenseLineDetail accountBasedExpenseLineDetail,
        @JsonProperty("LinkedTxn") List<LinkedTxn> linkedTxns) {

    /** Lists are copied so a record never changes after construction. */
    public Line {
        linkedTxns = linkedTxns == null ? null : List.copyOf(linkedTxns);
    }

    /** {@code DetailType} of a line that sells an item. */
    public static final String SALES_ITEM_LINE_DETAIL = "SalesItemLineDetail";
    /** {@code DetailType} of a discount line. */
    public static final String DISCOUNT_LINE_DETAIL = "DiscountLineDetail";
    /** {@code DetailType} of an expense line booked to an account. */
    public static final String ACCOUNT_BASED_EXPENSE_LINE_DETAIL = "AccountBasedExpenseLineDetail";
    /** {@code DetailType} of the subtotal line QBO adds to sales transactions it returns. */
    public static final String SUB_TOTAL_LINE_DETAIL = "SubTotalLineDetail";

    /** A sales line with {@code Amount = qty x unitPrice} at scale 2; see the class comment for the no-rounding rule. */
    public static Line salesItem(Ref itemRef, BigDecimal qty, BigDecimal unitPrice, String description) {
        return salesItem(itemRef, qty, unitPrice, description, null);
    }

    /** As {@link #salesItem(Ref, BigDecimal, BigDecimal, String)}, with a line tax code ({@code TAX}/{@code NON} in the US). */
    public static Line salesItem(Ref itemRef, BigDecimal qty, BigDecimal unitPrice, String description, Ref taxCodeRef) {
        Objects.requireNonNull(itemRef, "itemRef");
        Objects.requireNonNull(qty, "qty");
        Objects.requireNonNull(unitPrice, "unitPrice");
        BigDecimal product = qty.multiply(unitPrice);
        BigDecimal amount;
        try {
            amount = product.setScale(2, RoundingMode.UNNECESSARY);
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException("Qty " + qty.toPlainString() + " x UnitPrice " + unitPrice.toPlainString()
                    + " = " + product.toPlainString() + " needs more than 2 decimals; QBO requires Amount = Qty x UnitPrice"
                    + " (error 6070), so round the unit price before building the line", e);
        }
        SalesItemLineDetail detail = new SalesItemLineDetail(itemRef, null, qty, unitPrice, taxCodeRef, null, null);
        return new Line(null, null, description, amount, SALES_ITEM_LINE_DETAIL, detail, null, null, null);
    }

    /** A discount line of {@code percent} percent of the preceding lines; QBO computes its amount. */
    public static Line discountPercent(BigDecimal percent, Ref discountAccountRef) {
        Objects.requireNonNull(percent, "percent");
        DiscountLineDetail detail = new DiscountLineDetail(true, percent, discountAccountRef, null, null);
        return new Line(null, null, null, null, DISCOUNT_LINE_DETAIL, null, detail, null, null);
    }

    /** A discount line of a fixed amount (at most 2 decimals). */
    public static Line discountAmount(BigDecimal amount, Ref discountAccountRef) {
        DiscountLineDetail detail = new DiscountLineDetail(false, null, discountAccountRef, null, null);
        return new Line(null, null, null, money(amount), DISCOUNT_LINE_DETAIL, null, detail, null, null);
    }

    /** An expense line booked to {@code expenseAccountRef}, not billable to a customer (e.g. a processor fee). */
    public static Line accountBasedExpense(Ref expenseAccountRef, BigDecimal amount, String description) {
        Objects.requireNonNull(expenseAccountRef, "expenseAccountRef");
        AccountBasedExpenseLineDetail detail = new AccountBasedExpenseLineDetail(expenseAccountRef, null, null,
                AccountBasedExpenseLineDetail.NOT_BILLABLE, null, null);
        return new Line(null, null, description, money(amount), ACCOUNT_BASED_EXPENSE_LINE_DETAIL, null, null, detail, null);
    }

    /** A Payment line applying {@code amount} to the linked transactions (Payment lines carry no DetailType). */
    public static Line payment(BigDecimal amount, LinkedTxn... linkedTxns) {
        if (linkedTxns.length == 0) {
            throw new IllegalArgumentException("a Payment line must link at least one transaction");
        }
        return new Line(null, null, null, money(amount), null, null, null, null, List.of(linkedTxns));
    }

    private static BigDecimal money(BigDecimal amount) {
        Objects.requireNonNull(amount, "amount");
        try {
            return amount.setScale(2, RoundingMode.UNNECESSARY);
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException("amount " + amount.toPlainString() + " has more than 2 decimals", e);
        }
    }

    /** Starts an empty Line; every field is optional until QBO says otherwise. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder pre-filled with this record's values, for copies with a few changes. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.id = id;
        b.lineNum = lineNum;
        b.description = description;
        b.amount = amount;
        b.detailType = detailType;
        b.salesItemLineDetail = salesItemLineDetail;
        b.discountLineDetail = discountLineDetail;
        b.accountBasedExpenseLineDetail = accountBasedExpenseLineDetail;
        b.linkedTxns = linkedTxns;
        return b;
    }

    /** Mutable builder for Line; QBO JSON field names are in the record components. */
    public static final class Builder {
        private String id;
        private Integer lineNum;
        private String description;
        private BigDecimal amount;
        private String detailType;
        private SalesItemLineDetail salesItemLineDetail;
        private DiscountLineDetail discountLineDetail;
        private AccountBasedExpenseLineDetail accountBasedExpenseLineDetail;
        private List<LinkedTxn> linkedTxns;

        private Builder() {
        }

        public Builder id(String id) {
            this.id = id;
            return this;
        }

        public Builder lineNum(Integer lineNum) {
            this.lineNum = lineNum;
            return this;
        }

        public Builder description(String description) {
            this.description = description;
            return this;
        }

        public Builder amount(BigDecimal amount) {
            this.amount = amount;
            return this;
        }

        public Builder detailType(String detailType) {
            this.detailType = detailType;
            return this;
        }

        public Builder salesItemLineDetail(SalesItemLineDetail salesItemLineDetail) {
            this.salesItemLineDetail = salesItemLineDetail;
            return this;
        }

        public Builder discountLineDetail(DiscountLineDetail discountLineDetail) {
            this.discountLineDetail = discountLineDetail;
            return this;
        }

        public Builder accountBasedExpenseLineDetail(AccountBasedExpenseLineDetail accountBasedExpenseLineDetail) {
            this.accountBasedExpenseLineDetail = accountBasedExpenseLineDetail;
            return this;
        }

        public Builder linkedTxns(List<LinkedTxn> linkedTxns) {
            this.linkedTxns = linkedTxns;
            return this;
        }

        public Line build() {
            return new Line(id, lineNum, description, amount, detailType, salesItemLineDetail, discountLineDetail, accountBasedExpenseLineDetail, linkedTxns);
        }
    }
}
