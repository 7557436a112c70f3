package dev.ledgerbridge.gateway.rest;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.exactly;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static dev.ledgerbridge.gateway.support.SignedActionRequests.PORTAL;
import static dev.ledgerbridge.gateway.support.SignedActionRequests.dealExecution;
import static dev.ledgerbridge.gateway.support.SignedActionRequests.postAction;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.atLeastOnce;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.ledgerbridge.gateway.ActionExecution;
import dev.ledgerbridge.gateway.ExecutionState;
import dev.ledgerbridge.gateway.client.DownstreamUnavailableException;
import dev.ledgerbridge.gateway.client.PaymentActionRequest;
import dev.ledgerbridge.gateway.client.PaymentActionResult;
import dev.ledgerbridge.gateway.client.PaymentsBridgeClient;
import dev.ledgerbridge.gateway.repository.ActionExecutionRepository;
import dev.ledgerbridge.gateway.repository.QuickBooksConnectionRepository;
import dev.ledgerbridge.gateway.support.DownstreamStubs;
import dev.ledgerbridge.gateway.support.DownstreamWireMock;
import dev.ledgerbridge.gateway.support.InjectWireMock;
import io.quarkus.test.InjectMock;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

/**
 * The payment action routes (A4-A7, issue 7) inside the gateway: signature, journal, the payment's three HubSpot
 * reads (WireMock, shaped like the sandbox's seeded payments 603 and 606), the request to payments-bridge (mocked)
 * and the answer's output fields for each of its outcomes.
 */
@QuarkusTest
@WithTestResource(DownstreamWireMock.class)
class PaymentActionResourceTest {

    private static final String US_REALM = "9130350000000001";
    private static final String PAYMENTS = "/crm/v3/objects/commerce_payments/";

    @InjectWireMock
    WireMockServer wireMock;

    @InjectMock
    PaymentsBridgeClient paymentsBridge;

    @Inject
    ActionExecutionRepository executions;

    @Inject
    QuickBooksConnectionRepository connections;

    @BeforeEach
    void oneUsCompanyAndSeededPayments() {
        wireMock.resetAll();
        DownstreamStubs.contactSyncLegacyEverywhere(wireMock);
        connections.deleteAll().await().atMost(Duration.ofSeconds(5));
        connections.upsertConnected(US_REALM, "Ledger Demo US Inc.", "US").await().atMost(Duration.ofSeconds(5));
        stubPayment603WithFee();
    }

    @Test
    void shouldBookTheFeeExpenseFromThreeReadsAndAnswerTheExpenseLink() {
        String callbackId = newCallbackId();
        when(paymentsBridge.execute(anyString(), any())).thenReturn(Uni.createFrom().item(new PaymentActionResult(
                "CREATED", "Purchase", "77", null, new BigDecimal("43.80"), null, null, null)));

        postAction("/hubspot/actions/create-fee-expense", paymentExecution(callbackId, "603",
                "{\"quickbooks_company\":\"" + US_REALM + "\",\"expense_account\":\"12\",\"vendor\":\"56\"}"))
                .then().statusCode(200)
                .body("outputFields.hs_execution_state", Matchers.equalTo("SUCCESS"))
                .body("outputFields.qbo_document_id", Matchers.equalTo("77"))
                .body("outputFields.qbo_doc_number", Matchers.equalTo(""))
                .body("outputFields.qbo_total", Matchers.equalTo("43.80"))
                .body("outputFields.qbo_link", Matchers.equalTo("https://app.qbo.intuit.com/app/expense?txnId=77"))
                .body("outputFields.error_code", Matchers.equalTo(""));

        PaymentActionRequest sent = sentRequest(callbackId);
        assertEquals("FEE_EXPENSE", sent.action());
        assertEquals(callbackId, sent.callbackId());
        assertEquals(PORTAL, sent.portalId());
        assertEquals(US_REALM, sent.realmId());
        PaymentActionRequest.Payment payment = sent.payment();
        assertEquals("603", payment.id());
        assertEquals("SALES_CHECKOUT", payment.sourceApp());
        assertFalse(payment.hasAssociatedInvoice());
        assertEquals("succeeded", payment.status());
        assertEquals(new BigDecimal("1500.00"), payment.amount());
        assertEquals(new BigDecimal("43.80"), payment.feesAmount());
        assertNull(payment.refundsAmount());
        assertEquals(new BigDecimal("1456.20"), payment.netAmount());
        assertEquals("USD", payment.currency());
        assertEquals(LocalDate.of(2026, 1, 10), payment.date());
        assertEquals(List.of(new PaymentActionRequest.Line("463", false)), payment.lines());
        // The customer and line items exactly as the document actions send them to contact-sync and the catalog.
        assertEquals(US_REALM, sent.customer().realmId());
        assertEquals("102", sent.customer().contacts().get(0).id());
        assertEquals("O'Brien", sent.customer().contacts().get(0).lastName());
        assertEquals("463", sent.lineItems().lineItems().get(0).id());
        assertEquals("SUP-HR", sent.lineItems().lineItems().get(0).sku());
        assertEquals(new BigDecimal("10"), sent.lineItems().lineItems().get(0).quantity());
        assertEquals(Map.of("expense_account", "12", "vendor", "56"), sent.inputs());

        // Three HubSpot reads, the payment with both associations in one of them; no write.
        wireMock.verify(exactly(1), getRequestedFor(urlPathEqualTo(PAYMENTS + "603"))
                .withQueryParam("associations", equalTo("contacts,line_items")));
        wireMock.verify(exactly(1), postRequestedFor(urlPathEqualTo(DownstreamStubs.LINE_ITEMS_BATCH)));
        wireMock.verify(exactly(1), postRequestedFor(urlPathEqualTo(DownstreamStubs.CONTACTS_BATCH)));
        wireMock.verify(exactly(0), postRequestedFor(urlPathEqualTo(DownstreamStubs.NOTES)));

        ActionExecution row = executions.findById(callbackId).await().atMost(Duration.ofSeconds(5));
        assertEquals("CREATE_FEE_EXPENSE", row.actionType());
        assertEquals(ExecutionState.SUCCEEDED, row.state());
    }

