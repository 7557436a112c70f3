package dev.ledgerbridge.e2e;

import static dev.ledgerbridge.e2e.E2eSuite.count;
import static dev.ledgerbridge.e2e.E2eSuite.enrollment;
import static dev.ledgerbridge.e2e.E2eSuite.qboEntity;
import static dev.ledgerbridge.e2e.E2eSuite.runToEnd;
import static dev.ledgerbridge.e2e.E2eSuite.summary;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A4-A7 end to end (issue 7) through the sandbox's workflow engine, with the seeded payments: 601 (payment link),
 * 602 (paid through a HubSpot invoice), 603 (with a 43.80 fee), 604 (fully refunded), 605 (partly refunded), 606
 * (a taxed line item). Each action creates its QBO document with complete outputs, each policy refusal is a
 * FAIL_CONTINUE that writes nothing, a fee of a payment without fee is a no-op, the same payment through two
 * enrollments at once leaves one document, and the vendor calls of each action are printed, cold and warm (two
 * payments created through HubSpot's API for the warm measure).
 * <p>Every test uses its own (payment, action) pairs: payments-bridge's ledger answers a pair once for the suite's
 * life, whatever workflow asks again.
 */
class PaymentActionsEndToEndIT {

    private static final String US = SuiteHttp.US_REALM;
    private static final Map<String, String> ENTITIES = Map.of("create-paid-invoice", "Invoice",
            "create-payment-sales-receipt", "SalesReceipt", "create-fee-expense", "Purchase",
            "create-refund-receipt", "RefundReceipt");
    private static final Map<String, String> QBO_PATHS = Map.of("create-paid-invoice", "invoice",
            "create-payment-sales-receipt", "salesreceipt", "create-fee-expense", "expense",
            "create-refund-receipt", "refundreceipt");

    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static SuiteLauncher suite;

    @BeforeAll
    static void launchAndConfigure() throws Exception {
        suite = E2eSuite.suite();
        String checking = id("Account", "Name", "Checking");
        String fees = id("Account", "Name", "Payment Processing Fees");
        String vendor = id("Vendor", "DisplayName", "HubSpot Payments");
        // Through the gateway's admin proxy; payments-bridge checks each account's type in QBO (contract C).
        HttpResponse<String> refused = putSettings("{\"feeExpenseAccountId\": \"" + checking + "\"}");
        assertEquals(422, refused.statusCode(), refused.body());
        assertTrue(refused.body().contains("ACCOUNT_TYPE_NOT_ALLOWED"), refused.body());
        HttpResponse<String> saved = putSettings("{\"depositAccountId\": \"" + checking + "\", \"feeExpenseAccountId\": \""
                + fees + "\", \"feePaymentAccountId\": \"" + checking + "\", \"feeVendorId\": \"" + vendor
                + "\", \"refundFromAccountId\": \"" + checking + "\", \"paymentMethodId\": \"3\"}");
        assertEquals(200, saved.statusCode(), saved.body());
        HttpResponse<String> read = CLIENT.send(E2eSuite.authorized(suite.url(SuiteApp.GATEWAY)
                        .resolve("/admin/v1/companies/" + US + "/payment-settings")).timeout(Duration.ofSeconds(30))
                .GET().build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, read.statusCode(), read.body());
        assertEquals(fees, SuiteHttp.parse(read.body()).path("feeExpenseAccountId").asText(), read.body());
    }

    @Test
    void shouldCreateEachDocumentOfAPaymentWithCompleteOutputs() {
        long payments = count(US, "Payment");
        JsonNode invoice = created("create-paid-invoice", "601", new BigDecimal("1500.00"));
        assertEquals(payments + 1, count(US, "Payment"), "the paid invoice's QBO payment");
        assertEquals(new BigDecimal("0.00"), invoice.path("Balance").decimalValue().setScale(2), invoice.toString());

        created("create-payment-sales-receipt", "601", new BigDecimal("1500.00"));

        JsonNode expense = created("create-fee-expense", "603", new BigDecimal("43.80"));
        assertTrue(expense.path("PrivateNote").asText().contains("603") || expense.toString().contains("603"),
                expense.toString());

        created("create-refund-receipt", "604", new BigDecimal("349.99"));
    }

    @Test
    void shouldRefuseWhatThePolicyForbidsWithoutWritingADocument() {
        long invoices = count(US, "Invoice");
        long receipts = count(US, "SalesReceipt");
        long refunds = count(US, "RefundReceipt");

        refused("create-paid-invoice", "602", "SOURCE_IS_INVOICE");
        refused("create-payment-sales-receipt", "602", "SOURCE_IS_INVOICE");
        refused("create-paid-invoice", "606", "TAXABLE_LINE_ITEMS");
        refused("create-refund-receipt", "605", "PARTIAL_REFUND");
        refused("create-refund-receipt", "603", "NOT_REFUNDED");
        refused("create-paid-invoice", "DEAL", "301", "UNSUPPORTED_OBJECT_TYPE");

        assertEquals(invoices, count(US, "Invoice"), "no invoice written");
        assertEquals(receipts, count(US, "SalesReceipt"), "no sales receipt written");
        assertEquals(refunds, count(US, "RefundReceipt"), "no refund receipt written");
    }

    @Test
    void shouldAnswerTheFeeOfAPaymentWithoutFeeAsANoOp() {
        long purchases = count(US, "Purchase");

        JsonNode output = runToEnd(enrollment("create-fee-expense", "COMMERCE_PAYMENT", "605", US))
                .path("outputFields");

        assertEquals("SUCCESS", output.path("hs_execution_state").asText(), output.toString());
        assertEquals("NO_FEE", output.path("error_code").asText(), output.toString());
        assertEquals("", output.path("qbo_document_id").asText(), output.toString());
        assertTrue(!output.path("error_message").asText().isBlank(), output.toString());
        assertEquals(purchases, count(US, "Purchase"), "no expense written");
    }

    @Test
    void shouldLeaveOneDocumentWhenTwoWorkflowsBridgeTheSamePaymentAtOnce() {
        long receipts = count(US, "SalesReceipt");

        // Two enrollments (two callbackIds, as from two workflows) of payment 603 into the sales receipt action.
        List<CompletableFuture<JsonNode>> runs = List.of(
                CompletableFuture.supplyAsync(() -> runToEnd(enrollment("create-payment-sales-receipt",
                        "COMMERCE_PAYMENT", "603", US))),
                CompletableFuture.supplyAsync(() -> runToEnd(enrollment("create-payment-sales-receipt",
                        "COMMERCE_PAYMENT", "603", US))));
        JsonNode first = runs.get(0).join().path("outputFields");
        JsonNode second = runs.get(1).join().path("outputFields");

        assertEquals("SUCCESS", first.path("hs_execution_state").asText(), first.toString());
        assertEquals("SUCCESS", second.path("hs_execution_state").asText(), second.toString());
        assertEquals(first.path("qbo_document_id").asText(), second.path("qbo_document_id").asText(),
                first + " / " + second);
        assertEquals(receipts + 1, count(US, "SalesReceipt"), "one sales receipt for payment 603");

        // A third workflow later gets the same document back, and makes no QBO call.
        JsonNode third = runToEnd(enrollment("create-payment-sales-receipt", "COMMERCE_PAYMENT", "603", US));
        assertEquals(first.path("qbo_document_id").asText(), third.path("outputFields").path("qbo_document_id")
                .asText(), third.toString());
        JsonNode calls = E2eSuite.http().callsFor(third.path("callbackId").asText()).body();
        System.out.println("vendor calls for create-payment-sales-receipt, replayed by the ledger: " + summary(calls));
        assertEquals(0, calls.path("vendors").path("qbo").path("write").asLong(), summary(calls));
        assertEquals(3, calls.path("vendors").path("hubspot").path("read").asLong(), summary(calls));
    }

    @Test
    void shouldPrintVendorCallsPerActionWarm() throws Exception {
        // Two new payments of contact 102 (Support Hours x 2, a 9.00 fee, fully refunded), so every action may run on
        // each: the first makes the path warm (customer linked, catalog mirrored), the second is measured.
        String primer = newPayment("LB-WARM-0");
        String measured = newPayment("LB-WARM-1");
        List<String> actions = List.of("create-paid-invoice", "create-payment-sales-receipt", "create-fee-expense",
                "create-refund-receipt");
        for (String action : actions) {
            JsonNode cold = runToEnd(enrollment(action, "COMMERCE_PAYMENT", primer, US));
            assertEquals("SUCCESS", cold.path("outputFields").path("hs_execution_state").asText(), cold.toString());
        }
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(() -> "LOADED".equals(
                E2eSuite.http().get(suite.url(SuiteApp.PRODUCT_CATALOG), "/v1/catalog/" + US).body().path("status")
                        .asText()));
        for (String action : actions) {
            JsonNode warm = runToEnd(enrollment(action, "COMMERCE_PAYMENT", measured, US));
            assertEquals("SUCCESS", warm.path("outputFields").path("hs_execution_state").asText(), warm.toString());
            JsonNode calls = E2eSuite.http().callsFor(warm.path("callbackId").asText()).body();
            System.out.println("vendor calls for " + action + ", warm: " + summary(calls));
            assertEquals(3, calls.path("vendors").path("hubspot").path("read").asLong(), action + " " + summary(calls));
            assertEquals(0, calls.path("vendors").path("hubspot").path("write").asLong(), action + " " + summary(calls));
            // An invoice and the payment applied to it; every other action one document.
            assertEquals("create-paid-invoice".equals(action) ? 2 : 1,
                    calls.path("vendors").path("qbo").path("write").asLong(), action + " " + summary(calls));
        }
    }

    // A payment created through HubSpot's API with its own line item, associated with contact 102.
    private static String newPayment(String reference) throws IOException, InterruptedException {
        JsonNode line = hubSpotCreate("line_items", "{\"properties\": {\"name\": \"Support Hours\", \"hs_sku\": "
                + "\"SUP-HR\", \"hs_product_id\": \"203\", \"quantity\": \"2\", \"price\": \"150.00\", "
                + "\"amount\": \"300.00\"}}");
        JsonNode payment = hubSpotCreate("commerce_payments", "{\"properties\": {\"hs_initial_amount\": \"300.00\", "
                + "\"hs_currency_code\": \"USD\", \"hs_latest_status\": \"refunded\", \"hs_fees_amount\": "
                + "\"9.00\", \"hs_refunds_amount\": \"300.00\", \"hs_net_amount\": \"291.00\", "
                + "\"hs_initiated_date\": \"2026-01-12T09:00:00Z\", \"hs_reference_number\": \"" + reference
                + "\"}, \"associations\": [{\"to\": {\"id\": \"102\"}, \"types\": [{\"associationCategory\": "
                + "\"HUBSPOT_DEFINED\", \"associationTypeId\": 387}]}, {\"to\": {\"id\": \""
                + line.path("id").asText() + "\"}, \"types\": [{\"associationCategory\": \"HUBSPOT_DEFINED\", "
                + "\"associationTypeId\": 395}]}]}");
        return payment.path("id").asText();
    }

    private static JsonNode hubSpotCreate(String objectType, String body) throws IOException, InterruptedException {
        HttpResponse<String> response = CLIENT.send(HttpRequest.newBuilder(suite.url(SuiteApp.SANDBOX)
                        .resolve("/crm/v3/objects/" + objectType))
                .header("Authorization", "Bearer sandbox-hubspot-" + SuiteHttp.PORTAL)
                .header("Content-Type", "application/json").timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(201, response.statusCode(), objectType + ": " + response.body());
        return SuiteHttp.parse(response.body());
    }

    // Enrolls the payment, checks the outputs against the document QBO now holds, prints the execution's vendor calls.
    private static JsonNode created(String action, String paymentId, BigDecimal total) {
        JsonNode execution = runToEnd(enrollment(action, "COMMERCE_PAYMENT", paymentId, US));
        JsonNode output = execution.path("outputFields");
        String where = action + " for payment " + paymentId + ": " + output;
        assertEquals("SUCCESS", output.path("hs_execution_state").asText(), where);
        assertEquals("", output.path("error_code").asText(), where);
        String id = output.path("qbo_document_id").asText();
        JsonNode document = qboEntity(US, ENTITIES.get(action), id);
        assertEquals(id, document.path("Id").asText(), where);
        assertEquals(0, total.compareTo(new BigDecimal(output.path("qbo_total").asText())), where);
        assertEquals(0, total.compareTo(document.path("TotalAmt").decimalValue()), where + " / " + document);
        assertTrue(output.path("qbo_link").asText().endsWith("/app/" + QBO_PATHS.get(action) + "?txnId=" + id), where);
        if (!"create-fee-expense".equals(action)) {
            assertEquals(document.path("DocNumber").asText(), output.path("qbo_doc_number").asText(), where);
        }
        JsonNode calls = E2eSuite.http().callsFor(execution.path("callbackId").asText()).body();
        System.out.println("vendor calls for " + action + " of payment " + paymentId + ": " + summary(calls));
        // The gateway's three reads (payment, line items, contacts) and no HubSpot write.
        assertEquals(3, calls.path("vendors").path("hubspot").path("read").asLong(), summary(calls));
        assertEquals(0, calls.path("vendors").path("hubspot").path("write").asLong(), summary(calls));
        return document;
    }

    private static void refused(String action, String paymentId, String code) {
        refused(action, "COMMERCE_PAYMENT", paymentId, code);
    }

    private static void refused(String action, String objectType, String objectId, String code) {
        JsonNode output = runToEnd(enrollment(action, objectType, objectId, US)).path("outputFields");
        String where = action + " for " + objectType + " " + objectId + ": " + output;
        assertEquals("FAIL_CONTINUE", output.path("hs_execution_state").asText(), where);
        assertEquals(code, output.path("error_code").asText(), where);
        assertTrue(!output.path("error_message").asText().isBlank(), where);
        assertEquals("", output.path("qbo_document_id").asText(), where);
    }

    private static String id(String entity, String field, String value) {
        JsonNode found = E2eSuite.http().qboQuery(US, "select * from " + entity + " where " + field + " = '" + value
                + "'").body().path("QueryResponse").path(entity).path(0);
        assertTrue(found.has("Id"), entity + " " + value + ": " + found);
        return found.path("Id").asText();
    }

    private static HttpResponse<String> putSettings(String body) throws IOException, InterruptedException {
        return CLIENT.send(E2eSuite.authorized(suite.url(SuiteApp.GATEWAY)
                        .resolve("/admin/v1/companies/" + US + "/payment-settings"))
                .header("Content-Type", "application/json").timeout(Duration.ofSeconds(30))
                .PUT(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
