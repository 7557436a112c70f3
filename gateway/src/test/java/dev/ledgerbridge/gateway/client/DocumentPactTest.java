package dev.ledgerbridge.gateway.client;

import static au.com.dius.pact.consumer.dsl.LambdaDsl.newJsonBody;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import au.com.dius.pact.consumer.dsl.LambdaDslObject;
import au.com.dius.pact.consumer.dsl.PactDslWithProvider;
import au.com.dius.pact.consumer.junit5.PactConsumerTestExt;
import au.com.dius.pact.consumer.junit5.PactTestFor;
import au.com.dius.pact.core.model.PactSpecVersion;
import au.com.dius.pact.core.model.V4Pact;
import au.com.dius.pact.core.model.annotations.Pact;
import au.com.dius.pact.core.model.annotations.PactDirectory;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Consumer side of the gateway -> document-service contract (issue 3, style guide 18), exercised through the real
 * {@link DocumentClient} bean: created, replayed, refused, throttled; estimates of quotes and sales receipts (issue 6).
 */
@QuarkusTest
@TestProfile(PactMockServerProfile.class)
@ExtendWith(PactConsumerTestExt.class)
@PactTestFor(providerName = DocumentPactTest.PROVIDER, hostInterface = PactMockServerProfile.HOST,
        port = PactMockServerProfile.PORT, pactVersion = PactSpecVersion.V4)
@PactDirectory("target/pacts")
class DocumentPactTest {

    static final String PROVIDER = "document-service";
    private static final String REALM = "9130350000000001";
    private static final long PORTAL = 40213377L;
    private static final LocalDate TXN_DATE = LocalDate.of(2026, 11, 26);
    private static final LocalDate EXPIRATION = LocalDate.of(2026, 12, 27);
    private static final Map<String, String> JSON = Map.of("Content-Type", "application/json");
    private static final String REJECTED_MESSAGE = "QuickBooks rejected the request with error 6000: A business"
            + " validation error has occurred while processing your request: Business Validation Error: The customer"
            + " is inactive.";

    private static final String INVALID_LINES_MESSAGE = "QuickBooks cannot take this line: Line 1 (Annual"
            + " Subscription): quantity 0 must be greater than zero.";

    @Inject
    DocumentClient client;

    @Inject
    DocumentSettingsClient documentSettings;

    @Pact(consumer = "gateway", provider = PROVIDER)
    V4Pact createsTheInvoice(PactDslWithProvider builder) {
        return builder
                .given("no document exists for the key and QBO accepts the invoice")
                .uponReceiving("a request to create the invoice of a new execution")
                .method("POST").path("/v1/documents")
                .headers(JSON)
                .matchHeader(ServiceHeaders.CORRELATION_ID, "[ -~]{1,200}", "ap-pact-create")
                .body(documentRequest("ap-pact-create"))
                .willRespondWith()
                .status(201)
                .headers(JSON)
                .body(newJsonBody(body -> document(body, false)).build())
                .toPact(V4Pact.class);
    }

    @Pact(consumer = "gateway", provider = PROVIDER)
    V4Pact replaysTheInvoice(PactDslWithProvider builder) {
        return builder
                .given("the invoice for the key ap-pact-replay was already created")
                .uponReceiving("a repeated request to create the invoice of an execution")
                .method("POST").path("/v1/documents")
                .headers(JSON)
                .matchHeader(ServiceHeaders.CORRELATION_ID, "[ -~]{1,200}", "ap-pact-replay")
                .body(documentRequest("ap-pact-replay"))
                .willRespondWith()
                .status(200)
                .headers(JSON)
                .body(newJsonBody(body -> document(body, true)).build())
                .toPact(V4Pact.class);
    }

    @Pact(consumer = "gateway", provider = PROVIDER)
    V4Pact refusesWhatQboRejects(PactDslWithProvider builder) {
        return builder
                .given("QBO rejects the invoice")
                .uponReceiving("a request to create an invoice that QuickBooks rejects")
                .method("POST").path("/v1/documents")
                .headers(JSON)
                .matchHeader(ServiceHeaders.CORRELATION_ID, "[ -~]{1,200}", "ap-pact-rejected")
                .body(documentRequest("ap-pact-rejected"))
                .willRespondWith()
                .status(422)
                .headers(JSON)
                .body(newJsonBody(body -> {
                    // The code is the contract (the gateway hands it to HubSpot as error_code); the wording is not.
                    body.stringValue("code", "QBO_REJECTED");
                    body.stringType("message", REJECTED_MESSAGE);
                }).build())
                .toPact(V4Pact.class);
    }

