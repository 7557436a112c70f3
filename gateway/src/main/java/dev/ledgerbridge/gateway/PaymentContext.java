package dev.ledgerbridge.gateway;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/**
 * What the gateway loaded from HubSpot for an enrolled commerce payment (issue 7): the payment's own properties, its
 * contacts in association order and its line items, from three reads.
 *
 * @param sourceApp            {@code hs_payment_source_app}, e.g. {@code SALES_CHECKOUT} or {@code INVOICE}
 * @param hasAssociatedInvoice {@code hs_has_associated_invoice}
 * @param status               {@code hs_latest_status}
 * @param amount               {@code hs_initial_amount}; null when HubSpot has none
 * @param feesAmount           {@code hs_fees_amount}; null when the payment has no fee
 * @param refundsAmount        {@code hs_refunds_amount}; null when nothing was refunded
 * @param netAmount            {@code hs_net_amount}
 * @param date                 {@code hs_initiated_date}, taken in UTC
 * @param taxableLineItemIds   the line items with a tax rate group or a non-zero tax amount
 */
public record PaymentContext(String paymentId, String sourceApp, boolean hasAssociatedInvoice, String status,
        BigDecimal amount, BigDecimal feesAmount, BigDecimal refundsAmount, BigDecimal netAmount, String currencyCode,
        LocalDate date, List<DealContext.Contact> contacts, List<DealContext.LineItem> lineItems,
        Set<String> taxableLineItemIds) {

    /** {@code objectType} HubSpot sends for an enrolled commerce payment. */
    public static final String COMMERCE_PAYMENT = "COMMERCE_PAYMENT";

    /** HubSpot's object type id of commerce payments (domain brief: UNCONFIRMED), accepted as well. */
    public static final String COMMERCE_PAYMENT_TYPE_ID = "0-101";

    /**
     * True for an enrolled commerce payment: {@code COMMERCE_PAYMENT} (what the sandbox sends and the definitions
     * name) or its type id {@code 0-101}, since which form HubSpot puts in {@code object.objectType} is not confirmed.
     */
    public static boolean isPayment(String objectType) {
        return COMMERCE_PAYMENT.equals(objectType) || COMMERCE_PAYMENT_TYPE_ID.equals(objectType);
    }

    public PaymentContext {
        contacts = List.copyOf(contacts);
        lineItems = List.copyOf(lineItems);
        taxableLineItemIds = Set.copyOf(taxableLineItemIds);
    }

    /**
     * The payment as a record with contacts and line items, so the customer and line-item requests are built by the
     * same code as the document actions' ({@code InvoiceRequests}).
     */
    public DealContext asRecord() {
        return new DealContext(paymentId, null, currencyCode, contacts, lineItems, COMMERCE_PAYMENT, null);
    }
}
