package dev.ledgerbridge.payments.rest;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import dev.ledgerbridge.payments.HubSpotPayment;
import dev.ledgerbridge.payments.InvalidPaymentActionException;
import dev.ledgerbridge.payments.PaymentAction;
import dev.ledgerbridge.payments.PaymentActionCommand;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * {@code POST /v1/payment-actions} body (payments contract, section B). Shape errors are 400 INVALID_REQUEST.
 *
 * @param callbackId HubSpot execution id
 * @param portalId   HubSpot portal id
 * @param realmId    QBO company id
 * @param action     which document to make of the payment
 * @param payment    the HubSpot payment
 * @param customer   the body the gateway sends to contact-sync's {@code POST /v1/customers/resolve}; required except
 *                   for FEE_EXPENSE
 * @param lineItems  the body the gateway sends to product-catalog's {@code POST /v1/line-items/resolve}; required
 *                   except for FEE_EXPENSE
 * @param inputs     the action's overrides of the company's payment settings, optional
 */
public record PaymentActionRequest(
        @NotNull @Pattern(regexp = "[\\x21-\\x7E]{1,200}", message = "must be printable ASCII without spaces")
        String callbackId,
        @NotNull @Positive Long portalId,
        @NotNull @Pattern(regexp = "[0-9]{1,32}", message = "must be a numeric QBO company id") String realmId,
        @NotNull PaymentAction action,
        @NotNull @Valid PaymentBody payment,
        JsonNode customer,
        JsonNode lineItems,
        @Valid InputsBody inputs) {

    /**
     * The HubSpot payment.
     *
     * @param id                   HubSpot payment id
     * @param sourceApp            {@code hs_payment_source_app}, e.g. {@code SALES_CHECKOUT}, {@code INVOICE}
     * @param hasAssociatedInvoice a HubSpot invoice is associated with the payment
     * @param status               HubSpot payment status
     * @param amount               gross amount
     * @param feesAmount           processing fees, or null
     * @param refundsAmount        refunded so far, or null
     * @param netAmount            amount less fees, or null
     * @param currency             ISO code
     * @param date                 payment date, or null
     * @param lines                taxability per line item
     */
    public record PaymentBody(
            @NotNull @Pattern(regexp = "[A-Za-z0-9_-]{1,64}", message = "must be a HubSpot payment id") String id,
            @Size(max = 64) String sourceApp,
            Boolean hasAssociatedInvoice,
            @Size(max = 32) String status,
            @NotNull @PositiveOrZero BigDecimal amount,
            @PositiveOrZero BigDecimal feesAmount,
            @PositiveOrZero BigDecimal refundsAmount,
            BigDecimal netAmount,
            @Size(max = 3) String currency,
            LocalDate date,
            @Size(max = 750) List<@NotNull @Valid LineBody> lines) {
    }

    /**
     * One line item of the payment.
     *
     * @param lineItemId HubSpot line item id
     * @param taxable    HubSpot taxes the line
     */
    public record LineBody(@NotNull @Size(min = 1, max = 64) String lineItemId, boolean taxable) {
    }

    /** The action's input fields, each optional. */
    public record InputsBody(
            @JsonProperty("payment_terms") @Size(max = 31) String paymentTerms,
            @JsonProperty("deposit_account") @Pattern(regexp = "[0-9]{1,32}", message = "must be a QBO account id")
            String depositAccount,
            @JsonProperty("expense_account") @Pattern(regexp = "[0-9]{1,32}", message = "must be a QBO account id")
            String expenseAccount,
            @JsonProperty("payment_account") @Pattern(regexp = "[0-9]{1,32}", message = "must be a QBO account id")
            String paymentAccount,
            @JsonProperty("vendor") @Pattern(regexp = "[0-9]{1,32}", message = "must be a QBO vendor id")
            String vendor) {
    }

    /** The service's view; 400 when the action needs the customer or line items and they are not objects. */
    PaymentActionCommand toCommand() {
        if (action.needsCustomerAndLines()) {
            requireObject("customer", customer);
            requireObject("lineItems", lineItems);
        }
        HubSpotPayment domain = new HubSpotPayment(payment.id(), payment.sourceApp(),
                Boolean.TRUE.equals(payment.hasAssociatedInvoice()), payment.status(), payment.amount(),
                payment.feesAmount(), payment.refundsAmount(), payment.netAmount(), payment.currency(), payment.date(),
                payment.lines() == null ? List.of() : payment.lines().stream()
                        .map(line -> new HubSpotPayment.Line(line.lineItemId(), line.taxable())).toList());
        PaymentActionCommand.Inputs in = inputs == null ? PaymentActionCommand.Inputs.NONE
                : new PaymentActionCommand.Inputs(inputs.paymentTerms(), inputs.depositAccount(),
                        inputs.expenseAccount(), inputs.paymentAccount(), inputs.vendor());
        return new PaymentActionCommand(callbackId, portalId, realmId, action, domain, customer, lineItems, in);
    }

    private void requireObject(String field, JsonNode value) {
        if (value == null || !value.isObject()) {
            throw new InvalidPaymentActionException("Invalid request: " + field + " must be an object for action "
                    + action + ".");
        }
    }
}
