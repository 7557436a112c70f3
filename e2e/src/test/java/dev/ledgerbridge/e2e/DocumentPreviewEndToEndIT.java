package dev.ledgerbridge.e2e;

import static dev.ledgerbridge.e2e.E2eSuite.enrollment;
import static dev.ledgerbridge.e2e.E2eSuite.qboEntity;
import static dev.ledgerbridge.e2e.E2eSuite.runToEnd;
import static dev.ledgerbridge.e2e.E2eSuite.summary;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The gateway's document preview ({@code POST /admin/v1/preview/document}, issue 6 "Preview") through the real
 * services and the sandbox: the preview of deal 301's invoice and of quote 501's estimate writes nothing to HubSpot
 * or QBO (the sandbox's write counters do not move), and the document the action then creates has the previewed
 * lines and total.
 */
class DocumentPreviewEndToEndIT {

    private static final String US = SuiteHttp.US_REALM;

    private static SuiteHttp http;

    @BeforeAll
    static void launch() {
        E2eSuite.suite();
        http = E2eSuite.http();
    }

    @Test
    void shouldPreviewTheInvoiceOfADealWritingNothingAndMatchWhatTheActionCreates() {
        previewThenCreate("create-invoice", "Invoice", "DEAL", "301");
    }

    @Test
    void shouldPreviewTheEstimateOfAQuoteWithItsExpiryWritingNothingAndMatchWhatTheActionCreates() {
        JsonNode preview = previewThenCreate("create-estimate", "Estimate", "QUOTE", "501");

        assertTrue(preview.path("document").path("expirationDate").asText().matches("\\d{4}-\\d{2}-\\d{2}"),
                preview.toString());
    }

    @Test
    void shouldRefuseAPreviewAsTheActionWouldWithTheSameCode() {
        SuiteHttp.Reply refused = preview("create-invoice", "DEAL", "301", Map.of("quickbooks_company", US,
                "line_items", "401,999"));

        assertEquals(422, refused.status(), refused.raw());
        assertEquals("LINE_ITEM_NOT_ON_RECORD", refused.body().path("code").asText(), refused.raw());
    }

    /** Previews, checks that nothing was written, runs the action and compares; returns the preview. */
    private JsonNode previewThenCreate(String action, String entity, String objectType, String objectId) {
        long[] writesBefore = writes();

        SuiteHttp.Reply reply = preview(action, objectType, objectId, Map.of("quickbooks_company", US));

        assertEquals(200, reply.status(), reply.raw());
        JsonNode preview = reply.body();
        assertEquals(writesBefore[0], writes()[0], "HubSpot writes during the preview: " + reply.raw());
        assertEquals(writesBefore[1], writes()[1], "QBO writes during the preview: " + reply.raw());
        JsonNode calls = http.callsFor(preview.path("correlationId").asText()).body();
        System.out.println("vendor calls of the " + action + " preview of " + objectType + " " + objectId + ": "
                + summary(calls));
        assertEquals(0, calls.path("vendors").path("hubspot").path("write").asLong(), summary(calls));
        assertEquals(0, calls.path("vendors").path("qbo").path("write").asLong(), summary(calls));
        assertTrue(calls.path("vendors").path("hubspot").path("read").asLong() > 0, "the preview read the record");

        JsonNode execution = runToEnd(enrollment(action, objectType, objectId, US));
        JsonNode output = execution.path("outputFields");
        assertEquals("SUCCESS", output.path("hs_execution_state").asText(), output.toString());
        JsonNode created = qboEntity(US, entity, output.path("qbo_document_id").asText());

        JsonNode document = preview.path("document");
        assertEquals(0, document.path("totalAmount").decimalValue().compareTo(
                created.path("TotalAmt").decimalValue()), "total: preview " + document + ", created " + created);
        assertEquals(previewedLines(document), createdLines(created), "lines: preview " + document + ", created "
                + created);
        if (!document.path("customerId").isNull() && !document.path("customerId").isMissingNode()) {
            assertEquals(document.path("customerId").asText(), created.path("CustomerRef").path("value").asText());
        }
        if (!document.path("expirationDate").isNull() && !document.path("expirationDate").isMissingNode()) {
            assertEquals(document.path("expirationDate").asText(), created.path("ExpirationDate").asText());
        }
        return preview;
    }

    private static SuiteHttp.Reply preview(String action, String objectType, String objectId,
            Map<String, String> inputs) {
        String body = SuiteHttp.json(Map.of("portalId", SuiteHttp.PORTAL, "objectType", objectType,
                "objectId", objectId, "actionType", action, "inputFields", inputs));
        return http.postToGateway("/admin/v1/preview/document", body, Map.of());
    }

    /** Writes the sandbox counted so far: {HubSpot, QBO}. */
    private static long[] writes() {
        JsonNode vendors = http.stats().body().path("vendors");
        return new long[] { vendors.path("hubspot").path("write").asLong(), vendors.path("qbo").path("write").asLong() };
    }

    /** "itemId qty x unitPrice = amount" per previewed line; items the action would create have no id yet. */
    private static List<String> previewedLines(JsonNode document) {
        List<String> lines = new ArrayList<>();
        for (JsonNode line : document.path("lines")) {
            lines.add(line.path("itemId").asText() + " " + plain(line.path("quantity").decimalValue()) + " x "
                    + plain(line.path("unitPrice").decimalValue()) + " = " + plain(line.path("amount").decimalValue()));
        }
        return lines;
    }

    private static List<String> createdLines(JsonNode created) {
        List<String> lines = new ArrayList<>();
        for (JsonNode line : created.path("Line")) {
            JsonNode detail = line.path("SalesItemLineDetail");
            if (detail.isMissingNode()) {
                continue;
            }
            lines.add(detail.path("ItemRef").path("value").asText() + " " + plain(detail.path("Qty").decimalValue())
                    + " x " + plain(detail.path("UnitPrice").decimalValue()) + " = "
                    + plain(line.path("Amount").decimalValue()));
        }
        return lines;
    }

    private static String plain(BigDecimal value) {
        return value.stripTrailingZeros().toPlainString();
    }
}
