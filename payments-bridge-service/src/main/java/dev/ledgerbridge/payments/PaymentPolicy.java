package dev.ledgerbridge.payments;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

/**
 * The business rules of the payment actions (R17-R21), decided from the payment alone before anything is read or
 * written: a refusal or a no-op, or empty when the action may go ahead. Not recorded in the ledger, because a payment
 * changes (a refund arrives later), so the next execution decides again.
 */
public final class PaymentPolicy {

    /** The payment comes from a HubSpot invoice (R19): no invoice or sales receipt from it. */
    public static final String SOURCE_IS_INVOICE = "SOURCE_IS_INVOICE";
    /** A paid invoice cannot carry taxable line items (R17). */
    public static final String TAXABLE_LINE_ITEMS = "TAXABLE_LINE_ITEMS";
    /** A refund receipt needs a full refund (R21). */
    public static final String PARTIAL_REFUND = "PARTIAL_REFUND";
    /** A refund receipt needs a refund. */
    public static final String NOT_REFUNDED = "NOT_REFUNDED";
    /** A fee expense of a payment without fee is a no-op (R20). */
    public static final String NO_FEE = "NO_FEE";

    private PaymentPolicy() {
    }

    /** The refusal or no-op for the action on the payment, or empty when the action may create its document. */
    public static Optional<BridgeOutcome> decide(PaymentAction action, HubSpotPayment payment) {
        return switch (action) {
            case PAID_INVOICE -> sourceIsInvoice(payment, "an invoice").or(() -> taxableLines(payment));
            case SALES_RECEIPT -> sourceIsInvoice(payment, "a sales receipt");
            case FEE_EXPENSE -> noFee(payment);
            case REFUND_RECEIPT -> refund(payment);
        };
    }

    private static Optional<BridgeOutcome> sourceIsInvoice(HubSpotPayment payment, String document) {
        if (!"INVOICE".equals(payment.sourceApp()) && !payment.hasAssociatedInvoice()) {
            return Optional.empty();
        }
        return Optional.of(BridgeOutcome.refused(SOURCE_IS_INVOICE, "Payment " + payment.id()
                + " pays a HubSpot invoice, which is already in QuickBooks; LedgerBridge does not create " + document
                + " for it, so the sale is not recorded twice."));
    }

    private static Optional<BridgeOutcome> taxableLines(HubSpotPayment payment) {
        List<String> taxable = payment.lines().stream().filter(HubSpotPayment.Line::taxable)
                .map(HubSpotPayment.Line::lineItemId).toList();
        if (taxable.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(BridgeOutcome.refused(TAXABLE_LINE_ITEMS, "Payment " + payment.id()
                + " has taxable line items (" + String.join(", ", taxable) + "); a paid invoice cannot carry the"
                + " tax HubSpot collected. Record this payment as a sales receipt or enter it in QuickBooks."));
    }

    private static Optional<BridgeOutcome> noFee(HubSpotPayment payment) {
        if (positive(payment.feesAmount())) {
            return Optional.empty();
        }
        return Optional.of(BridgeOutcome.noOp(NO_FEE, "Payment " + payment.id()
                + " has no processing fee, so there is no fee expense to record."));
    }

    private static Optional<BridgeOutcome> refund(HubSpotPayment payment) {
        if (!positive(payment.refundsAmount())) {
            return Optional.of(BridgeOutcome.refused(NOT_REFUNDED, "Payment " + payment.id()
                    + " has not been refunded, so there is no refund receipt to create."));
        }
        if (payment.amount() != null && payment.refundsAmount().compareTo(payment.amount()) < 0) {
            return Optional.of(BridgeOutcome.refused(PARTIAL_REFUND, "Payment " + payment.id() + " was refunded "
                    + payment.refundsAmount().toPlainString() + " of " + payment.amount().toPlainString()
                    + "; LedgerBridge creates refund receipts for full refunds only. Record the partial refund in"
                    + " QuickBooks."));
        }
        return Optional.empty();
    }

    private static boolean positive(BigDecimal value) {
        return value != null && value.signum() > 0;
    }
}
