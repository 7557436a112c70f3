package dev.ledgerbridge.e2e;

import static dev.ledgerbridge.e2e.E2eSuite.enrollment;
import static dev.ledgerbridge.e2e.E2eSuite.runToEnd;
import static dev.ledgerbridge.e2e.E2eSuite.summary;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A1 end to end (issue 3): the packaged sandbox and services run as real processes; the sandbox's workflow
 * engine delivers signed action requests to the gateway exactly as HubSpot would.
 */
class CreateInvoiceEndToEndIT {

    private static SuiteLauncher suite;
    private static SuiteHttp http;

    @BeforeAll
    static void launch() {
        suite = E2eSuite.suite();
        http = E2eSuite.http();
    }

    @Test
    void shouldCreateOneInvoiceForTheDealWithItsCustomerLinesAndTotal() {
        JsonNode execution = runToEnd(enrollment("create-invoice", "DEAL", "301", SuiteHttp.US_REALM));

        JsonNode output = execution.path("outputFields");
        assertEquals("SUCCESS", output.path("hs_execution_state").asText(), output.toString());
        JsonNode invoice = invoice(output.path("qbo_document_id").asText());
        assertEquals(new BigDecimal("15000.00"), invoice.path("TotalAmt").decimalValue().setScale(2));
        assertEquals(output.path("qbo_doc_number").asText(), invoice.path("DocNumber").asText());
        JsonNode customer = customer(invoice.path("CustomerRef").path("value").asText());
        assertEquals("ada@example.com", customer.path("PrimaryEmailAddr").path("Address").asText());
        List<String> lines = new ArrayList<>();
        for (JsonNode line : invoice.path("Line")) {
            JsonNode detail = line.path("SalesItemLineDetail");
            if (!detail.isMissingNode()) {
                lines.add(detail.path("Qty").decimalValue().stripTrailingZeros().toPlainString() + " x "
                        + detail.path("UnitPrice").decimalValue().setScale(2).toPlainString() + " = "
                        + line.path("Amount").decimalValue().setScale(2).toPlainString());
            }
        }
        assertEquals(List.of("1 x 12000.00 = 12000.00", "2 x 1500.00 = 3000.00"), lines);
        assertTrue(invoice.path("PrivateNote").asText().contains(execution.path("callbackId").asText()),
                "PrivateNote carries the callbackId marker");
    }

    @Test
    void shouldReplayASecondDeliveryOfTheSameCallbackWithoutANewInvoice() {
        JsonNode done = runToEnd(enrollment("create-invoice", "DEAL", "303", SuiteHttp.US_REALM));
        String callbackId = done.path("callbackId").asText();
        assertEquals("SUCCESS", done.path("outputFields").path("hs_execution_state").asText(), done.toString());
        long before = count("Invoice");
        long vendorCallsBefore = http.callsFor(callbackId).body().path("total").asLong();

        assertEquals(202, http.redeliver(callbackId).status());
        JsonNode answer = await().atMost(Duration.ofSeconds(30)).until(() -> secondAnswer(callbackId), a -> a != null);

        assertEquals("SUCCESS", answer.path("outputFields").path("hs_execution_state").asText(), answer.toString());
        assertEquals(done.path("outputFields").path("qbo_document_id").asText(),
                answer.path("outputFields").path("qbo_document_id").asText());
        assertEquals(before, count("Invoice"));
        assertEquals(vendorCallsBefore, http.callsFor(callbackId).body().path("total").asLong(),
                "a replay makes no vendor call");
    }

    @Test
    void shouldCreateExactlyOneInvoiceForTwoConcurrentDeliveries() {
        long before = count("Invoice");
        Map<String, Object> enrollment = enrollment("create-invoice", "DEAL", "302", SuiteHttp.US_REALM);
        enrollment.put("deliveries", 2);
        enrollment.put("concurrentDeliveries", true);

        JsonNode execution = runToEnd(enrollment);

        assertEquals("SUCCESS", execution.path("outputFields").path("hs_execution_state").asText(), execution.toString());
        await().atMost(Duration.ofSeconds(30)).until(() -> allDeliveriesAnswered(execution.path("callbackId").asText()));
        assertEquals(before + 1, count("Invoice"));
    }

    @Test
    void shouldRefuseUnmatchedLineItemsAndWriteNothing() {
        long before = count("Invoice");

        JsonNode execution = runToEnd(enrollment("create-invoice", "DEAL", "304", SuiteHttp.US_REALM));

        JsonNode output = execution.path("outputFields");
        assertEquals("FAIL_CONTINUE", output.path("hs_execution_state").asText(), output.toString());
        assertEquals("UNMATCHED_LINE_ITEMS", output.path("error_code").asText());
        assertTrue(output.path("error_message").asText().contains("Custom Integration"), output.toString());
        assertEquals(before, count("Invoice"));
    }

    @Test
    void shouldRefuseTheCanadianCompanyBeforeWritingAnything() {
        JsonNode execution = runToEnd(enrollment("create-invoice", "DEAL", "301", SuiteHttp.CANADIAN_REALM));

        JsonNode output = execution.path("outputFields");
        assertEquals("FAIL_CONTINUE", output.path("hs_execution_state").asText(), output.toString());
        assertEquals("COMPANY_NOT_US", output.path("error_code").asText());
        JsonNode calls = http.callsFor(execution.path("callbackId").asText()).body();
        assertEquals(0, calls.path("write").asLong(), calls.toString());
    }

