package dev.ledgerbridge.e2e;

import static dev.ledgerbridge.e2e.E2eSuite.enrollment;
import static dev.ledgerbridge.e2e.E2eSuite.qboEntity;
import static dev.ledgerbridge.e2e.E2eSuite.runToEnd;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * R22 end to end: the two typical triggers of the README run by the sandbox's workflow engine (a quote whose
 * e-signatures are all completed, a deal whose name contains "payment link"), each enrolling the record in
 * create-invoice through the gateway when a CRM write makes it newly match; and issue 6's custom-numbers preference
 * both ways through the same engine (QBO numbers the invoice while it is off; HS-&lt;dealId&gt; while it is on; the
 * same number again is FAIL_CONTINUE / DUPLICATE_DOC_NUMBER).
 */
class WorkflowTriggersEndToEndIT {

    private static final String US = SuiteHttp.US_REALM;
    private static final String HUBSPOT_TOKEN = "Bearer sandbox-hubspot-" + SuiteHttp.PORTAL;
    private static final String QBO_TOKEN = "Bearer sandbox-qbo-" + US;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    // Deal and quote names carry the run, so a filter of one test never meets another test's records.
    private static final String RUN = UUID.randomUUID().toString().substring(0, 8);

    private static SuiteLauncher suite;
    private static SuiteHttp http;
    private static URI sandbox;
    private final List<String> workflows = new ArrayList<>();

    @BeforeAll
    static void launch() {
        suite = E2eSuite.suite();
        http = E2eSuite.http();
        sandbox = suite.url(SuiteApp.SANDBOX);
    }


    @AfterEach
    void deleteWorkflows() {
        // The suite is shared: a workflow left behind would enroll other classes' records.
        for (String id : workflows) {
            assertEquals(204, send("DELETE", sandbox, "/_sandbox/workflows/" + id, null, Map.of()).status());
        }
    }

    @Test
    void shouldInvoiceAQuoteOnceItsLastSignatureIsCompletedAndNotBefore() {
        String workflow = workflow("QUOTE", """
                {"filterGroups": [{"filters": [
                  {"propertyName": "hs_title", "operator": "CONTAINS", "value": "%s"},
                  {"propertyName": "hs_esign_num_signers_required", "operator": "GTE", "value": "1"},
                  {"propertyName": "hs_esign_num_signers_completed", "operator": "EQ",
                   "valueProperty": "hs_esign_num_signers_required"}]}]}""".formatted(RUN));
        String quote = createQuote("Signed quote " + RUN, 2, 0);
        String halfSigned = createQuote("Half-signed quote " + RUN, 3, 1);

        patch("quotes", quote, "{\"hs_esign_num_signers_completed\": \"1\"}");
        patch("quotes", halfSigned, "{\"hs_esign_num_signers_completed\": \"2\"}");
        assertEquals(List.of(), enrolledIds(workflow), "no quote is fully signed yet");
        patch("quotes", quote, "{\"hs_esign_num_signers_completed\": \"2\"}");

        assertEquals(List.of(quote), enrolledIds(workflow), "only the quote whose signatures are all completed");
        JsonNode execution = finished(workflow, quote);
        JsonNode output = execution.path("outputFields");
        assertEquals("SUCCESS", output.path("hs_execution_state").asText(), execution.toString());
        assertEquals("QUOTE", execution.path("objectType").asText());
        JsonNode invoice = qboEntity(US, "Invoice", output.path("qbo_document_id").asText());
        assertEquals(new BigDecimal("300.00"), invoice.path("TotalAmt").decimalValue().setScale(2), invoice.toString());
        assertTrue(invoice.path("PrivateNote").asText().contains("object=QUOTE/" + quote), invoice.toString());
        assertEquals(List.of(quote), enrolledIds(workflow), "the gateway's writes back to the quote enroll nothing");
    }

    @Test
    void shouldInvoiceADealCreatedOrRenamedWithPaymentLinkInItsName() {
        String workflow = workflow("DEAL", """
                {"filterGroups": [{"filters": [
                  {"propertyName": "dealname", "operator": "CONTAINS", "value": "payment link"},
                  {"propertyName": "dealname", "operator": "CONTAINS", "value": "%s"}]}]}""".formatted(RUN));
        String created = createDeal("Globex " + RUN + " Payment Link");
        String renamed = createDeal("Initech " + RUN + " renewal");
        assertEquals(List.of(created), enrolledIds(workflow), "a new deal with the words in its name");

        patch("deals", renamed, "{\"dealname\": \"Initech " + RUN + " renewal, payment link\"}");

        assertEquals(List.of(created, renamed), enrolledIds(workflow));
        for (String deal : List.of(created, renamed)) {
            JsonNode output = finished(workflow, deal).path("outputFields");
            assertEquals("SUCCESS", output.path("hs_execution_state").asText(), output.toString());
            JsonNode invoice = qboEntity(US, "Invoice", output.path("qbo_document_id").asText());
            assertEquals(new BigDecimal("150.00"), invoice.path("TotalAmt").decimalValue().setScale(2), invoice.toString());
            assertTrue(invoice.path("PrivateNote").asText().contains("object=DEAL/" + deal), invoice.toString());
        }
        patch("deals", renamed, "{\"amount\": \"150.00\"}");
        assertEquals(List.of(created, renamed), enrolledIds(workflow), "enrolled once: re-enrollment is off");
    }

