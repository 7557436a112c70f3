package dev.ledgerbridge.gateway.service;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.exactly;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.ledgerbridge.gateway.ActionRequest;
import dev.ledgerbridge.gateway.DocumentType;
import dev.ledgerbridge.gateway.ExecutionState;
import dev.ledgerbridge.gateway.client.DownstreamUnavailableException;
import dev.ledgerbridge.gateway.repository.ActionExecutionRepository;
import dev.ledgerbridge.gateway.repository.QuickBooksConnectionRepository;
import dev.ledgerbridge.gateway.support.DownstreamStubs;
import dev.ledgerbridge.gateway.support.DownstreamWireMock;
import dev.ledgerbridge.gateway.support.InjectWireMock;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The create-invoice action against HubSpot, QBO and the three services in WireMock: the calls it makes, what it sends
 * and how every refusal path answers.
 */
@QuarkusTest
@WithTestResource(DownstreamWireMock.class)
class CreateDocumentActionTest {

    private static final long PORTAL = 40213377L;
    private static final String US_REALM = "9130350000000001";
    private static final String CA_REALM = "9130350000000002";
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    @InjectWireMock
    WireMockServer wireMock;

    @Inject
    CreateDocumentAction action;

    @Inject
    ActionExecutionRepository executions;

    @Inject
    QuickBooksConnectionRepository connections;

    @Inject
    CircuitBreakerMaintenance circuitBreakers;

    @BeforeEach
    void oneUsCompanyConnected() {
        wireMock.resetAll();
        DownstreamStubs.contactSyncLegacyEverywhere(wireMock);
        connections.deleteAll().await().atMost(WAIT);
        connections.upsertConnected(US_REALM, "Ledger Demo US Inc.", "US").await().atMost(WAIT);
    }

    @AfterEach
    void resetBreakers() {
        circuitBreakers.resetAll();
    }

    @Test
    void shouldCreateInvoiceWithThreeHubSpotReadsAndOneWrite() throws Exception {
        DownstreamStubs.hubSpotDeal301(wireMock);
        DownstreamStubs.servicesSucceed(wireMock);
        ActionRequest request = deal301(Map.of("payment_terms", "Net 30"));

        ActionOutcome outcome = action.execute(DocumentType.INVOICE, request).await().atMost(WAIT);

        assertEquals(Map.of("hs_execution_state", "SUCCESS", "qbo_document_id", "130", "qbo_doc_number", "1001",
                "qbo_total", "15000.00", "qbo_link", "https://app.qbo.intuit.com/app/invoice?txnId=130",
                "error_code", "", "error_message", ""), outcome.outputFields());
        List<LoggedRequest> hubSpot = wireMock.findAll(anyRequestedFor(urlPathMatching("/crm/.*")));
        assertEquals(4, hubSpot.size(), "3 reads + 1 write");
        wireMock.verify(exactly(1), getRequestedFor(urlPathEqualTo(DownstreamStubs.DEAL_PATH + "301")));
        wireMock.verify(exactly(1), postRequestedFor(urlPathEqualTo(DownstreamStubs.CONTACTS_BATCH)));
        wireMock.verify(exactly(1), postRequestedFor(urlPathEqualTo(DownstreamStubs.LINE_ITEMS_BATCH)));
        wireMock.verify(exactly(1), postRequestedFor(urlPathEqualTo(DownstreamStubs.NOTES)));
        hubSpot.forEach(r -> {
            assertEquals(request.callbackId(), r.getHeader("X-LedgerBridge-Correlation-Id"));
            assertEquals("Bearer sandbox-hubspot-40213377", r.getHeader("Authorization"));
        });
        assertEquals(0, wireMock.findAll(anyRequestedFor(urlPathMatching("/v3/.*"))).size(), "no QBO call");
        assertEquals(ExecutionState.SUCCEEDED, executions.findById(request.callbackId()).await().atMost(WAIT).state());
    }