    @Test
    void shouldAnswer401ToABadSignatureWithoutAnyVendorCall() {
        String callbackId = "ap-40213377-999-1-0";
        String body = "{\"callbackId\":\"" + callbackId + "\",\"origin\":{\"portalId\":40213377},"
                + "\"object\":{\"objectId\":301,\"objectType\":\"DEAL\"},\"inputFields\":{}}";
        String now = String.valueOf(System.currentTimeMillis());
        String stale = String.valueOf(System.currentTimeMillis() - Duration.ofMinutes(6).toMillis());

        var wrong = http.postToGateway("/hubspot/actions/create-invoice", body,
                Map.of("X-HubSpot-Signature-v3", "bm90IGEgc2lnbmF0dXJl", "X-HubSpot-Request-Timestamp", now));
        var old = http.postToGateway("/hubspot/actions/create-invoice", body,
                Map.of("X-HubSpot-Signature-v3", "bm90IGEgc2lnbmF0dXJl", "X-HubSpot-Request-Timestamp", stale));

        assertEquals(401, wrong.status(), wrong.raw());
        assertEquals(401, old.status(), old.raw());
        assertEquals(0, http.callsFor(callbackId).body().path("total").asLong());
    }

    @Test
    void shouldMatchAnAccentedApostrophedHyphenatedNameToTheExistingCustomer() {
        JsonNode existing = http.qboQuery(SuiteHttp.US_REALM,
                "select * from Customer where PrimaryEmailAddr = 'sean@example.com'").body().path("QueryResponse").path("Customer");
        assertEquals(1, existing.size(), existing.toString());

        JsonNode execution = runToEnd(enrollment("create-invoice", "DEAL", "307", SuiteHttp.US_REALM));

        JsonNode output = execution.path("outputFields");
        assertEquals("SUCCESS", output.path("hs_execution_state").asText(), output.toString());
        assertEquals(existing.get(0).path("Id").asText(),
                invoice(output.path("qbo_document_id").asText()).path("CustomerRef").path("value").asText());
        assertEquals(1, http.qboQuery(SuiteHttp.US_REALM, "select * from Customer where PrimaryEmailAddr = 'sean@example.com'")
                .body().path("QueryResponse").path("Customer").size(), "no duplicate customer");
    }

    @Test
    void shouldMakeNoCustomerCallOnceTheContactIsLinked() {
        JsonNode cold = runToEnd(enrollment("create-invoice", "DEAL", "306", SuiteHttp.US_REALM));
        // The first resolution for a company starts the catalog mirror's initial load in the background; once it
        // is loaded, item resolution reads no QBO at all.
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(() -> "LOADED".equals(
                http.get(suite.url(SuiteApp.PRODUCT_CATALOG), "/v1/catalog/" + SuiteHttp.US_REALM).body()
                        .path("status").asText()));
        JsonNode warm = runToEnd(enrollment("create-invoice", "DEAL", "306", SuiteHttp.US_REALM));
        assertEquals("SUCCESS", cold.path("outputFields").path("hs_execution_state").asText(), cold.toString());
        assertEquals("SUCCESS", warm.path("outputFields").path("hs_execution_state").asText(), warm.toString());

        JsonNode coldCalls = http.callsFor(cold.path("callbackId").asText()).body();
        JsonNode warmCalls = http.callsFor(warm.path("callbackId").asText()).body();
        System.out.println("vendor calls for create-invoice, cold (new contact): " + summary(coldCalls));
        System.out.println("vendor calls for create-invoice, warm (linked contact): " + summary(warmCalls));

        // The warm path is the architecture's floor: 3 HubSpot reads (deal, contacts, line items), 0 QBO reads
        // (linked contact, mirrored catalog), 1 QBO write (the invoice), 1 HubSpot write (the note).
        JsonNode hubspot = warmCalls.path("vendors").path("hubspot");
        JsonNode qbo = warmCalls.path("vendors").path("qbo");
        assertTrue(hubspot.path("read").asLong() <= 3, summary(warmCalls));
        assertEquals(1, hubspot.path("write").asLong(), summary(warmCalls));
        assertEquals(0, qbo.path("read").asLong(), summary(warmCalls));
        assertEquals(1, qbo.path("write").asLong(), summary(warmCalls));
        for (JsonNode call : warmCalls.path("calls")) {
            assertTrue(!"Customer".equals(call.path("detail").asText()) && !call.path("endpoint").asText().endsWith("/customer"),
                    "a linked contact needs no QBO customer call: " + call);
        }
        assertTrue(coldCalls.path("total").asLong() > warmCalls.path("total").asLong(), "cold resolves the customer in QBO");
    }

    private static JsonNode secondAnswer(String callbackId) {
        for (JsonNode attempt : http.execution(callbackId).body().path("attempts")) {
            if (attempt.path("delivery").asInt() == 2 && attempt.path("status").asInt() == 200) {
                return SuiteHttp.parse(attempt.path("responseBody").asText());
            }
        }
        return null;
    }

    private static boolean allDeliveriesAnswered(String callbackId) {
        JsonNode execution = http.execution(callbackId).body();
        return execution.path("deliveryOutcomes").size() == execution.path("deliveries").asInt();
    }

    private static JsonNode invoice(String id) {
        return E2eSuite.qboEntity(SuiteHttp.US_REALM, "Invoice", id);
    }

    private static JsonNode customer(String id) {
        return E2eSuite.qboEntity(SuiteHttp.US_REALM, "Customer", id);
    }

    private static long count(String entity) {
        return E2eSuite.count(SuiteHttp.US_REALM, entity);
    }
}