    @Test
    void shouldLetQboNumberTheInvoiceWhileCustomNumbersAreOffAndUseThePatternWhileOn() {
        String workflow = workflow("DEAL", """
                {"filterGroups": [{"filters": [{"propertyName": "dealname", "operator": "CONTAINS_TOKEN",
                  "value": "numbers-%s"}]}]}""".formatted(RUN));
        assertFalse(customNumbers(), "the US company starts with custom transaction numbers off");
        JsonNode settings = send("GET", suite.url(SuiteApp.DOCUMENT), "/v1/companies/" + US + "/document-settings",
                null, Map.of()).body();

        String off = createDeal("Deal numbers-" + RUN + " off");
        JsonNode byQbo = finished(workflow, off).path("outputFields");
        assertEquals("SUCCESS", byQbo.path("hs_execution_state").asText(), byQbo.toString());
        String qboNumber = qboEntity(US, "Invoice", byQbo.path("qbo_document_id").asText()).path("DocNumber").asText();
        assertTrue(qboNumber.matches("[0-9]+"), "QBO's own number: " + qboNumber);
        assertEquals(qboNumber, byQbo.path("qbo_doc_number").asText());

        setCustomNumbers(true);
        try {
            // Saving the settings is also what makes document-service read the preference again.
            saveSettings(settings.path("depositAccountId"), settings.path("paymentMethodId"), "HS-{objectId}");
            String on = createDeal("Deal numbers-" + RUN + " on");
            JsonNode byPattern = finished(workflow, on).path("outputFields");
            assertEquals("SUCCESS", byPattern.path("hs_execution_state").asText(), byPattern.toString());
            assertEquals("HS-" + on, byPattern.path("qbo_doc_number").asText(), byPattern.toString());
            assertEquals("HS-" + on, qboEntity(US, "Invoice", byPattern.path("qbo_document_id").asText())
                    .path("DocNumber").asText());

            // A second execution on the same deal (the workflow does not re-enroll it, so enrolled explicitly).
            JsonNode again = runToEnd(enrollment("create-invoice", "DEAL", on, US)).path("outputFields");

            assertEquals("FAIL_CONTINUE", again.path("hs_execution_state").asText(), again.toString());
            assertEquals("DUPLICATE_DOC_NUMBER", again.path("error_code").asText(), again.toString());
            assertTrue(again.path("error_message").asText().contains("HS-" + on), again.toString());
        } finally {
            setCustomNumbers(false);
            saveSettings(settings.path("depositAccountId"), settings.path("paymentMethodId"),
                    settings.path("docNumberPattern").asText());
        }
        assertFalse(customNumbers());
    }

    private String workflow(String objectType, String criteria) {
        ObjectNode action = JSON.createObjectNode().put("actionUrl", http.actionUrl("create-invoice"));
        action.putObject("inputFields").put("quickbooks_company", US);
        String body = "{\"name\": \"e2e " + RUN + "\", \"objectType\": \"" + objectType + "\", \"enrollmentCriteria\": "
                + criteria + ", \"action\": " + action + "}";
        SuiteHttp.Reply reply = send("POST", sandbox, "/_sandbox/workflows", body, Map.of());
        assertEquals(201, reply.status(), reply.raw());
        String id = reply.body().path("id").asText();
        workflows.add(id);
        return id;
    }

    private static List<String> enrolledIds(String workflow) {
        SuiteHttp.Reply reply = send("GET", sandbox, "/_sandbox/workflows/" + workflow, null, Map.of());
        assertEquals(200, reply.status(), reply.raw());
        List<String> ids = new ArrayList<>();
        for (JsonNode e : reply.body().path("enrollments")) {
            assertTrue(e.path("error").isNull(), e.toString());
            ids.add(e.path("objectId").asText());
        }
        return ids;
    }

