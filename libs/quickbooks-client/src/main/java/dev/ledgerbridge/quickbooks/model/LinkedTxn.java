package dev.ledgerbridge.quickbooks.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.quarkus.runtime.annotations.RegisterForReflection;


/**
 * A link from one transaction to another, e.g. a Payment line applied to an Invoice.
 */
// Reflection: serialised by the client's own ObjectMapper, outside Quarkus REST.
@RegisterForReflection
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record LinkedTxn(
        @JsonProperty("TxnId") String txnId,
        @JsonProperty("TxnType") String txnType,
        @JsonProperty("TxnLineId") String txnLineId) {

    /** Links to the invoice with the given id, the usual Payment line target. */
    public static LinkedTxn invoice(String invoiceId) {
        return new LinkedTxn(invoiceId, "Invoice", null);
    }
}
