package dev.ledgerbridge.quickbooks.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.quarkus.runtime.annotations.RegisterForReflection;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A QBO product or service ({@code Type} {@code Service}, {@code NonInventory} or {@code Inventory}).
 * <p>{@code Sku} needs minor version 4 or later; the client always sends a later one.
 */
// Reflection: serialised by the client's own ObjectMapper, outside Quarkus REST.
@RegisterForReflection
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Item(
        @JsonProperty("Id") String id,
        @JsonProperty("SyncToken") String syncToken,
        @JsonProperty("MetaData") MetaData metaData,
        @JsonProperty("Name") String name,
        @JsonProperty("Type") String type,
        @JsonProperty("Sku") String sku,
        @JsonProperty("Description") String description,
        @JsonProperty("Active") Boolean active,
        @JsonProperty("FullyQualifiedName") String fullyQualifiedName,
        @JsonProperty("UnitPrice") BigDecimal unitPrice,
        @JsonProperty("Taxable") Boolean taxable,
        @JsonProperty("SalesTaxIncluded") Boolean salesTaxIncluded,
        @JsonProperty("SalesTaxCodeRef") Ref salesTaxCodeRef,
        @JsonProperty("IncomeAccountRef") Ref incomeAccountRef,
        @JsonProperty("ExpenseAccountRef") Ref expenseAccountRef,
        @JsonProperty("AssetAccountRef") Ref assetAccountRef,
        @JsonProperty("PurchaseDesc") String purchaseDesc,
        @JsonProperty("PurchaseCost") BigDecimal purchaseCost,
        @JsonProperty("TrackQtyOnHand") Boolean trackQtyOnHand,
        @JsonProperty("QtyOnHand") BigDecimal qtyOnHand,
        @JsonProperty("InvStartDate") LocalDate invStartDate) implements QboEntity {

    /** {@code Type} of a service item. */
    public static final String TYPE_SERVICE = "Service";
    /** {@code Type} of a non-inventory product. */
    public static final String TYPE_NON_INVENTORY = "NonInventory";
    /** {@code Type} of an inventory product (needs asset account, quantity and start date). */
    public static final String TYPE_INVENTORY = "Inventory";

    /** Starts an empty Item; every field is optional until QBO says otherwise. */
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
        b.type = type;
        b.sku = sku;
        b.description = description;
        b.active = active;
        b.fullyQualifiedName = fullyQualifiedName;
        b.unitPrice = unitPrice;
        b.taxable = taxable;
        b.salesTaxIncluded = salesTaxIncluded;
        b.salesTaxCodeRef = salesTaxCodeRef;
        b.incomeAccountRef = incomeAccountRef;
        b.expenseAccountRef = expenseAccountRef;
        b.assetAccountRef = assetAccountRef;
        b.purchaseDesc = purchaseDesc;
        b.purchaseCost = purchaseCost;
        b.trackQtyOnHand = trackQtyOnHand;
        b.qtyOnHand = qtyOnHand;
        b.invStartDate = invStartDate;
        return b;
    }

    /** Mutable builder for Item; QBO JSON field names are in the record components. */
    public static final class Builder {
        private String id;
        private String syncToken;
        private MetaData metaData;
        private String name;
        private String type;
        private String sku;
        private String description;
        private Boolean active;
        private String fullyQualifiedName;
        private BigDecimal unitPrice;
        private Boolean taxable;
        private Boolean salesTaxIncluded;
        private Ref salesTaxCodeRef;
        private Ref incomeAccountRef;
        private Ref expenseAccountRef;
        private Ref assetAccountRef;
        private String purchaseDesc;
        private BigDecimal purchaseCost;
        private Boolean trackQtyOnHand;
        private BigDecimal qtyOnHand;
        private LocalDate invStartDate;

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

        public Builder type(String type) {
            this.type = type;
            return this;
        }

        public Builder sku(String sku) {
            this.sku = sku;
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

        public Builder fullyQualifiedName(String fullyQualifiedName) {
            this.fullyQualifiedName = fullyQualifiedName;
            return this;
        }

        public Builder unitPrice(BigDecimal unitPrice) {
            this.unitPrice = unitPrice;
            return this;
        }

        public Builder taxable(Boolean taxable) {
            this.taxable = taxable;
            return this;
        }

        public Builder salesTaxIncluded(Boolean salesTaxIncluded) {
            this.salesTaxIncluded = salesTaxIncluded;
            return this;
        }

        public Builder salesTaxCodeRef(Ref salesTaxCodeRef) {
            this.salesTaxCodeRef = salesTaxCodeRef;
            return this;
        }

        public Builder incomeAccountRef(Ref incomeAccountRef) {
            this.incomeAccountRef = incomeAccountRef;
            return this;
        }

        public Builder expenseAccountRef(Ref expenseAccountRef) {
            this.expenseAccountRef = expenseAccountRef;
            return this;
        }

        public Builder assetAccountRef(Ref assetAccountRef) {
            this.assetAccountRef = assetAccountRef;
            return this;
        }

        public Builder purchaseDesc(String purchaseDesc) {
            this.purchaseDesc = purchaseDesc;
            return this;
        }

        public Builder purchaseCost(BigDecimal purchaseCost) {
            this.purchaseCost = purchaseCost;
            return this;
        }

        public Builder trackQtyOnHand(Boolean trackQtyOnHand) {
            this.trackQtyOnHand = trackQtyOnHand;
            return this;
        }

        public Builder qtyOnHand(BigDecimal qtyOnHand) {
            this.qtyOnHand = qtyOnHand;
            return this;
        }

        public Builder invStartDate(LocalDate invStartDate) {
            this.invStartDate = invStartDate;
            return this;
        }

        public Item build() {
            return new Item(id, syncToken, metaData, name, type, sku, description, active, fullyQualifiedName, unitPrice, taxable, salesTaxIncluded, salesTaxCodeRef, incomeAccountRef, expenseAccountRef, assetAccountRef, purchaseDesc, purchaseCost, trackQtyOnHand, qtyOnHand, invStartDate);
        }
    }
}