    @Test
    void shouldMarkTaxedLinesAndPassTheTaxableRefusalOnAsFailContinue() {
        stubPayment606Taxed();
        String callbackId = newCallbackId();
        when(paymentsBridge.execute(anyString(), any())).thenReturn(Uni.createFrom().item(new PaymentActionResult(
                "REFUSED", null, null, null, null, null, "TAXABLE_LINE_ITEMS",
                "Line item 466 (Onboarding Package) is taxable; a paid invoice needs non-taxable lines.")));

        postAction("/hubspot/actions/create-paid-invoice", paymentExecution(callbackId, "606", "{}"))
                .then().statusCode(200)
                .body("outputFields.hs_execution_state", Matchers.equalTo("FAIL_CONTINUE"))
                .body("outputFields.error_code", Matchers.equalTo("TAXABLE_LINE_ITEMS"))
                .body("outputFields.error_message", Matchers.containsString("466"))
                .body("outputFields.qbo_document_id", Matchers.equalTo(""))
                .body("outputFields.qbo_link", Matchers.equalTo(""));

        PaymentActionRequest sent = sentRequest(callbackId);
        assertEquals("PAID_INVOICE", sent.action());
        assertEquals(List.of(new PaymentActionRequest.Line("466", true)), sent.payment().lines());
        ActionExecution row = executions.findById(callbackId).await().atMost(Duration.ofSeconds(5));
        assertEquals("CREATE_PAID_INVOICE", row.actionType());
        assertEquals(ExecutionState.FAILED, row.state());
        assertEquals("TAXABLE_LINE_ITEMS", row.errorCode());
    }

    @Test
    void shouldAnswerAFeeOfAPaymentWithoutFeeAsSuccessWithoutDocument() {
        String callbackId = newCallbackId();
        when(paymentsBridge.execute(anyString(), any())).thenReturn(Uni.createFrom().item(new PaymentActionResult(
                "NO_OP", null, null, null, null, null, "NO_FEE", "Payment 603 has no processing fee to book.")));

        postAction("/hubspot/actions/create-fee-expense", paymentExecution(callbackId, "603", "{}"))
                .then().statusCode(200)
                .body("outputFields.hs_execution_state", Matchers.equalTo("SUCCESS"))
                .body("outputFields.qbo_document_id", Matchers.equalTo(""))
                .body("outputFields.qbo_link", Matchers.equalTo(""))
                .body("outputFields.error_code", Matchers.equalTo("NO_FEE"))
                .body("outputFields.error_message", Matchers.equalTo("Payment 603 has no processing fee to book."));

        ActionExecution row = executions.findById(callbackId).await().atMost(Duration.ofSeconds(5));
        assertEquals(ExecutionState.SUCCEEDED, row.state());
        assertNull(row.errorCode());
    }