    @Pact(consumer = "gateway", provider = PROVIDER)
    V4Pact refusesAnUnknownTerm(PactDslWithProvider builder) {
        return builder
                .given("the US company has no payment term Net 45")
                .uponReceiving("a request to create an invoice with a payment term QuickBooks does not have")
                .method("POST").path("/v1/documents")
                .headers(JSON)
                .matchHeader(ServiceHeaders.CORRELATION_ID, "[ -~]{1,200}", "ap-pact-term")
                .body(documentRequest("ap-pact-term", "Net 45"))
                .willRespondWith()
                .status(422)
                .headers(JSON)
                .body(newJsonBody(body -> {
                    body.stringValue("code", "UNKNOWN_TERM");
                    body.stringType("message", "QuickBooks has no payment term named 'Net 45'.");
                }).build())
                .toPact(V4Pact.class);
    }

    @Pact(consumer = "gateway", provider = PROVIDER)
    V4Pact asksToRetryWhileQboThrottles(PactDslWithProvider builder) {
        return builder
                .given("QBO keeps throttling the invoice")
                .uponReceiving("a request to create an invoice while QuickBooks throttles the company")
                .method("POST").path("/v1/documents")
                .headers(JSON)
                .matchHeader(ServiceHeaders.CORRELATION_ID, "[ -~]{1,200}", "ap-pact-throttled")
                .body(documentRequest("ap-pact-throttled"))
                .willRespondWith()
                .status(503)
                .headers(JSON)
                // The gateway paces HubSpot's retry by this header; only whole seconds are understood.
                .matchHeader("Retry-After", "[0-9]{1,9}", "1")
                .body(newJsonBody(body -> {
                    body.stringValue("code", "QBO_THROTTLED");
                    body.stringType("message", "QuickBooks is limiting requests for this company; try again later.");
                }).build())
                .toPact(V4Pact.class);
    }

    @Pact(consumer = "gateway", provider = PROVIDER)
    V4Pact refusesInvalidLines(PactDslWithProvider builder) {
        return builder
                .given("the US company is connected")
                .uponReceiving("a request to create an invoice with a line of quantity zero")
                .method("POST").path("/v1/documents")
                .headers(JSON)
                .matchHeader(ServiceHeaders.CORRELATION_ID, "[ -~]{1,200}", "ap-pact-invalid-lines")
                .body(documentRequest("ap-pact-invalid-lines", "Net 30", BigDecimal.ZERO))
                .willRespondWith()
                .status(422)
                .headers(JSON)
                .body(newJsonBody(body -> {
                    body.stringValue("code", "INVALID_LINES");
                    body.stringType("message", INVALID_LINES_MESSAGE);
                }).build())
                .toPact(V4Pact.class);
    }

    @Pact(consumer = "gateway", provider = PROVIDER)
    V4Pact createsTheEstimateOfAQuote(PactDslWithProvider builder) {
        return builder
                .given("no document exists for the key and QBO accepts the estimate")
                .uponReceiving("a request to create the estimate of a quote with its expiration date")
                .method("POST").path("/v1/documents")
                .headers(JSON)
                .matchHeader(ServiceHeaders.CORRELATION_ID, "[ -~]{1,200}", "ap-pact-estimate")
                .body(otherDocumentRequest("ap-pact-estimate", "ESTIMATE", "estimate", "QUOTE", "501", EXPIRATION))
                .willRespondWith()
                .status(201)
                .headers(JSON)
                .body(newJsonBody(body -> document(body, "ESTIMATE", false)).build())
                .toPact(V4Pact.class);
    }

    @Pact(consumer = "gateway", provider = PROVIDER)
    V4Pact createsTheSalesReceiptFromTheSettings(PactDslWithProvider builder) {
        return builder
                .given("the US company has sales receipt settings and QBO accepts the sales receipt")
                .uponReceiving("a request to create a sales receipt deposited as the company's settings say")
                .method("POST").path("/v1/documents")
                .headers(JSON)
                .matchHeader(ServiceHeaders.CORRELATION_ID, "[ -~]{1,200}", "ap-pact-receipt")
                .body(otherDocumentRequest("ap-pact-receipt", "SALES_RECEIPT", "sales-receipt", "DEAL", "301", null))
                .willRespondWith()
                .status(201)
                .headers(JSON)
                .body(newJsonBody(body -> document(body, "SALES_RECEIPT", false)).build())
                .toPact(V4Pact.class);
    }