    @Test
    void shouldSendContactsInAssociationOrderAndTheChosenContact() throws Exception {
        DownstreamStubs.hubSpotDeal301(wireMock);
        DownstreamStubs.servicesSucceed(wireMock);

        action.execute(DocumentType.INVOICE, deal301(Map.of("customer_contact", "104"))).await().atMost(WAIT);

        JsonNode body = onlyBody(DownstreamStubs.CONTACT_SYNC);
        assertEquals(US_REALM, body.get("realmId").asText());
        assertEquals(PORTAL, body.get("portalId").asLong());
        assertEquals("104", body.get("contactChoice").asText());
        assertEquals("101", body.at("/contacts/0/id").asText());
        assertEquals("Ada", body.at("/contacts/0/firstName").asText());
        assertEquals("ada@example.com", body.at("/contacts/0/email").asText());
        assertEquals("104", body.at("/contacts/1/id").asText());
    }

    @Test
    void shouldBuildInvoiceRequestWithIdempotencyKeyTermsAndExactLines() throws Exception {
        DownstreamStubs.hubSpotDeal301(wireMock);
        DownstreamStubs.servicesSucceed(wireMock);
        ActionRequest request = deal301(Map.of("payment_terms", "Net 30"));

        action.execute(DocumentType.INVOICE, request).await().atMost(WAIT);

        JsonNode items = onlyBody(DownstreamStubs.PRODUCT_CATALOG);
        assertEquals("401", items.at("/lineItems/0/id").asText());
        assertEquals("SUB-ANNUAL", items.at("/lineItems/0/sku").asText());
        assertEquals(0, new BigDecimal("12000.00").compareTo(items.at("/lineItems/0/price").decimalValue()));
        JsonNode document = onlyBody(DownstreamStubs.DOCUMENTS);
        assertEquals(PORTAL + ":" + request.callbackId() + ":invoice", document.get("idempotencyKey").asText());
        assertEquals("INVOICE", document.get("type").asText());
        assertEquals("58", document.get("customerId").asText());
        assertEquals("Net 30", document.get("termName").asText());
        assertEquals("DEAL", document.at("/source/objectType").asText());
        assertEquals("301", document.at("/source/objectId").asText());
        assertEquals(request.callbackId(), document.at("/source/callbackId").asText());
        assertEquals("2", document.at("/lines/0/itemId").asText());
        assertEquals("Annual Subscription", document.at("/lines/0/description").asText());
        assertEquals("1", document.at("/lines/1/itemId").asText());
        assertEquals(0, new BigDecimal("2").compareTo(document.at("/lines/1/quantity").decimalValue()));
        assertEquals(0, new BigDecimal("1500.00").compareTo(document.at("/lines/1/unitPrice").decimalValue()));
        assertEquals(request.callbackId(), wireMock.findAll(postRequestedFor(urlPathEqualTo(DownstreamStubs.DOCUMENTS)))
                .get(0).getHeader("X-LedgerBridge-Correlation-Id"));
    }

    @Test
    void shouldWriteNoteOnTheDealWithNumberIdAndTotal() throws Exception {
        DownstreamStubs.hubSpotDeal301(wireMock);
        DownstreamStubs.servicesSucceed(wireMock);

        action.execute(DocumentType.INVOICE, deal301(Map.of())).await().atMost(WAIT);

        JsonNode note = onlyBody(DownstreamStubs.NOTES);
        assertEquals("QuickBooks invoice 1001 created (QBO id 130, total 15,000.00 USD): "
                + "https://app.qbo.intuit.com/app/invoice?txnId=130", note.at("/properties/hs_note_body").asText());
        assertEquals("301", note.at("/associations/0/to/id").asText());
        assertEquals(214, note.at("/associations/0/types/0/associationTypeId").asInt());
        assertEquals("HUBSPOT_DEFINED", note.at("/associations/0/types/0/associationCategory").asText());
    }

