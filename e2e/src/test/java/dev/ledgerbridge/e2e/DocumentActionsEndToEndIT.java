package dev.ledgerbridge.e2e;

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
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A1-A3 end to end (issue 6) through the sandbox's workflow engine: create-invoice, create-estimate and
 * create-sales-receipt, each for a deal and for a quote, with complete outputs and the R15 note on the enrolled
 * record; a sales receipt refused while the company has no deposit settings; vendor calls per action, warm.
 */
class DocumentActionsEndToEndIT {

    private static final String US = SuiteHttp.US_REALM;
    private static final String HUBSPOT_TOKEN = "Bearer sandbox-hubspot-" + SuiteHttp.PORTAL;
    private static final Map<String, String> QBO_PATHS = Map.of("create-invoice", "invoice", "create-estimate",
            "estimate", "create-sales-receipt", "salesreceipt");
    private static final Map<String, String> ENTITIES = Map.of("create-invoice", "Invoice", "create-estimate",
            "Estimate", "create-sales-receipt", "SalesReceipt");
    private static final Map<String, String> LABELS = Map.of("create-invoice", "invoice", "create-estimate",
            "estimate", "create-sales-receipt", "sales receipt");

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static SuiteLauncher suite;
    private static SuiteHttp http;

    @BeforeAll
    static void launch() {
        suite = E2eSuite.suite();
        http = E2eSuite.http();
    }

    @Test
    void shouldCreateEachDocumentForADealAndForAQuoteWithCompleteOutputsAndTheNoteOnTheRecord() throws Exception {
        settings("{\"depositAccountId\": \"1\", \"paymentMethodId\": \"3\"}", 200);
        for (String action : QBO_PATHS.keySet()) {
            for (String[] record : new String[][] { { "DEAL", "301", "deals" }, { "QUOTE", "501", "quotes" } }) {
                JsonNode execution = runToEnd(enrollment(action, record[0], record[1], US));

                JsonNode output = execution.path("outputFields");
                String where = action + " for " + record[0] + " " + record[1] + ": " + output;
                assertEquals("SUCCESS", output.path("hs_execution_state").asText(), where);
                String id = output.path("qbo_document_id").asText();
                JsonNode document = qboEntity(US, ENTITIES.get(action), id);
                assertEquals(output.path("qbo_doc_number").asText(), document.path("DocNumber").asText(), where);
                assertEquals(new BigDecimal("15000.00"), new BigDecimal(output.path("qbo_total").asText()), where);
                assertEquals(new BigDecimal("15000.00"), document.path("TotalAmt").decimalValue().setScale(2), where);
                assertTrue(output.path("qbo_link").asText().endsWith("/app/" + QBO_PATHS.get(action) + "?txnId=" + id),
                        where);
                assertEquals("", output.path("error_code").asText(), where);
                assertTrue(document.path("PrivateNote").asText().contains("object=" + record[0] + "/" + record[1]),
                        document.toString());
                if ("create-estimate".equals(action) && "QUOTE".equals(record[0])) {
                    // The seeded quote expires 30 days after the sandbox started (UTC midnight); the estimate carries
                    // that date.
                    String expiry = get(suite.url(SuiteApp.SANDBOX).resolve("/crm/v3/objects/quotes/501"
                            + "?properties=hs_expiration_date")).path("properties").path("hs_expiration_date").asText();
                    assertEquals(expiry.substring(0, 10), document.path("ExpirationDate").asText(),
                            document.toString());
                }
                String note = "QuickBooks " + LABELS.get(action) + " " + output.path("qbo_doc_number").asText()
                        + " created (QBO id " + id + ", total 15,000.00 USD): " + output.path("qbo_link").asText();
                assertTrue(notesOn(record[2], record[1]).contains(note), "note on " + record[0] + " " + record[1]
                        + ": " + note);
            }
        }
    }

    @Test
    void shouldRefuseASalesReceiptClearlyWithoutDepositSettingsThenCreateItOnceTheyAreSet() throws Exception {
        settings("{}", 200);
        long receiptsBefore = E2eSuite.count(US, "SalesReceipt");
        try {
            JsonNode refused = runToEnd(enrollment("create-sales-receipt", "DEAL", "303", US));

            JsonNode output = refused.path("outputFields");
            assertEquals("FAIL_CONTINUE", output.path("hs_execution_state").asText(), output.toString());
            assertEquals("SALES_RECEIPT_NOT_CONFIGURED", output.path("error_code").asText(), output.toString());
            assertTrue(output.path("error_message").asText().toLowerCase().contains("deposit"), output.toString());
            // The customer may be created on the way (contact-sync), but no sales receipt is written.
            assertEquals(receiptsBefore, E2eSuite.count(US, "SalesReceipt"), "no sales receipt written");
        } finally {
            settings("{\"depositAccountId\": \"1\", \"paymentMethodId\": \"3\"}", 200);
        }

        JsonNode created = runToEnd(enrollment("create-sales-receipt", "DEAL", "303", US));

        JsonNode output = created.path("outputFields");
        assertEquals("SUCCESS", output.path("hs_execution_state").asText(), output.toString());
        JsonNode receipt = qboEntity(US, "SalesReceipt", output.path("qbo_document_id").asText());
        assertEquals("1", receipt.path("DepositToAccountRef").path("value").asText(), receipt.toString());
        assertEquals("3", receipt.path("PaymentMethodRef").path("value").asText(), receipt.toString());
    }