    @Pact(consumer = "gateway", provider = PROVIDER)
    V4Pact refusesASalesReceiptWithoutSettings(PactDslWithProvider builder) {
        return builder
                .given("the US company has no sales receipt settings")
                .uponReceiving("a request to create a sales receipt for a company without deposit settings")
                .method("POST").path("/v1/documents")
                .headers(JSON)
                .matchHeader(ServiceHeaders.CORRELATION_ID, "[ -~]{1,200}", "ap-pact-receipt-unset")
                .body(otherDocumentRequest("ap-pact-receipt-unset", "SALES_RECEIPT", "sales-receipt", "DEAL", "301",
                        null))
                .willRespondWith()
                .status(422)
                .headers(JSON)
                .body(newJsonBody(body -> {
                    body.stringValue("code", "SALES_RECEIPT_NOT_CONFIGURED");
                    body.stringType("message", "Sales receipts need a deposit account and a payment method.");
                }).build())
                .toPact(V4Pact.class);
    }

    @Pact(consumer = "gateway", provider = PROVIDER)
    V4Pact previewsTheInvoice(PactDslWithProvider builder) {
        return builder
                .given("the US company is connected")
                .uponReceiving("a request to preview the invoice of a deal")
                .method("POST").path("/v1/documents/preview")
                .headers(JSON)
                .matchHeader(ServiceHeaders.CORRELATION_ID, "[ -~]{1,200}", "preview-pact-document")
                .body(documentRequest("preview-pact-document"))
                .willRespondWith()
                .status(200)
                .headers(JSON)
                .body(newJsonBody(body -> {
                    body.stringValue("type", "INVOICE");
                    body.stringMatcher("customerId", "[0-9]{1,32}", "58");
                    body.stringMatcher("termId", "[0-9]{1,32}", "3");
                    body.stringType("termName", "Net 30");
                    body.date("txnDate", "yyyy-MM-dd", TXN_DATE);
                    body.stringType("privateNote", "LedgerBridge portal=40213377 object=DEAL/301"
                            + " callback=preview-pact-document");
                    body.minArrayLike("lines", 1, line -> {
                        line.stringMatcher("itemId", "[0-9]{1,32}", "2");
                        line.stringType("description", "Annual Subscription");
                        line.numberType("quantity", BigDecimal.ONE);
                        line.numberType("unitPrice", new BigDecimal("12000.00"));
                        line.numberType("amount", new BigDecimal("12000.00"));
                    });
                    body.numberType("totalAmount", new BigDecimal("12000.00"));
                    body.object("qboDocument", qbo -> {
                        qbo.object("CustomerRef", ref -> ref.stringMatcher("value", "[0-9]{1,32}", "58"));
                        qbo.object("SalesTermRef", ref -> ref.stringMatcher("value", "[0-9]{1,32}", "3"));
                    });
                }).build())
                .toPact(V4Pact.class);
    }

    @Pact(consumer = "gateway", provider = PROVIDER)
    V4Pact refusesToPreviewASalesReceiptWithoutSettings(PactDslWithProvider builder) {
        return builder
                .given("the US company has no sales receipt settings")
                .uponReceiving("a request to preview a sales receipt for a company without deposit settings")
                .method("POST").path("/v1/documents/preview")
                .headers(JSON)
                .matchHeader(ServiceHeaders.CORRELATION_ID, "[ -~]{1,200}", "preview-pact-receipt")
                .body(otherDocumentRequest("preview-pact-receipt", "SALES_RECEIPT", "sales-receipt", "DEAL", "301",
                        null))
                .willRespondWith()
                .status(422)
                .headers(JSON)
                .body(newJsonBody(body -> {
                    body.stringValue("code", "SALES_RECEIPT_NOT_CONFIGURED");
                    body.stringType("message", "Sales receipts need a deposit account and a payment method.");
                }).build())
                .toPact(V4Pact.class);
    }

    @Pact(consumer = "gateway", provider = PROVIDER)
    V4Pact readsTheDocumentSettings(PactDslWithProvider builder) {
        return builder
                .given("the US company has no sales receipt settings")
                .uponReceiving("a request for the document settings of the US company")
                .method("GET").path("/v1/companies/" + REALM + "/document-settings")
                .willRespondWith()
                .status(200)
                .headers(JSON)
                .body(newJsonBody(body -> {
                    body.stringValue("realmId", REALM);
                    body.stringType("docNumberPattern", "HS-{objectId}");
                }).build())
                .toPact(V4Pact.class);
    }