    @Test
    void shouldRefuseCanadianCompanyWithoutAnyCall() {
        connections.upsertConnected(CA_REALM, "Maple Demo Ltd.", "CA").await().atMost(WAIT);

        ActionOutcome outcome = action.execute(DocumentType.INVOICE, deal301(Map.of("quickbooks_company", CA_REALM))).await().atMost(WAIT);

        assertEquals("FAIL_CONTINUE", outcome.outputFields().get("hs_execution_state"));
        assertEquals("COMPANY_NOT_US", outcome.outputFields().get("error_code"));
        assertEquals("QuickBooks company Maple Demo Ltd. is based in CA. QuickBooks actions work only with US-based"
                + " companies.", outcome.outputFields().get("error_message"));
        assertEquals(0, wireMock.getAllServeEvents().size(), "no HubSpot, QBO or service call");
    }

    @Test
    void shouldRefuseCompanyThatIsNotConnected() {
        ActionOutcome outcome = action.execute(DocumentType.INVOICE, deal301(Map.of("quickbooks_company", "4242"))).await().atMost(WAIT);

        assertEquals("COMPANY_NOT_CONNECTED", outcome.outputFields().get("error_code"));
        assertEquals(0, wireMock.getAllServeEvents().size());
    }

    @Test
    void shouldAskForACompanyWhenSeveralAreConnectedAndNoneIsChosen() {
        connections.upsertConnected(CA_REALM, "Maple Demo Ltd.", "CA").await().atMost(WAIT);

        ActionOutcome outcome = action.execute(DocumentType.INVOICE, deal301(Map.of())).await().atMost(WAIT);

        assertEquals("NO_COMPANY_SELECTED", outcome.outputFields().get("error_code"));
        assertEquals(0, wireMock.getAllServeEvents().size());
    }

    @Test
    void shouldPassUnmatchedLineItemsRefusalThroughVerbatim() {
        DownstreamStubs.hubSpotDeal301(wireMock);
        DownstreamStubs.servicesSucceed(wireMock);
        String message = "No QuickBooks product matches 1 line item: Custom Integration (SKU CUS-INT, quantity 1)."
                + " Create it in QuickBooks or turn on 'Create missing products'.";
        // The contract's extra field (unmatched) must not disturb reading code and message.
        wireMock.stubFor(post(urlPathEqualTo(DownstreamStubs.PRODUCT_CATALOG)).willReturn(aResponse().withStatus(422)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"code\":\"UNMATCHED_LINE_ITEMS\",\"message\":\"" + message
                        + "\",\"unmatched\":[{\"lineItemId\":\"402\",\"name\":\"Custom Integration\","
                        + "\"sku\":\"CUS-INT\",\"quantity\":1}]}")));
        ActionRequest request = deal301(Map.of());

        ActionOutcome outcome = action.execute(DocumentType.INVOICE, request).await().atMost(WAIT);

