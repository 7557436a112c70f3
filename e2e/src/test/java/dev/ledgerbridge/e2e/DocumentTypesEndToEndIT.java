package dev.ledgerbridge.e2e;

import static dev.ledgerbridge.e2e.E2eSuite.qboEntity;
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
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 6, document-service called directly against the real sandbox (DocumentActionsEndToEndIT covers the gateway's
 * routes): settings checked against QBO's accounts and payment methods, an estimate with its expiration date, a sales
 * receipt from the settings, and custom transaction numbers with a duplicate number refused.
 */
class DocumentTypesEndToEndIT {

    private static final String US = SuiteHttp.US_REALM;
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static SuiteLauncher suite;

    @BeforeAll
    static void launch() {
        suite = E2eSuite.suite();
    }

    @Test
    void shouldRefuseSettingsQboWouldRefuseAndKeepValidOnes() throws Exception {
        // Services (3) is an Income account; payment method 99 does not exist; Checking (1) and Visa (3) are fine.
        JsonNode income = put(US, "{\"depositAccountId\": \"3\", \"paymentMethodId\": \"3\"}", 422);
        assertEquals("INVALID_DEPOSIT_ACCOUNT", income.path("code").asText(), income.toString());
        JsonNode unknown = put(US, "{\"depositAccountId\": \"1\", \"paymentMethodId\": \"99\"}", 422);
        assertEquals("UNKNOWN_PAYMENT_METHOD", unknown.path("code").asText(), unknown.toString());

        JsonNode saved = put(US, "{\"depositAccountId\": \"1\", \"paymentMethodId\": \"3\"}", 200);

        assertEquals("1", saved.path("depositAccountId").asText());
        assertEquals("3", saved.path("paymentMethodId").asText());
    }

    @Test
    void shouldCreateASalesReceiptDepositedAndPaidAsTheSettingsSay() throws Exception {
        put(US, "{\"depositAccountId\": \"1\", \"paymentMethodId\": \"3\"}", 200);
        String callbackId = "ap-e2e-sr-" + UUID.randomUUID();

        JsonNode created = create(US, "SALES_RECEIPT", callbackId, "302", "", 201);

        JsonNode receipt = qboEntity(US, "SalesReceipt", created.path("documentId").asText());
        assertEquals("1", receipt.path("DepositToAccountRef").path("value").asText(), receipt.toString());
        assertEquals("3", receipt.path("PaymentMethodRef").path("value").asText(), receipt.toString());
        assertEquals(new BigDecimal("450.00"), receipt.path("TotalAmt").decimalValue().setScale(2));
        assertTrue(receipt.path("PrivateNote").asText().endsWith("callback=" + callbackId), receipt.toString());
    }

    @Test
    void shouldCreateAnEstimateWithTheQuotesExpirationDate() throws Exception {
        String callbackId = "ap-e2e-est-" + UUID.randomUUID();

        JsonNode created = create(US, "ESTIMATE", callbackId, "501", ", \"expirationDate\": \"2026-12-31\"", 201);

        JsonNode estimate = qboEntity(US, "Estimate", created.path("documentId").asText());
        assertEquals("2026-12-31", estimate.path("ExpirationDate").asText(), estimate.toString());
        assertEquals("Pending", estimate.path("TxnStatus").asText());
        assertTrue(estimate.path("SalesTermRef").isMissingNode(), "no terms on an estimate (R2)");
    }

    @Test
    void shouldNumberDocumentsWithThePatternWhileCustomNumbersAreOnAndRefuseADuplicate() throws Exception {
        // The Canadian company, which the gateway refuses (R23), so no other test has made document-service cache
        // its preference; the preference is switched back off at the end.
        String realm = SuiteHttp.CANADIAN_REALM;
        setCustomNumbers(realm, true);
        try {
            String objectId = Long.toString(ThreadLocalRandom.current().nextLong(100_000_000L, 999_999_999L));

            JsonNode first = create(realm, "INVOICE", "ap-e2e-num-" + UUID.randomUUID(), objectId, "", 201);
            JsonNode duplicate = create(realm, "INVOICE", "ap-e2e-num-" + UUID.randomUUID(), objectId, "", 422);

            assertEquals("HS-" + objectId, first.path("docNumber").asText(), first.toString());
            assertEquals("HS-" + objectId, qboEntity(realm, "Invoice", first.path("documentId").asText())
                    .path("DocNumber").asText());
            assertEquals("DUPLICATE_DOC_NUMBER", duplicate.path("code").asText(), duplicate.toString());
            assertTrue(duplicate.path("message").asText().contains("\"HS-" + objectId + "\""), duplicate.toString());
        } finally {
            setCustomNumbers(realm, false);
        }
    }

    private JsonNode create(String realm, String type, String callbackId, String objectId, String extraFields,
            int expectedStatus) throws IOException, InterruptedException {
        // Ada Lovelace (customer 1) in both companies; Support Hours is item 3 in the US company, 2 in the Canadian.
        String item = realm.equals(US) ? "3" : "2";
        String body = """
                {"idempotencyKey": "40213377:%s:%s", "realmId": "%s", "type": "%s", "customerId": "1",
                 "source": {"portalId": 40213377, "objectType": "DEAL", "objectId": "%s", "callbackId": "%s"},
                 "lines": [{"itemId": "%s", "description": "Support Hours", "quantity": 3, "unitPrice": 150.00}]%s}"""
                .formatted(callbackId, type.toLowerCase(), realm, type, objectId, callbackId, item, extraFields);
        return send(E2eSuite.authorized(documents("/v1/documents")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)), expectedStatus);
    }

    private JsonNode put(String realm, String body, int expectedStatus) throws IOException, InterruptedException {
        return send(E2eSuite.authorized(documents("/v1/companies/" + realm + "/document-settings"))
                .header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(body)),
                expectedStatus);
    }

    private void setCustomNumbers(String realm, boolean on) throws IOException, InterruptedException {
        URI preferences = suite.url(SuiteApp.SANDBOX).resolve("/v3/company/" + realm + "/preferences?minorversion=75");
        JsonNode current = send(HttpRequest.newBuilder(preferences).header("Authorization", "Bearer sandbox-qbo-" + realm)
                .header("Accept", "application/json").GET(), 200);
        String update = "{\"Id\": \"1\", \"SyncToken\": \"" + current.path("Preferences").path("SyncToken").asText()
                + "\", \"sparse\": true, \"SalesFormsPrefs\": {\"CustomTxnNumbers\": " + on + "}}";
        send(HttpRequest.newBuilder(preferences).header("Authorization", "Bearer sandbox-qbo-" + realm)
                .header("Content-Type", "application/json").header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(update)), 200);
    }

    private URI documents(String path) {
        return suite.url(SuiteApp.DOCUMENT).resolve(path);
    }

    private JsonNode send(HttpRequest.Builder request, int expectedStatus) throws IOException, InterruptedException {
        HttpResponse<String> response = client.send(request.timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(expectedStatus, response.statusCode(), response.body());
        return SuiteHttp.parse(response.body());
    }
}
