package dev.ledgerbridge.quickbooks.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * The company preferences that change how documents must be written (custom transaction numbers, sales tax,
 * multicurrency); read-only for the bridge.
 */
// Reflection: serialised by the client's own ObjectMapper, outside Quarkus REST.
@RegisterForReflection
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Preferences(
        @JsonProperty("Id") String id,
        @JsonProperty("SyncToken") String syncToken,
        @JsonProperty("MetaData") MetaData metaData,
        @JsonProperty("SalesFormsPrefs") SalesFormsPrefs salesFormsPrefs,
        @JsonProperty("TaxPrefs") TaxPrefs taxPrefs,
        @JsonProperty("CurrencyPrefs") CurrencyPrefs currencyPrefs) implements QboEntity {

    /**
     * True when the company numbers sales forms itself: QBO then leaves {@code DocNumber} empty on API-created
     * documents unless the caller sends one (or {@code AUTO_GENERATE}). Absent preferences count as false.
     */
    public boolean customTxnNumbers() {
        return salesFormsPrefs != null && Boolean.TRUE.equals(salesFormsPrefs.customTxnNumbers());
    }

    /** Sales-form settings. */
    // Reflection: nested part of Preferences, serialised by the client's own ObjectMapper.
    @RegisterForReflection
    @JsonIgnoreProperties(ignoreUnknown = true)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record SalesFormsPrefs(
            @JsonProperty("CustomTxnNumbers") Boolean customTxnNumbers,
            @JsonProperty("AllowDiscount") Boolean allowDiscount,
            @JsonProperty("AllowDeposit") Boolean allowDeposit,
            @JsonProperty("AllowShipping") Boolean allowShipping,
            @JsonProperty("AllowServiceDate") Boolean allowServiceDate,
            @JsonProperty("DefaultTerms") Ref defaultTerms,
            @JsonProperty("DefaultCustomerMessage") String defaultCustomerMessage) {
    }

    /** Sales-tax settings; {@code PartnerTaxEnabled} means Automated Sales Tax computes the tax. */
    // Reflection: nested part of Preferences, serialised by the client's own ObjectMapper.
    @RegisterForReflection
    @JsonIgnoreProperties(ignoreUnknown = true)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record TaxPrefs(
            @JsonProperty("UsingSalesTax") Boolean usingSalesTax,
            @JsonProperty("PartnerTaxEnabled") Boolean partnerTaxEnabled) {
    }

    /** Currency settings. */
    // Reflection: nested part of Preferences, serialised by the client's own ObjectMapper.
    @RegisterForReflection
    @JsonIgnoreProperties(ignoreUnknown = true)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record CurrencyPrefs(
            @JsonProperty("MultiCurrencyEnabled") Boolean multiCurrencyEnabled,
            @JsonProperty("HomeCurrency") Ref homeCurrency) {
    }
}
