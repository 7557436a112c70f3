package dev.ledgerbridge.gateway.mapping;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ledgerbridge.gateway.ActionRequest;
import dev.ledgerbridge.gateway.PaymentContext;
import dev.ledgerbridge.gateway.client.PaymentActionRequest;
import dev.ledgerbridge.gateway.client.PaymentActionResult;
import dev.ledgerbridge.gateway.service.ActionRefusal;
import dev.ledgerbridge.hubspot.CrmObject;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The payment's mapping (taxable lines, dates, amounts) and payments-bridge's request and answer (issue 7). */
class PaymentRequestsTest {

    private static final String BASE = "https://app.qbo.intuit.com";

    @Test
    void shouldReadThePaymentAndTellTaxedLines() {
        CrmObject payment = crm("604", Map.of("hs_initial_amount", "349.99", "hs_refunds_amount", "349.99",
                "hs_net_amount", "349.99", "hs_latest_status", "refunded", "hs_payment_source_app", "SALES_CHECKOUT",
                "hs_initiated_date", "2026-01-10T23:30:00Z", "hs_has_associated_invoice", "false"));
        List<CrmObject> lines = List.of(
                crm("1", Map.of("name", "Plain", "hs_tax_amount", "0")),
                crm("2", Map.of("name", "Grouped", "hs_tax_rate_group_id", "9001")),
                crm("3", Map.of("name", "Taxed", "hs_tax_amount", "12.50")),
                crm("4", Map.of("name", "Unreadable tax", "hs_tax_amount", "n/a")),
                crm("5", Map.of("name", "Blank group", "hs_tax_rate_group_id", " ")));

        PaymentContext context = PaymentContextMapper.toContext(payment, List.of(), lines, List.of(), Map.of());

        assertEquals(new BigDecimal("349.99"), context.amount());
        assertEquals(new BigDecimal("349.99"), context.refundsAmount());
        assertNull(context.feesAmount());
        assertFalse(context.hasAssociatedInvoice());
        assertNull(context.currencyCode());
        // The instant is taken in UTC, not in the machine's zone.
        assertEquals(LocalDate.of(2026, 1, 10), context.date());
        assertEquals(java.util.Set.of("2", "3", "4"), context.taxableLineItemIds());
    }

    @Test
    void shouldBuildTheBridgeRequestWithTheGivenInputsOnly() {
        PaymentContext context = PaymentContextMapper.toContext(crm("602", Map.of("hs_initial_amount", "3000.00",
                        "hs_payment_source_app", "INVOICE", "hs_has_associated_invoice", "true")),
                List.of(crm("101", Map.of("firstname", "Ada", "lastname", "Lovelace"))),
                List.of(crm("462", Map.of("name", "Onboarding Package", "quantity", "2", "price", "1500.00"))),
                List.of(), Map.of());
        Map<String, String> inputs = new HashMap<>(Map.of("quickbooks_company", "9130350000000001",
                "deposit_account", "35", "vendor", " ", "create_missing_products", "yes"));

        PaymentActionRequest request = PaymentRequests.paymentActionRequest("SALES_RECEIPT",
                new ActionRequest("ap-1", 40213377L, "COMMERCE_PAYMENT", "602", inputs), "9130350000000001", context,
                "Primary");

        assertEquals(Map.of("deposit_account", "35"), request.inputs());
        assertTrue(request.payment().hasAssociatedInvoice());
        assertEquals("INVOICE", request.payment().sourceApp());
        assertEquals("USD", request.payment().currency());
        assertEquals(List.of(new PaymentActionRequest.Line("462", false)), request.payment().lines());
        assertTrue(request.lineItems().createMissing());
        assertNull(request.customer().contactChoice());
        assertEquals("Ada", request.customer().contacts().get(0).firstName());
    }

    @Test
    void shouldRefuseAPrimaryContactNoContactCarries() {
        PaymentContext context = PaymentContextMapper.toContext(crm("601", Map.of("hs_initial_amount", "1500.00")),
                List.of(crm("101", Map.of("firstname", "Ada"))), List.of(), List.of(), Map.of("101", List.of("Billing")));

        ActionRefusal refusal = assertThrows(ActionRefusal.class, () -> PaymentRequests.paymentActionRequest(
                "PAID_INVOICE", new ActionRequest("ap-2", 1L, "COMMERCE_PAYMENT", "601",
                        Map.of("customer_contact", "primary")), "1", context, "Primary"));

        assertEquals("NO_PRIMARY_CONTACT", refusal.code());
        assertTrue(refusal.getMessage().contains("payment's primary contact"), refusal.getMessage());
    }

    @Test
    void shouldMapEachOutcomeToTheOutputFields() {
        Map<String, String> created = PaymentRequests.outputFields(new PaymentActionResult("CREATED", "Invoice", "130",
                "1001", new BigDecimal("1500.00"), "131", null, null), BASE);
        assertEquals("SUCCESS", created.get(OutputFields.EXECUTION_STATE));
        assertEquals("1500.00", created.get(OutputFields.TOTAL));
        assertEquals(BASE + "/app/invoice?txnId=130", created.get(OutputFields.LINK));

        Map<String, String> refused = PaymentRequests.outputFields(new PaymentActionResult("REFUSED", null, null, null,
                null, null, "PARTIAL_REFUND", "Only 500.00 of 3000.00 was refunded."), BASE);
        assertEquals("FAIL_CONTINUE", refused.get(OutputFields.EXECUTION_STATE));
        assertEquals("PARTIAL_REFUND", refused.get(OutputFields.ERROR_CODE));
        assertEquals("", refused.get(OutputFields.LINK));

        Map<String, String> noOp = PaymentRequests.outputFields(new PaymentActionResult("NO_OP", null, null, null,
                null, null, "NO_FEE", "No fee."), BASE);
        assertEquals("SUCCESS", noOp.get(OutputFields.EXECUTION_STATE));
        assertEquals("NO_FEE", noOp.get(OutputFields.ERROR_CODE));
        assertEquals("", noOp.get(OutputFields.DOCUMENT_ID));
        assertEquals(7, noOp.size());
    }

    @Test
    void shouldLinkEachQboEntityToItsPage() {
        assertEquals(BASE + "/app/salesreceipt?txnId=1", PaymentRequests.link(BASE + "/", "SalesReceipt", "1"));
        assertEquals(BASE + "/app/expense?txnId=2", PaymentRequests.link(BASE, "Purchase", "2"));
        assertEquals(BASE + "/app/refundreceipt?txnId=3", PaymentRequests.link(BASE, "RefundReceipt", "3"));
        assertEquals("", PaymentRequests.link(BASE, "Bill", "4"));
        assertEquals("", PaymentRequests.link(BASE, null, "4"));
    }

    @Test
    void shouldTakeBothFormsOfThePaymentObjectType() {
        assertTrue(PaymentContext.isPayment("COMMERCE_PAYMENT"));
        assertTrue(PaymentContext.isPayment("0-101"));
        assertFalse(PaymentContext.isPayment("DEAL"));
        assertFalse(PaymentContext.isPayment(null));
    }

    private static CrmObject crm(String id, Map<String, String> properties) {
        return new CrmObject(id, properties, Map.of(), null, null, false);
    }
}
