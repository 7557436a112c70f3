package dev.ledgerbridge.payments;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Every refusal and the no-op of R17-R21, and the payments each action may bridge. */
class PaymentPolicyTest {

    @Test
    void shouldLetAPaymentLinkPaymentBecomeAPaidInvoiceOrASalesReceipt() {
        HubSpotPayment payment = payment("SALES_CHECKOUT", false, false, "43.80", null);

        assertTrue(PaymentPolicy.decide(PaymentAction.PAID_INVOICE, payment).isEmpty());
        assertTrue(PaymentPolicy.decide(PaymentAction.SALES_RECEIPT, payment).isEmpty());
    }

    @Test
    void shouldRefuseAnInvoiceOrSalesReceiptForAPaymentFromAHubSpotInvoice() {
        for (PaymentAction action : List.of(PaymentAction.PAID_INVOICE, PaymentAction.SALES_RECEIPT)) {
            assertRefused(PaymentPolicy.SOURCE_IS_INVOICE, action, payment("INVOICE", false, false, null, null));
            // R19 whatever the source app says: an associated invoice is enough.
            assertRefused(PaymentPolicy.SOURCE_IS_INVOICE, action, payment("SALES_CHECKOUT", true, false, null, null));
        }
    }

    @Test
    void shouldNotApplyTheSourceGuardToFeesAndRefunds() {
        HubSpotPayment fromInvoice = payment("INVOICE", true, false, "43.80", "1500.00");

        assertTrue(PaymentPolicy.decide(PaymentAction.FEE_EXPENSE, fromInvoice).isEmpty());
        assertTrue(PaymentPolicy.decide(PaymentAction.REFUND_RECEIPT, fromInvoice).isEmpty());
    }

    @Test
    void shouldRefuseAPaidInvoiceWithATaxableLine() {
        BridgeOutcome refused = assertRefused(PaymentPolicy.TAXABLE_LINE_ITEMS, PaymentAction.PAID_INVOICE,
                payment("SALES_CHECKOUT", false, true, null, null));

        assertTrue(refused.message().contains("464"), refused.message());
    }

    @Test
    void shouldLetASalesReceiptCarryTaxableLines() {
        assertTrue(PaymentPolicy.decide(PaymentAction.SALES_RECEIPT,
                payment("SALES_CHECKOUT", false, true, null, null)).isEmpty());
    }

    @Test
    void shouldAnswerANoOpForTheFeeOfAPaymentWithoutFee() {
        for (String fee : new String[] { null, "0", "0.00" }) {
            Optional<BridgeOutcome> decided = PaymentPolicy.decide(PaymentAction.FEE_EXPENSE,
                    payment("SALES_CHECKOUT", false, false, fee, null));

            assertEquals(BridgeOutcome.NO_OP, decided.orElseThrow().outcome(), "fee " + fee);
            assertEquals(PaymentPolicy.NO_FEE, decided.get().code());
            assertEquals(null, decided.get().documentType());
        }
    }

    @Test
    void shouldRefuseARefundReceiptForAPaymentNotRefunded() {
        assertRefused(PaymentPolicy.NOT_REFUNDED, PaymentAction.REFUND_RECEIPT,
                payment("SALES_CHECKOUT", false, false, null, null));
        assertRefused(PaymentPolicy.NOT_REFUNDED, PaymentAction.REFUND_RECEIPT,
                payment("SALES_CHECKOUT", false, false, null, "0.00"));
    }

    @Test
    void shouldRefuseARefundReceiptForAPartialRefund() {
        BridgeOutcome refused = assertRefused(PaymentPolicy.PARTIAL_REFUND, PaymentAction.REFUND_RECEIPT,
                payment("SALES_CHECKOUT", false, false, null, "500.00"));

        assertTrue(refused.message().contains("500.00 of 1500.00"), refused.message());
    }

    @Test
    void shouldLetAFullRefundBecomeARefundReceipt() {
        // 1500 and 1500.00 are the same amount.
        assertTrue(PaymentPolicy.decide(PaymentAction.REFUND_RECEIPT,
                payment("SALES_CHECKOUT", false, false, null, "1500")).isEmpty());
    }

    private static BridgeOutcome assertRefused(String code, PaymentAction action, HubSpotPayment payment) {
        BridgeOutcome decided = PaymentPolicy.decide(action, payment).orElseThrow();
        assertEquals(BridgeOutcome.REFUSED, decided.outcome());
        assertEquals(code, decided.code());
        assertTrue(decided.message() != null && decided.message().contains(payment.id()), decided.message());
        return decided;
    }

    private static HubSpotPayment payment(String sourceApp, boolean invoiceAssociated, boolean taxable, String fee,
            String refunded) {
        return new HubSpotPayment("603", sourceApp, invoiceAssociated, "succeeded", new BigDecimal("1500.00"),
                fee == null ? null : new BigDecimal(fee), refunded == null ? null : new BigDecimal(refunded),
                null, "USD", LocalDate.of(2026, 1, 10),
                List.of(new HubSpotPayment.Line("463", false), new HubSpotPayment.Line("464", taxable)));
    }
}