    @Pact(consumer = "gateway", provider = PROVIDER)
    V4Pact savesTheDocumentSettings(PactDslWithProvider builder) {
        return builder
                .given("the US company has Bank account 1 and payment method 3 in QBO")
                .uponReceiving("a request to save the document settings of the US company")
                .method("PUT").path("/v1/companies/" + REALM + "/document-settings")
                .headers(JSON)
                .body(newJsonBody(body -> {
                    body.stringValue("depositAccountId", "1");
                    body.stringValue("paymentMethodId", "3");
                    body.stringValue("docNumberPattern", "HS-{objectId}");
                }).build())
                .willRespondWith()
                .status(200)
                .headers(JSON)
                .body(newJsonBody(body -> {
                    body.stringValue("realmId", REALM);
                    body.stringValue("depositAccountId", "1");
                    body.stringValue("paymentMethodId", "3");
                    body.stringValue("docNumberPattern", "HS-{objectId}");
                }).build())
                .toPact(V4Pact.class);
    }

    @Test
    @PactTestFor(pactMethod = "previewsTheInvoice")
    void shouldReadThePreviewedInvoice() {
        DocumentPreview preview = client.preview("preview-pact-document", request("preview-pact-document", "Net 30"))
                .await().atMost(Duration.ofSeconds(10));

        assertEquals("INVOICE", preview.type());
        assertEquals("3", preview.termId());
        assertEquals(new BigDecimal("12000.00"), preview.totalAmount());
        assertEquals(new BigDecimal("12000.00"), preview.lines().get(0).amount());
        assertEquals("58", preview.qboDocument().path("CustomerRef").path("value").asText());
    }

    @Test
    @PactTestFor(pactMethod = "refusesToPreviewASalesReceiptWithoutSettings")
    void shouldTurnAnUnconfiguredSalesReceiptPreviewIntoARefusal() {
        ServiceRefusalException refusal = assertThrows(ServiceRefusalException.class,
                () -> client.preview("preview-pact-receipt", otherRequest("preview-pact-receipt", "SALES_RECEIPT",
                        "sales-receipt", "DEAL", "301", null)).await().atMost(Duration.ofSeconds(10)));

        assertEquals(422, refusal.httpStatus());
        assertEquals("SALES_RECEIPT_NOT_CONFIGURED", refusal.code());
    }

    @Test
    @PactTestFor(pactMethod = "readsTheDocumentSettings")
    void shouldReadTheDocumentSettings() {
        DocumentSettings settings = documentSettings.get(REALM).await().atMost(Duration.ofSeconds(10));

        assertEquals(REALM, settings.realmId());
        assertEquals("HS-{objectId}", settings.docNumberPattern());
    }

    @Test
    @PactTestFor(pactMethod = "savesTheDocumentSettings")
    void shouldSaveTheDocumentSettings() {
        DocumentSettings saved = documentSettings.put(REALM, new DocumentSettings(null, "1", "3", "HS-{objectId}"))
                .await().atMost(Duration.ofSeconds(10));

        assertEquals(new DocumentSettings(REALM, "1", "3", "HS-{objectId}"), saved);
    }

    @Test
    @PactTestFor(pactMethod = "createsTheEstimateOfAQuote")
    void shouldReadTheCreatedEstimate() {
        CreatedDocument created = client.create("ap-pact-estimate", otherRequest("ap-pact-estimate", "ESTIMATE",
                "estimate", "QUOTE", "501", EXPIRATION)).await().atMost(Duration.ofSeconds(10));

        assertEquals(new CreatedDocument("140", "1001", "ESTIMATE", new BigDecimal("12000.00"), "58", false), created);
    }

    @Test
    @PactTestFor(pactMethod = "createsTheSalesReceiptFromTheSettings")
    void shouldReadTheCreatedSalesReceipt() {
        CreatedDocument created = client.create("ap-pact-receipt", otherRequest("ap-pact-receipt", "SALES_RECEIPT",
                "sales-receipt", "DEAL", "301", null)).await().atMost(Duration.ofSeconds(10));

        assertEquals(new CreatedDocument("150", "1001", "SALES_RECEIPT", new BigDecimal("12000.00"), "58", false),
                created);
    }