    @Test
    void shouldPrintVendorCallsPerActionWarm() throws Exception {
        settings("{\"depositAccountId\": \"1\", \"paymentMethodId\": \"3\"}", 200);
        for (String action : QBO_PATHS.keySet()) {
            for (String[] record : new String[][] { { "DEAL", "306" }, { "QUOTE", "501" } }) {
                // The first run links the contacts and starts the catalog mirror; the second is the warm path.
                JsonNode cold = runToEnd(enrollment(action, record[0], record[1], US));
                assertEquals("SUCCESS", cold.path("outputFields").path("hs_execution_state").asText(), cold.toString());
                await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(() -> "LOADED"
                        .equals(http.get(suite.url(SuiteApp.PRODUCT_CATALOG), "/v1/catalog/" + US).body()
                                .path("status").asText()));
                JsonNode warm = runToEnd(enrollment(action, record[0], record[1], US));
                assertEquals("SUCCESS", warm.path("outputFields").path("hs_execution_state").asText(), warm.toString());

                JsonNode calls = http.callsFor(warm.path("callbackId").asText()).body();
                System.out.println("vendor calls for " + action + " on a " + record[0].toLowerCase() + ", warm: "
                        + summary(calls));
                JsonNode hubspot = calls.path("vendors").path("hubspot");
                JsonNode qbo = calls.path("vendors").path("qbo");
                assertTrue(hubspot.path("read").asLong() <= 3, action + " " + summary(calls));
                assertEquals(1, hubspot.path("write").asLong(), action + " " + summary(calls));
                assertEquals(1, qbo.path("write").asLong(), action + " " + summary(calls));
            }
        }
    }

    /** The bodies of the notes associated with a HubSpot record, read as HubSpot's own API shows them. */
    private String notesOn(String objectType, String id) throws IOException, InterruptedException {
        URI sandbox = suite.url(SuiteApp.SANDBOX);
        JsonNode links = get(sandbox.resolve("/crm/v4/objects/" + objectType + "/" + id
                + "/associations/notes?limit=500")).path("results");
        StringBuilder inputs = new StringBuilder();
        // Links come in insertion order; the newest 100 (a batch read's limit) include the note just written.
        for (int i = Math.max(0, links.size() - 100); i < links.size(); i++) {
            JsonNode link = links.get(i);
            inputs.append(inputs.isEmpty() ? "" : ",").append("{\"id\":\"").append(link.path("toObjectId").asText())
                    .append("\"}");
        }
        // One batch read: reading each note alone would hit the sandbox's (HubSpot's) ten-second rate limit.
        HttpResponse<String> response = client.send(HttpRequest.newBuilder(
                        sandbox.resolve("/crm/v3/objects/notes/batch/read"))
                .header("Authorization", HUBSPOT_TOKEN).header("Content-Type", "application/json")
                .timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofString("{\"properties\":[\"hs_note_body\"],\"inputs\":["
                        + inputs + "]}")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), response.body());
        StringBuilder bodies = new StringBuilder();
        for (JsonNode note : SuiteHttp.parse(response.body()).path("results")) {
            bodies.append(note.path("properties").path("hs_note_body").asText()).append('\n');
        }
        return bodies.toString();
    }

    private JsonNode get(URI uri) throws IOException, InterruptedException {
        HttpResponse<String> response = client.send(HttpRequest.newBuilder(uri).header("Authorization", HUBSPOT_TOKEN)
                .timeout(Duration.ofSeconds(30)).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), uri + ": " + response.body());
        return SuiteHttp.parse(response.body());
    }

    private void settings(String body, int expectedStatus) throws IOException, InterruptedException {
        HttpResponse<String> response = client.send(E2eSuite.authorized(suite.url(SuiteApp.DOCUMENT)
                        .resolve("/v1/companies/" + US + "/document-settings"))
                .header("Content-Type", "application/json").timeout(Duration.ofSeconds(30))
                .PUT(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(expectedStatus, response.statusCode(), response.body());
    }
}
