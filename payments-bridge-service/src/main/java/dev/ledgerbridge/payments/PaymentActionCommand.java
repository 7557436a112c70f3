package dev.ledgerbridge.payments;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One payment action to bridge, as the gateway sent it.
 *
 * @param callbackId HubSpot execution id: correlation id of every downstream call and the documents' source
 * @param customer   the body for contact-sync's {@code POST /v1/customers/resolve}, passed on unchanged; null for
 *                   a fee expense
 * @param lineItems  the body for product-catalog's {@code POST /v1/line-items/resolve}, passed on unchanged; null
 *                   for a fee expense
 * @param inputs     the action's overrides of the company's payment settings
 */
public record PaymentActionCommand(String callbackId, long portalId, String realmId, PaymentAction action,
        HubSpotPayment payment, JsonNode customer, JsonNode lineItems, Inputs inputs) {

    public PaymentActionCommand {
        inputs = inputs == null ? Inputs.NONE : inputs;
    }

    /**
     * The action's input fields; each null when the workflow left it empty.
     *
     * @param paymentTerms   QBO term of a paid invoice
     * @param depositAccount deposit account (paid invoice, sales receipt) or refund-from account (refund receipt)
     * @param expenseAccount fee expense account
     * @param paymentAccount account the fee is paid from
     * @param vendor         payee vendor of the fee
     */
    public record Inputs(String paymentTerms, String depositAccount, String expenseAccount, String paymentAccount,
            String vendor) {

        /** No overrides. */
        public static final Inputs NONE = new Inputs(null, null, null, null, null);
    }
}