    @Test
    @PactTestFor(pactMethod = "refusesASalesReceiptWithoutSettings")
    void shouldTurnMissingSalesReceiptSettingsIntoARefusal() {
        ServiceRefusalException refusal = assertThrows(ServiceRefusalException.class,
                () -> client.create("ap-pact-receipt-unset", otherRequest("ap-pact-receipt-unset", "SALES_RECEIPT",
                        "sales-receipt", "DEAL", "301", null)).await().atMost(Duration.ofSeconds(10)));

        assertEquals(422, refusal.httpStatus());
        assertEquals("SALES_RECEIPT_NOT_CONFIGURED", refusal.code());
    }

    @Test
    @PactTestFor(pactMethod = "createsTheInvoice")
    void shouldReadTheCreatedInvoice() {
        CreatedDocument created = client.create("ap-pact-create", request("ap-pact-create", "Net 30")).await()
                .atMost(Duration.ofSeconds(10));

        assertEquals(new CreatedDocument("130", "1001", "INVOICE", new BigDecimal("12000.00"), "58", false), created);
    }

    @Test
    @PactTestFor(pactMethod = "replaysTheInvoice")
    void shouldReadTheReplayedInvoice() {
        CreatedDocument replayed = client.create("ap-pact-replay", request("ap-pact-replay", "Net 30")).await()
                .atMost(Duration.ofSeconds(10));

        assertEquals(new CreatedDocument("130", "1001", "INVOICE", new BigDecimal("12000.00"), "58", true), replayed);
    }

    @Test
    @PactTestFor(pactMethod = "refusesWhatQboRejects")
    void shouldTurnAQboRejectionIntoARefusal() {
        ServiceRefusalException refusal = assertThrows(ServiceRefusalException.class,
                () -> client.create("ap-pact-rejected", request("ap-pact-rejected", "Net 30")).await()
                        .atMost(Duration.ofSeconds(10)));

        assertEquals(422, refusal.httpStatus());
        assertEquals("QBO_REJECTED", refusal.code());
        assertEquals(REJECTED_MESSAGE, refusal.getMessage());
    }

    @Test
    @PactTestFor(pactMethod = "refusesAnUnknownTerm")
    void shouldTurnAnUnknownTermIntoARefusal() {
        ServiceRefusalException refusal = assertThrows(ServiceRefusalException.class,
                () -> client.create("ap-pact-term", request("ap-pact-term", "Net 45")).await()
                        .atMost(Duration.ofSeconds(10)));

        assertEquals("UNKNOWN_TERM", refusal.code());
        assertEquals("QuickBooks has no payment term named 'Net 45'.", refusal.getMessage());
    }

    @Test
    @PactTestFor(pactMethod = "asksToRetryWhileQboThrottles")
    void shouldTurnThrottlingIntoARetryableFailureWithItsPacing() {
        DownstreamUnavailableException failure = assertThrows(DownstreamUnavailableException.class,
                () -> client.create("ap-pact-throttled", request("ap-pact-throttled", "Net 30")).await()
                        .atMost(Duration.ofSeconds(10)));

        assertEquals("QBO_THROTTLED", failure.code());
        assertEquals(Optional.of(Duration.ofSeconds(1)), failure.retryAfter());
    }

    @Test
    @PactTestFor(pactMethod = "refusesInvalidLines")
    void shouldTurnInvalidLinesIntoARefusal() {
        ServiceRefusalException refusal = assertThrows(ServiceRefusalException.class,
                () -> client.create("ap-pact-invalid-lines", request("ap-pact-invalid-lines", "Net 30", BigDecimal.ZERO))
                        .await().atMost(Duration.ofSeconds(10)));

        assertEquals(422, refusal.httpStatus());
        assertEquals("INVALID_LINES", refusal.code());
        assertEquals(INVALID_LINES_MESSAGE, refusal.getMessage());
    }

    private static DocumentRequest request(String callbackId, String termName) {
        return request(callbackId, termName, BigDecimal.ONE);
    }

    private static DocumentRequest request(String callbackId, String termName, BigDecimal quantity) {
        return new DocumentRequest(PORTAL + ":" + callbackId + ":invoice", REALM, "INVOICE", "58", termName, TXN_DATE,
                new DocumentRequest.Source(PORTAL, "DEAL", "301", callbackId),
                List.of(new DocumentRequest.Line("2", "Annual Subscription", quantity,
                        new BigDecimal("12000.00"))));
    }