    /** The finished execution the workflow started for a record. */
    private static JsonNode finished(String workflow, String objectId) {
        String callbackId = null;
        for (JsonNode e : send("GET", sandbox, "/_sandbox/workflows/" + workflow, null, Map.of()).body().path("enrollments")) {
            if (e.path("objectId").asText().equals(objectId)) {
                callbackId = e.path("callbackId").asText();
            }
        }
        assertTrue(callbackId != null, objectId + " was not enrolled by workflow " + workflow);
        String id = callbackId;
        return await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100))
                .until(() -> http.execution(id).body(), e -> {
                    String state = e.path("state").asText();
                    return !state.equals("RUNNING") && !state.equals("BLOCKED");
                });
    }

    /** A quote with one fresh line item (2 x Support Hours, 300.00) for Ada Lovelace, signed by some of its signers. */
    private static String createQuote(String title, int signersRequired, int signersCompleted) {
        String lineItem = createLineItem(2);
        ObjectNode quote = JSON.createObjectNode();
        quote.putObject("properties").put("hs_title", title).put("hs_status", "APPROVED").put("hs_currency", "USD")
                .put("hs_esign_enabled", "true").put("hs_esign_num_signers_required", Integer.toString(signersRequired))
                .put("hs_esign_num_signers_completed", Integer.toString(signersCompleted));
        ArrayNode associations = quote.putArray("associations");
        association(associations, "101", 69);
        association(associations, lineItem, 67);
        return created(send("POST", sandbox, "/crm/v3/objects/quotes", quote.toString(), Map.of("Authorization", HUBSPOT_TOKEN)));
    }

    /** A deal with one fresh line item (Support Hours, 150.00) for Ada Lovelace. */
    private static String createDeal(String name) {
        String lineItem = createLineItem(1);
        ObjectNode deal = JSON.createObjectNode();
        deal.putObject("properties").put("dealname", name).put("deal_currency_code", "USD");
        ArrayNode associations = deal.putArray("associations");
        association(associations, "101", 3);
        association(associations, lineItem, 19);
        return created(send("POST", sandbox, "/crm/v3/objects/deals", deal.toString(), Map.of("Authorization", HUBSPOT_TOKEN)));
    }

    private static String createLineItem(int quantity) {
        ObjectNode line = JSON.createObjectNode();
        line.putObject("properties").put("name", "Support Hours").put("hs_sku", "SUP-HR").put("hs_product_id", "203")
                .put("quantity", Integer.toString(quantity)).put("price", "150.00");
        return created(send("POST", sandbox, "/crm/v3/objects/line_items", line.toString(), Map.of("Authorization", HUBSPOT_TOKEN)));
    }

    private static void association(ArrayNode associations, String toId, int typeId) {
        ObjectNode association = associations.addObject();
        association.putObject("to").put("id", toId);
        association.putArray("types").addObject().put("associationCategory", "HUBSPOT_DEFINED")
                .put("associationTypeId", typeId);
    }

    private static void patch(String type, String id, String properties) {
        SuiteHttp.Reply reply = send("PATCH", sandbox, "/crm/v3/objects/" + type + "/" + id,
                "{\"properties\": " + properties + "}", Map.of("Authorization", HUBSPOT_TOKEN));
        assertEquals(200, reply.status(), reply.raw());
    }

    private static boolean customNumbers() {
        return preferences().path("SalesFormsPrefs").path("CustomTxnNumbers").asBoolean(false);
    }

    private static JsonNode preferences() {
        SuiteHttp.Reply reply = send("GET", sandbox, "/v3/company/" + US + "/preferences?minorversion=75", null,
                Map.of("Authorization", QBO_TOKEN));
        assertEquals(200, reply.status(), reply.raw());
        return reply.body().path("Preferences");
    }

    /** Switches the company's custom transaction numbers preference with a sparse Preferences update, as QBO takes it. */
    private static void setCustomNumbers(boolean on) {
        String update = "{\"Id\": \"1\", \"SyncToken\": \"" + preferences().path("SyncToken").asText()
                + "\", \"sparse\": true, \"SalesFormsPrefs\": {\"CustomTxnNumbers\": " + on + "}}";
        SuiteHttp.Reply reply = send("POST", sandbox, "/v3/company/" + US + "/preferences?minorversion=75", update,
                Map.of("Authorization", QBO_TOKEN));
        assertEquals(200, reply.status(), reply.raw());
    }

    private static void saveSettings(JsonNode depositAccountId, JsonNode paymentMethodId, String pattern) {
        ObjectNode body = JSON.createObjectNode();
        body.set("depositAccountId", depositAccountId.isMissingNode() ? null : depositAccountId);
        body.set("paymentMethodId", paymentMethodId.isMissingNode() ? null : paymentMethodId);
        body.put("docNumberPattern", pattern);
        SuiteHttp.Reply reply = send("PUT", suite.url(SuiteApp.DOCUMENT), "/v1/companies/" + US + "/document-settings",
                body.toString(), Map.of());
        assertEquals(200, reply.status(), reply.raw());
    }

    private static String created(SuiteHttp.Reply reply) {
        assertEquals(201, reply.status(), reply.raw());
        return reply.body().path("id").asText();
    }

    private static SuiteHttp.Reply send(String method, URI base, String path, String body, Map<String, String> headers) {
        HttpRequest.Builder builder = E2eSuite.authorized(base.resolve(path)).timeout(Duration.ofSeconds(30))
                .header("Accept", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (body != null) {
            builder.header("Content-Type", "application/json");
        }
        headers.forEach(builder::header);
        try {
            HttpResponse<String> response = CLIENT.send(builder.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new SuiteHttp.Reply(response.statusCode(), SuiteHttp.parse(response.body()), response.body());
        } catch (java.io.IOException e) {
            throw new IllegalStateException(method + " " + path + " failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