    @Test
    void shouldLinkEachDocumentTypeToItsQboPage() {
        when(paymentsBridge.execute(anyString(), any()))
                .thenReturn(Uni.createFrom().item(new PaymentActionResult("CREATED", "Invoice", "130", "1001",
                        new BigDecimal("1500.00"), "131", null, null)))
                .thenReturn(Uni.createFrom().item(new PaymentActionResult("CREATED", "SalesReceipt", "150", "1002",
                        new BigDecimal("1500.00"), null, null, null)))
                .thenReturn(Uni.createFrom().item(new PaymentActionResult("REPLAYED", "RefundReceipt", "160",
                        "1003", new BigDecimal("349.99"), null, null, null)));

        postAction("/hubspot/actions/create-paid-invoice", paymentExecution(newCallbackId(), "603", "{}"))
                .then().statusCode(200)
                .body("outputFields.qbo_doc_number", Matchers.equalTo("1001"))
                .body("outputFields.qbo_link", Matchers.equalTo("https://app.qbo.intuit.com/app/invoice?txnId=130"));
        String receipt = newCallbackId();
        postAction("/hubspot/actions/create-payment-sales-receipt", paymentExecution(receipt, "603",
                "{\"deposit_account\":\"35\"}"))
                .then().statusCode(200)
                .body("outputFields.qbo_link",
                        Matchers.equalTo("https://app.qbo.intuit.com/app/salesreceipt?txnId=150"));
        String refund = newCallbackId();
        postAction("/hubspot/actions/create-refund-receipt", paymentExecution(refund, "603",
                "{\"payment_account\":\"35\"}"))
                .then().statusCode(200)
                .body("outputFields.hs_execution_state", Matchers.equalTo("SUCCESS"))
                .body("outputFields.qbo_total", Matchers.equalTo("349.99"))
                .body("outputFields.qbo_link",
                        Matchers.equalTo("https://app.qbo.intuit.com/app/refundreceipt?txnId=160"));

        assertEquals("SALES_RECEIPT", sentRequest(receipt).action());
        assertEquals(Map.of("deposit_account", "35"), sentRequest(receipt).inputs());
        assertEquals("REFUND_RECEIPT", sentRequest(refund).action());
        assertEquals("CREATE_PAYMENT_SALES_RECEIPT", executions.findById(receipt).await()
                .atMost(Duration.ofSeconds(5)).actionType());
        assertEquals("CREATE_REFUND_RECEIPT", executions.findById(refund).await().atMost(Duration.ofSeconds(5))
                .actionType());
    }

    @Test
    void shouldRefuseADealWithoutReadingOrBridgingAnything() {
        String callbackId = newCallbackId();

        postAction("/hubspot/actions/create-paid-invoice", dealExecution(callbackId, "301", "{}"))
                .then().statusCode(200)
                .body("outputFields.hs_execution_state", Matchers.equalTo("FAIL_CONTINUE"))
                .body("outputFields.error_code", Matchers.equalTo("UNSUPPORTED_OBJECT_TYPE"))
                .body("outputFields.error_message", Matchers.containsString("from HubSpot payments"));

        verify(paymentsBridge, never()).execute(anyString(), any());
        assertEquals(0, wireMock.findAll(getRequestedFor(urlPathEqualTo(PAYMENTS + "301"))).size());
    }

    @Test
    void shouldRefuseAPaymentHubSpotDoesNotHave() {
        wireMock.stubFor(get(urlPathEqualTo(PAYMENTS + "699")).willReturn(aResponse().withStatus(404)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"status\":\"error\",\"message\":\"Object not found\",\"category\":\"OBJECT_NOT_FOUND\"}")));

        postAction("/hubspot/actions/create-refund-receipt", paymentExecution(newCallbackId(), "699", "{}"))
                .then().statusCode(200)
                .body("outputFields.error_code", Matchers.equalTo("RECORD_NOT_FOUND"));