        assertEquals(Map.of("hs_execution_state", "FAIL_CONTINUE", "qbo_document_id", "", "qbo_doc_number", "",
                "qbo_total", "", "qbo_link", "", "error_code", "UNMATCHED_LINE_ITEMS", "error_message", message), outcome.outputFields());
        wireMock.verify(exactly(0), postRequestedFor(urlPathEqualTo(DownstreamStubs.DOCUMENTS)));
        wireMock.verify(exactly(0), postRequestedFor(urlPathEqualTo(DownstreamStubs.NOTES)));
        var row = executions.findById(request.callbackId()).await().atMost(WAIT);
        assertEquals(ExecutionState.FAILED, row.state());
        assertEquals("UNMATCHED_LINE_ITEMS", row.errorCode());
    }

    @Test
    void shouldPassNoContactRefusalThroughWithoutReadingContacts() throws Exception {
        DownstreamStubs.hubSpotDeal305WithoutContacts(wireMock);
        wireMock.stubFor(post(urlPathEqualTo(DownstreamStubs.CONTACT_SYNC)).willReturn(DownstreamStubs.refusal(
                "NO_CONTACT", "The deal has no associated contact to invoice.")));

        ActionOutcome outcome = action.execute(DocumentType.INVOICE, new ActionRequest(newCallbackId(), PORTAL, "DEAL", "305", Map.of()))
                .await().atMost(WAIT);

        assertEquals("NO_CONTACT", outcome.outputFields().get("error_code"));
        assertEquals("The deal has no associated contact to invoice.", outcome.outputFields().get("error_message"));
        assertEquals(0, onlyBody(DownstreamStubs.CONTACT_SYNC).get("contacts").size());
        wireMock.verify(exactly(0), postRequestedFor(urlPathEqualTo(DownstreamStubs.CONTACTS_BATCH)));
        wireMock.verify(exactly(0), postRequestedFor(urlPathEqualTo(DownstreamStubs.PRODUCT_CATALOG)));
    }

    @Test
    void shouldRefuseDealThatDoesNotExist() {
        DownstreamStubs.hubSpotDealMissing(wireMock, "999");

        ActionOutcome outcome = action.execute(DocumentType.INVOICE, new ActionRequest(newCallbackId(), PORTAL, "DEAL", "999", Map.of()))
                .await().atMost(WAIT);

        assertEquals("RECORD_NOT_FOUND", outcome.outputFields().get("error_code"));
        assertEquals(0, wireMock.findAll(postRequestedFor(urlPathMatching("/v1/.*"))).size());
    }

    @Test
    void shouldLeaveExecutionRunningOnTransientFailureAndTakeItOverOnRetry() {
        DownstreamStubs.hubSpotDeal301(wireMock);
        DownstreamStubs.servicesSucceed(wireMock);
        wireMock.stubFor(post(urlPathEqualTo(DownstreamStubs.DOCUMENTS)).willReturn(aResponse().withStatus(502)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"code\":\"QBO_ERROR\",\"message\":\"QuickBooks answered 500\"}")));
        ActionRequest request = deal301(Map.of());

        Throwable failure = assertThrows(RuntimeException.class, () -> action.execute(DocumentType.INVOICE, request).await().atMost(WAIT));

        assertInstanceOf(DownstreamUnavailableException.class, failure);
        assertEquals("QBO_ERROR", ((DownstreamUnavailableException) failure).code());
        assertEquals(ExecutionState.RUNNING, executions.findById(request.callbackId()).await().atMost(WAIT).state());

        // HubSpot retries: the lease was released, so the retry runs at once and the document-service replays.
        DownstreamStubs.servicesSucceed(wireMock);
        ActionOutcome outcome = action.execute(DocumentType.INVOICE, request).await().atMost(WAIT);

        assertEquals("SUCCESS", outcome.outputFields().get("hs_execution_state"));
        List<LoggedRequest> documents = wireMock.findAll(postRequestedFor(urlPathEqualTo(DownstreamStubs.DOCUMENTS)));
        assertEquals(2, documents.size());
        assertEquals(documents.get(0).getBodyAsString(), documents.get(1).getBodyAsString(), "same idempotency key");
        var row = executions.findById(request.callbackId()).await().atMost(WAIT);
        assertEquals(ExecutionState.SUCCEEDED, row.state());
        assertEquals(2, row.deliveries());
    }

    @Test
    void shouldCarryQuickBooksThrottlingRetryAfterFromTheService() {
        DownstreamStubs.hubSpotDeal301(wireMock);
        DownstreamStubs.servicesSucceed(wireMock);
        wireMock.stubFor(post(urlPathEqualTo(DownstreamStubs.DOCUMENTS)).willReturn(aResponse().withStatus(503)
                .withHeader("Content-Type", "application/json").withHeader("Retry-After", "30")
                .withBody("{\"code\":\"QBO_THROTTLED\",\"message\":\"QuickBooks is throttling this company\"}")));

        Throwable failure = assertThrows(RuntimeException.class,
                () -> action.execute(DocumentType.INVOICE, deal301(Map.of())).await().atMost(WAIT));

        DownstreamUnavailableException unavailable = assertInstanceOf(DownstreamUnavailableException.class, failure);
        assertEquals("QBO_THROTTLED", unavailable.code());
        assertEquals(Duration.ofSeconds(30), unavailable.retryAfter().orElseThrow());
        wireMock.verify(exactly(1), postRequestedFor(urlPathEqualTo(DownstreamStubs.DOCUMENTS)));
    }

    @Test
    void shouldRetryAServiceOnceAfterAConnectionFailure() {
        DownstreamStubs.hubSpotDeal301(wireMock);
        DownstreamStubs.servicesSucceed(wireMock);
        wireMock.stubFor(post(urlPathEqualTo(DownstreamStubs.CONTACT_SYNC))
                .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));

        assertThrows(RuntimeException.class,
                () -> action.execute(DocumentType.INVOICE, deal301(Map.of())).await().atMost(WAIT));

        wireMock.verify(exactly(2), postRequestedFor(urlPathEqualTo(DownstreamStubs.CONTACT_SYNC)));
        wireMock.verify(exactly(0), postRequestedFor(urlPathEqualTo(DownstreamStubs.PRODUCT_CATALOG)));
    }

    @Test
    void shouldCreateEstimateFromQuoteWithItsContactsLineItemsAndExpiryInThreeReads() throws Exception {
        DownstreamStubs.hubSpotQuote501(wireMock);
        DownstreamStubs.servicesSucceed(wireMock);
        // payment_terms belongs to invoices (R2): on an estimate it is ignored, not sent to document-service.
        ActionRequest request = new ActionRequest(newCallbackId(), PORTAL, "QUOTE", "501",
                Map.of("payment_terms", "Net 30"));

        ActionOutcome outcome = action.execute(DocumentType.ESTIMATE, request).await().atMost(WAIT);

        assertEquals("SUCCESS", outcome.outputFields().get("hs_execution_state"), outcome.outputFields().toString());
        assertEquals("https://app.qbo.intuit.com/app/estimate?txnId=130", outcome.outputFields().get("qbo_link"));
        assertEquals("15000.00", outcome.outputFields().get("qbo_total"));
        assertEquals(4, wireMock.findAll(anyRequestedFor(urlPathMatching("/crm/.*"))).size(), "3 reads + 1 write");
        wireMock.verify(exactly(1), getRequestedFor(urlPathEqualTo(DownstreamStubs.QUOTE_PATH + "501")));
        JsonNode customers = onlyBody(DownstreamStubs.CONTACT_SYNC);
        assertEquals("101", customers.path("contacts").path(0).path("id").asText());
        assertEquals(1, customers.path("contacts").size());
        JsonNode lines = onlyBody(DownstreamStubs.PRODUCT_CATALOG);
        assertEquals("451", lines.path("lineItems").path(0).path("id").asText(), lines.toString());
        JsonNode document = onlyBody(DownstreamStubs.DOCUMENTS);
        assertEquals("ESTIMATE", document.path("type").asText());
        assertEquals(PORTAL + ":" + request.callbackId() + ":estimate", document.path("idempotencyKey").asText());
        assertEquals("2026-12-27", document.path("expirationDate").asText());
        assertEquals("QUOTE", document.path("source").path("objectType").asText());
        assertEquals("501", document.path("source").path("objectId").asText());
        assertEquals(false, document.has("termName"), document.toString());
        assertEquals(false, document.has("depositAccountId"), document.toString());
        JsonNode note = onlyBody(DownstreamStubs.NOTES);
        assertEquals("QuickBooks estimate 1001 created (QBO id 130, total 15,000.00 USD): "
                + "https://app.qbo.intuit.com/app/estimate?txnId=130", note.path("properties").path("hs_note_body").asText());
        assertEquals("501", note.path("associations").path(0).path("to").path("id").asText());
        assertEquals(218, note.path("associations").path(0).path("types").path(0).path("associationTypeId").asInt());
        assertEquals("CREATE_ESTIMATE", executions.findById(request.callbackId()).await().atMost(WAIT).actionType());
    }

    @Test
    void shouldCreateSalesReceiptFromDealWithTheChosenDepositAccountAndNoTerms() throws Exception {
        DownstreamStubs.hubSpotDeal301(wireMock);
        DownstreamStubs.servicesSucceed(wireMock);
        ActionRequest request = deal301(Map.of("deposit_account", "35", "payment_terms", "Net 30"));

        ActionOutcome outcome = action.execute(DocumentType.SALES_RECEIPT, request).await().atMost(WAIT);

        assertEquals("https://app.qbo.intuit.com/app/salesreceipt?txnId=130", outcome.outputFields().get("qbo_link"));
        JsonNode document = onlyBody(DownstreamStubs.DOCUMENTS);
        assertEquals("SALES_RECEIPT", document.path("type").asText());
        assertEquals(PORTAL + ":" + request.callbackId() + ":sales-receipt", document.path("idempotencyKey").asText());
        assertEquals("35", document.path("depositAccountId").asText());
        assertEquals(false, document.has("termName"), document.toString());
        assertEquals(false, document.has("expirationDate"), document.toString());
        JsonNode note = onlyBody(DownstreamStubs.NOTES);
        assertEquals(true, note.path("properties").path("hs_note_body").asText()
                .startsWith("QuickBooks sales receipt 1001 created (QBO id 130"));
        assertEquals(214, note.path("associations").path(0).path("types").path(0).path("associationTypeId").asInt());
    }

    @Test
    void shouldAnswerTheSalesReceiptSettingsRefusalAsFailContinue() {
        DownstreamStubs.hubSpotDeal301(wireMock);
        DownstreamStubs.servicesSucceed(wireMock);
        String message = "Sales receipts need a deposit account and a payment method; set them in the company's"
                + " document settings.";
        wireMock.stubFor(post(urlPathEqualTo(DownstreamStubs.DOCUMENTS))
                .willReturn(DownstreamStubs.refusal("SALES_RECEIPT_NOT_CONFIGURED", message)));

        ActionOutcome outcome = action.execute(DocumentType.SALES_RECEIPT, deal301(Map.of())).await().atMost(WAIT);

        assertEquals("FAIL_CONTINUE", outcome.outputFields().get("hs_execution_state"));
        assertEquals("SALES_RECEIPT_NOT_CONFIGURED", outcome.outputFields().get("error_code"));
        assertEquals(message, outcome.outputFields().get("error_message"));
        wireMock.verify(exactly(0), postRequestedFor(urlPathEqualTo(DownstreamStubs.NOTES)));
    }

    @Test
    void shouldRefuseARecordThatIsNeitherDealNorQuote() {
        ActionOutcome outcome = action.execute(DocumentType.ESTIMATE,
                new ActionRequest(newCallbackId(), PORTAL, "CONTACT", "101", Map.of())).await().atMost(WAIT);

        assertEquals("UNSUPPORTED_OBJECT_TYPE", outcome.outputFields().get("error_code"));
        assertEquals("This action creates QuickBooks estimates from deals and quotes; it was run on a contact.",
                outcome.outputFields().get("error_message"));
        assertEquals(0, wireMock.getAllServeEvents().size());
    }

    private JsonNode onlyBody(String path) throws Exception {
        List<LoggedRequest> requests = wireMock.findAll(postRequestedFor(urlPathEqualTo(path)));
        assertEquals(1, requests.size(), "calls to " + path);
        return JSON.readTree(requests.get(0).getBody());
    }

    private static ActionRequest deal301(Map<String, String> inputs) {
        return new ActionRequest(newCallbackId(), PORTAL, "DEAL", "301", inputs);
    }

    private static String newCallbackId() {
        return "ap-40213377-" + UUID.randomUUID();
    }
}