    // An estimate or sales receipt as the gateway sends it: no termName (R2: terms are for invoices only), the
    // expiration date only on estimates, no deposit account or payment method unless the action names them.
    private static DocumentRequest otherRequest(String callbackId, String type, String suffix, String objectType,
            String objectId, LocalDate expirationDate) {
        return new DocumentRequest(PORTAL + ":" + callbackId + ":" + suffix, REALM, type, "58", null, TXN_DATE,
                expirationDate, null, null, new DocumentRequest.Source(PORTAL, objectType, objectId, callbackId),
                List.of(new DocumentRequest.Line("2", "Annual Subscription", BigDecimal.ONE,
                        new BigDecimal("12000.00"))));
    }

    private static au.com.dius.pact.consumer.dsl.DslPart otherDocumentRequest(String callbackId, String type,
            String suffix, String objectType, String objectId, LocalDate expirationDate) {
        return newJsonBody(body -> {
            body.stringMatcher("idempotencyKey", "[0-9]+:[!-~]+:" + suffix, PORTAL + ":" + callbackId + ":" + suffix);
            body.stringMatcher("realmId", "[0-9]{1,32}", REALM);
            body.stringValue("type", type);
            body.stringMatcher("customerId", "[0-9]{1,32}", "58");
            body.date("txnDate", "yyyy-MM-dd", TXN_DATE);
            if (expirationDate != null) {
                body.date("expirationDate", "yyyy-MM-dd", expirationDate);
            }
            body.object("source", source -> {
                source.integerType("portalId", (int) PORTAL);
                source.stringValue("objectType", objectType);
                source.stringType("objectId", objectId);
                source.stringType("callbackId", callbackId);
            });
            body.minArrayLike("lines", 1, line -> {
                line.stringMatcher("itemId", "[0-9]{1,32}", "2");
                line.stringType("description", "Annual Subscription");
                line.numberType("quantity", BigDecimal.ONE);
                line.numberType("unitPrice", new BigDecimal("12000.00"));
            });
        }).build();
    }

    private static au.com.dius.pact.consumer.dsl.DslPart documentRequest(String callbackId) {
        return documentRequest(callbackId, "Net 30");
    }

    // The idempotency key's example is what the provider's state is prepared for; its shape is all the contract asks.
    private static au.com.dius.pact.consumer.dsl.DslPart documentRequest(String callbackId, String termName) {
        return documentRequest(callbackId, termName, BigDecimal.ONE);
    }

    private static au.com.dius.pact.consumer.dsl.DslPart documentRequest(String callbackId, String termName,
            BigDecimal quantity) {
        return newJsonBody(body -> {
            body.stringMatcher("idempotencyKey", "[0-9]+:[!-~]+:invoice", PORTAL + ":" + callbackId + ":invoice");
            body.stringMatcher("realmId", "[0-9]{1,32}", REALM);
            body.stringValue("type", "INVOICE");
            body.stringMatcher("customerId", "[0-9]{1,32}", "58");
            body.stringType("termName", termName);
            body.date("txnDate", "yyyy-MM-dd", TXN_DATE);
            body.object("source", source -> {
                source.integerType("portalId", (int) PORTAL);
                source.stringValue("objectType", "DEAL");
                source.stringType("objectId", "301");
                source.stringType("callbackId", callbackId);
            });
            // Quantities and prices are plain JSON numbers: the gateway passes HubSpot's values through as
            // BigDecimal, with or without a fraction, so a decimal matcher would be wrong.
            body.minArrayLike("lines", 1, line -> {
                line.stringMatcher("itemId", "[0-9]{1,32}", "2");
                line.stringType("description", "Annual Subscription");
                line.numberType("quantity", quantity);
                line.numberType("unitPrice", new BigDecimal("12000.00"));
            });
        }).build();
    }

    private static void document(LambdaDslObject body, boolean replayed) {
        document(body, "INVOICE", replayed);
    }

    private static void document(LambdaDslObject body, String type, boolean replayed) {
        String id = switch (type) {
            case "ESTIMATE" -> "140";
            case "SALES_RECEIPT" -> "150";
            default -> "130";
        };
        body.stringMatcher("documentId", "[0-9]{1,32}", id);
        body.stringType("docNumber", "1001");
        body.stringValue("type", type);
        body.numberType("totalAmount", new BigDecimal("12000.00"));
        body.stringMatcher("customerId", "[0-9]{1,32}", "58");
        // replayed is the difference between 201 and 200, so its value is part of the contract.
        body.booleanValue("replayed", replayed);
    }
}