        verify(paymentsBridge, never()).execute(anyString(), any());
    }

    @Test
    void shouldReplayAFinishedExecutionWithoutAnotherReadOrBridgeCall() {
        String body = paymentExecution(newCallbackId(), "603", "{}");
        when(paymentsBridge.execute(anyString(), any())).thenReturn(Uni.createFrom().item(new PaymentActionResult(
                "CREATED", "Purchase", "77", null, new BigDecimal("43.80"), null, null, null)));
        postAction("/hubspot/actions/create-fee-expense", body).then().statusCode(200);
        wireMock.resetRequests();

        postAction("/hubspot/actions/create-fee-expense", body)
                .then().statusCode(200)
                .body("outputFields.qbo_document_id", Matchers.equalTo("77"));

        verify(paymentsBridge, times(1)).execute(anyString(), any());
        assertEquals(0, wireMock.getAllServeEvents().size());
    }

    @Test
    void shouldBlockWhileTheSamePaymentIsBeingBridgedAndCompleteWithTheBridgedDocumentLater() {
        String callbackId = newCallbackId();
        String body = paymentExecution(callbackId, "603", "{}");
        wireMock.stubFor(post(urlPathEqualTo("/automation/v4/actions/callbacks/" + callbackId + "/complete"))
                .willReturn(aResponse().withStatus(204)));
        when(paymentsBridge.execute(anyString(), any()))
                .thenReturn(Uni.createFrom().failure(new DownstreamUnavailableException("payments-bridge",
                        "BRIDGE_IN_PROGRESS", "Payment 603 is being bridged right now.", Duration.ofSeconds(1), null)))
                .thenReturn(Uni.createFrom().item(new PaymentActionResult("REPLAYED", "Invoice", "130", "1001",
                        new BigDecimal("1500.00"), "131", null, null)));

        // Another workflow is bridging the payment: not HubSpot's to retry, the gateway runs it again itself (slow
        // path) after the bridge's Retry-After, and completes the execution through the callback API.
        postAction("/hubspot/actions/create-paid-invoice", body)
                .then().statusCode(200)
                .body("outputFields.hs_execution_state", Matchers.equalTo("BLOCK"));

        var done = await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100))
                .until(() -> executions.findById(callbackId).await().atMost(Duration.ofSeconds(5)),
                        row -> "SENT".equals(row.completionState()));
        assertEquals(ExecutionState.SUCCEEDED, done.state());
        assertEquals("130", done.outputFields().get("qbo_document_id"));
        verify(paymentsBridge, times(2)).execute(anyString(), any());
        wireMock.verify(1, postRequestedFor(urlPathEqualTo("/automation/v4/actions/callbacks/" + callbackId
                + "/complete")).withRequestBody(containing("\"qbo_document_id\":\"130\"")));
    }

    @Test
    void shouldProxyThePaymentSettingsAndPassRefusalsOnUnchanged() {
        String path = "/v1/companies/" + US_REALM + "/payment-settings";
        wireMock.stubFor(get(urlPathEqualTo(path)).willReturn(okJson("""
                {"realmId":"9130350000000001","depositAccountId":"35","feeExpenseAccountId":"12"}""")));
        wireMock.stubFor(put(urlPathEqualTo(path)).willReturn(aResponse().withStatus(422)
                .withHeader("Content-Type", "application/json").withBody("""
                        {"code":"ACCOUNT_TYPE_NOT_ALLOWED","message":"feeExpenseAccountId: account 35 is of type Bank"}""")));

        given().when().get("/admin/v1/companies/" + US_REALM + "/payment-settings")
                .then().statusCode(200)
                .body("depositAccountId", Matchers.equalTo("35"))
                .body("feeExpenseAccountId", Matchers.equalTo("12"));
        given().contentType("application/json").body("{\"feeExpenseAccountId\":\"35\"}")
                .when().put("/admin/v1/companies/" + US_REALM + "/payment-settings")
                .then().statusCode(422)
                .body("code", Matchers.equalTo("ACCOUNT_TYPE_NOT_ALLOWED"))
                .body("message", Matchers.containsString("feeExpenseAccountId"));
        given().when().get("/admin/v1/companies/not-a-realm/payment-settings")
                .then().statusCode(400)
                .body("code", Matchers.equalTo("INVALID_REQUEST"));

        wireMock.verify(exactly(1), putRequestedFor(urlPathEqualTo(path))
                .withRequestBody(equalTo("{\"feeExpenseAccountId\":\"35\"}")));
    }

    private PaymentActionRequest sentRequest(String callbackId) {
        ArgumentCaptor<PaymentActionRequest> captor = ArgumentCaptor.forClass(PaymentActionRequest.class);
        verify(paymentsBridge, atLeastOnce()).execute(eq(callbackId), captor.capture());
        return captor.getValue();
    }

    /** A payment execution request body as HubSpot sends it for a COMMERCE_PAYMENT workflow. */
    static String paymentExecution(String callbackId, String paymentId, String inputFieldsJson) {
        return """
                {"callbackId":"%s","origin":{"portalId":%d,"actionDefinitionId":1182047,"actionDefinitionVersion":1},
                 "context":{"source":"WORKFLOWS","workflowId":556680},
                 "object":{"objectId":%s,"objectType":"COMMERCE_PAYMENT","properties":{}},
                 "inputFields":%s}""".formatted(callbackId, PORTAL, paymentId, inputFieldsJson);
    }

    // Payment 603 of the sandbox's seed: a payment link with a 43.80 fee, contact 102, line item 463.
    private void stubPayment603WithFee() {
        wireMock.stubFor(get(urlPathEqualTo(PAYMENTS + "603")).willReturn(okJson("""
                {"id":"603","properties":{"hs_initial_amount":"1500.00","hs_fees_amount":"43.80","hs_net_amount":"1456.20",
                   "hs_latest_status":"succeeded","hs_payment_source_app":"SALES_CHECKOUT","hs_currency_code":"USD",
                   "hs_initiated_date":"2026-01-10T12:00:00Z"},
                 "associations":{
                   "contacts":{"results":[{"id":"102","type":"commerce_payment_to_contact"}]},
                   "line items":{"results":[{"id":"463","type":"commerce_payment_to_line_item"}]}},
                 "createdAt":"2026-01-05T10:00:00Z","updatedAt":"2026-01-05T10:00:00Z","archived":false}""")));
        wireMock.stubFor(post(urlPathEqualTo(DownstreamStubs.CONTACTS_BATCH)).willReturn(okJson("""
                {"status":"COMPLETE","results":[
                  {"id":"102","properties":{"firstname":"Patrick","lastname":"O'Brien","email":"pobrien@example.com"},"archived":false}]}""")));
        wireMock.stubFor(post(urlPathEqualTo(DownstreamStubs.LINE_ITEMS_BATCH)).willReturn(okJson("""
                {"status":"COMPLETE","results":[
                  {"id":"463","properties":{"name":"Support Hours","hs_sku":"SUP-HR","hs_product_id":"203","quantity":"10","price":"150.00","amount":"1500.00"},"archived":false}]}""")));
    }

    // Payment 606: one line item with a tax rate group.
    private void stubPayment606Taxed() {
        wireMock.stubFor(get(urlPathEqualTo(PAYMENTS + "606")).willReturn(okJson("""
                {"id":"606","properties":{"hs_initial_amount":"1620.00","hs_net_amount":"1620.00",
                   "hs_latest_status":"succeeded","hs_payment_source_app":"SALES_CHECKOUT","hs_currency_code":"USD",
                   "hs_initiated_date":"2026-01-10T12:00:00Z"},
                 "associations":{
                   "contacts":{"results":[{"id":"101","type":"commerce_payment_to_contact"}]},
                   "line_items":{"results":[{"id":"466","type":"commerce_payment_to_line_item"}]}},
                 "archived":false}""")));
        wireMock.stubFor(post(urlPathEqualTo(DownstreamStubs.CONTACTS_BATCH)).willReturn(okJson("""
                {"status":"COMPLETE","results":[
                  {"id":"101","properties":{"firstname":"Ada","lastname":"Lovelace","email":"ada@example.com"},"archived":false}]}""")));
        wireMock.stubFor(post(urlPathEqualTo(DownstreamStubs.LINE_ITEMS_BATCH)).willReturn(okJson("""
                {"status":"COMPLETE","results":[
                  {"id":"466","properties":{"name":"Onboarding Package","hs_sku":"ONB-001","quantity":"1","price":"1500.00",
                   "hs_tax_rate_group_id":"9001","hs_tax_amount":"120.00"},"archived":false}]}""")));
    }

    private static String newCallbackId() {
        return "ap-40213377-" + UUID.randomUUID();
    }
}
