package dev.ledgerbridge.payments;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * A HubSpot commerce payment as the gateway loaded it: what the policy and the documents are made from.
 *
 * @param id                   HubSpot payment id
 * @param sourceApp            HubSpot's {@code hs_payment_source_app}, e.g. {@code SALES_CHECKOUT} or {@code INVOICE}
 * @param hasAssociatedInvoice true when a HubSpot invoice is associated with the payment
 * @param status               HubSpot's payment status, e.g. {@code succeeded}
 * @param amount               gross amount collected
 * @param feesAmount           processing fees, or null
 * @param refundsAmount        amount refunded so far, or null
 * @param netAmount            amount less fees, or null
 * @param currency             ISO currency code
 * @param date                 payment date, or null
 * @param lines                per line item: whether it is taxable
 */
public record HubSpotPayment(String id, String sourceApp, boolean hasAssociatedInvoice, String status,
        BigDecimal amount, BigDecimal feesAmount, BigDecimal refundsAmount, BigDecimal netAmount, String currency,
        LocalDate date, List<Line> lines) {

    public HubSpotPayment {
        lines = lines == null ? List.of() : List.copyOf(lines);
    }

    /**
     * One line item of the payment.
     *
     * @param lineItemId HubSpot line item id
     * @param taxable    true when HubSpot taxes the line
     */
    public record Line(String lineItemId, boolean taxable) {
    }
}
