package dev.ledgerbridge.gateway.client;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * Body of payments-bridge-service {@code POST /v1/payment-actions} (issue 7, contract B): the HubSpot payment as the
 * gateway loaded it, with the customer and line-item requests built exactly as the document actions build them for
 * contact-sync and product-catalog, which payments-bridge forwards.
 *
 * @param action   {@code PAID_INVOICE}, {@code SALES_RECEIPT}, {@code FEE_EXPENSE} or {@code REFUND_RECEIPT}
 * @param customer the body of contact-sync {@code POST /v1/customers/resolve}
 * @param lineItems the body of product-catalog {@code POST /v1/line-items/resolve}
 * @param inputs   the action's account and terms inputs that were given (overrides of the company's payment
 *                 settings), by input name; absent ones left out
 */
public record PaymentActionRequest(String callbackId, long portalId, String realmId, String action, Payment payment,
        CustomerResolveRequest customer, LineItemResolveRequest lineItems, Map<String, String> inputs) {

    public PaymentActionRequest {
        inputs = inputs == null ? Map.of() : Map.copyOf(inputs);
    }

    /**
     * The HubSpot commerce payment; money is BigDecimal, a property HubSpot has no (readable) value for is null.
     *
     * @param sourceApp            {@code hs_payment_source_app}, e.g. {@code SALES_CHECKOUT} or {@code INVOICE}
     * @param hasAssociatedInvoice {@code hs_has_associated_invoice}
     * @param status               {@code hs_latest_status}, e.g. {@code succeeded} or {@code refunded}
     * @param amount               {@code hs_initial_amount}
     * @param date                 {@code hs_initiated_date} as a date (UTC)
     * @param lines                the payment's line items in association order, each with whether it is taxable
     */
    // Nulls are sent as null: the contract names every field, and "no fee" or "no refund" is information.
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Payment(String id, String sourceApp, boolean hasAssociatedInvoice, String status, BigDecimal amount,
            BigDecimal feesAmount, BigDecimal refundsAmount, BigDecimal netAmount, String currency, LocalDate date,
            List<Line> lines) {

        public Payment {
            lines = lines == null ? List.of() : List.copyOf(lines);
        }
    }

    /** A line item of the payment and whether HubSpot taxes it ({@code hs_tax_rate_group_id} or a tax amount). */
    public record Line(String lineItemId, boolean taxable) {
    }
}
