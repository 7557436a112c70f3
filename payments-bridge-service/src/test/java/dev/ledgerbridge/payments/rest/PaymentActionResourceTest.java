package dev.ledgerbridge.payments.rest;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import dev.ledgerbridge.payments.support.DownstreamWireMock;
import dev.ledgerbridge.payments.support.InjectWireMock;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code POST /v1/payment-actions} over HTTP, with the real ledger on PostgreSQL and contact-sync, product-catalog and
 * document-service in WireMock: what is sent to each, what is answered, and that a payment is bridged once.
 */
@QuarkusTest
@QuarkusTestResource(DownstreamWireMock.class)
class PaymentActionResourceTest {

    private static final String REALM = "9130350000000001";
    private static final String RESOLVE_CUSTOMER = "/v1/customers/resolve";
    private static final String RESOLVE_LINES = "/v1/line-items/resolve";
    private static final String DOCUMENTS = "/v1/documents";

    @InjectWireMock
    WireMockServer wireMock;

    @Inject
    Pool pool;

    private String paymentId;

    @BeforeEach
    void reset() {
        wireMock.resetAll();
        // A fresh payment id per test: the ledger keeps what earlier tests bridged.
        paymentId = String.valueOf(Math.abs(UUID.randomUUID().getMostSignificantBits() % 1_000_000_000L));
        settings("35", "12", "36", "56", "37", null);
        wireMock.stubFor(post(urlPathEqualTo(RESOLVE_CUSTOMER)).willReturn(okJson(
                "{\"contactId\": \"101\", \"customerId\": \"58\", \"displayName\": \"Ada Lovelace\","
                        + " \"resolution\": \"MATCHED\"}")));
        wireMock.stubFor(post(urlPathEqualTo(RESOLVE_LINES)).willReturn(okJson(
                "{\"lines\": [{\"lineItemId\": \"463\", \"itemId\": \"2\", \"itemName\": \"Annual Subscription\","
                        + " \"matchedBy\": \"SKU\", \"quantity\": 1, \"unitPrice\": 1500.00, \"amount\": 1500.00}]}")));
    }

    @Test
    void shouldCreateAPaidInvoiceFromTheResolvedCustomerAndLines() {
        stubDocument(201, "{\"documentId\": \"130\", \"docNumber\": \"1001\", \"type\": \"PAID_INVOICE\","
                + " \"totalAmount\": 1500.00, \"customerId\": \"58\", \"paymentId\": \"131\", \"replayed\": false}");

        bridge(body("PAID_INVOICE", "ap-1", "{\"payment_terms\": \"Net 30\"}"))
                .then().statusCode(200)
                .body("outcome", equalTo("CREATED"))
                .body("documentType", equalTo("Invoice"))
                .body("documentId", equalTo("130"))
                .body("docNumber", equalTo("1001"))
                .body("total", equalTo(1500.00f))
                .body("paymentId", equalTo("131"))
                .body("code", nullValue());

        // The gateway's bodies reach the services unchanged, with the callbackId as correlation id.
        wireMock.verify(postRequestedFor(urlPathEqualTo(RESOLVE_CUSTOMER))
                .withHeader("X-LedgerBridge-Correlation-Id", WireMock.equalTo("ap-1"))
                .withRequestBody(equalToJson(customer())));
        wireMock.verify(postRequestedFor(urlPathEqualTo(RESOLVE_LINES)).withRequestBody(equalToJson(lineItems())));
        wireMock.verify(postRequestedFor(urlPathEqualTo(DOCUMENTS)).withRequestBody(equalToJson("""
                {"idempotencyKey": "40213377:payment-%s:paid-invoice", "realmId": "9130350000000001",
                 "type": "PAID_INVOICE", "customerId": "58", "termName": "Net 30", "txnDate": "2026-01-10",
                 "source": {"portalId": 40213377, "objectType": "COMMERCE_PAYMENT", "objectId": "%s",
                            "callbackId": "ap-1"},
                 "lines": [{"itemId": "2", "description": "Annual Subscription", "quantity": 1, "unitPrice": 1500.00}],
                 "payment": {"amount": 1500.00, "txnDate": "2026-01-10", "referenceNumber": "%s",
                             "depositAccountId": "35", "paymentMethodId": null}}
                """.formatted(paymentId, paymentId, paymentId))));
    }

    @Test
    void shouldLeaveAPaidInvoicesDepositToQboWhenTheCompanyNamesNoAccount() {
        settings(null, null, null, null, null, null);
        stubDocument(201, "{\"documentId\": \"130\", \"docNumber\": \"1001\", \"type\": \"PAID_INVOICE\","
                + " \"totalAmount\": 1500.00, \"customerId\": \"58\", \"paymentId\": \"131\", \"replayed\": false}");

        bridge(body("PAID_INVOICE", "ap-1", null)).then().statusCode(200).body("outcome", equalTo("CREATED"));

        // QBO then deposits the payment to Undeposited Funds.
        wireMock.verify(postRequestedFor(urlPathEqualTo(DOCUMENTS)).withRequestBody(equalToJson(
                "{\"payment\": {\"amount\": 1500.00, \"depositAccountId\": null, \"paymentMethodId\": null}}",
                false, true)));
    }

    @Test
    void shouldRefuseARefundReceiptWithoutARefundAccount() {
        settings("35", null, null, null, null, null);

        bridge(body("REFUND_RECEIPT", "ap-1", null).replace("\"refundsAmount\": null", "\"refundsAmount\": 1500"))
                .then().statusCode(200)
                .body("outcome", equalTo("REFUSED"))
                .body("code", equalTo("PAYMENT_SETTINGS_MISSING"))
                .body("message", containsString("refund-from account"));

        assertEquals(0, wireMock.getAllServeEvents().size());
    }

    @Test
    void shouldReplayTheFirstResultForTheSamePaymentFromAnotherWorkflow() {
        stubDocument(201, "{\"documentId\": \"150\", \"docNumber\": \"1002\", \"type\": \"SALES_RECEIPT\","
                + " \"totalAmount\": 1500.00, \"customerId\": \"58\", \"replayed\": false}");
        bridge(body("SALES_RECEIPT", "ap-workflow-1", null)).then().statusCode(200).body("outcome", equalTo("CREATED"));

        bridge(body("SALES_RECEIPT", "ap-workflow-2", null))
                .then().statusCode(200)
                .body("outcome", equalTo("REPLAYED"))
                .body("documentType", equalTo("SalesReceipt"))
                .body("documentId", equalTo("150"))
                .body("paymentId", nullValue());

        wireMock.verify(1, postRequestedFor(urlPathEqualTo(DOCUMENTS)));
        wireMock.verify(1, postRequestedFor(urlPathEqualTo(RESOLVE_CUSTOMER)));
        wireMock.verify(postRequestedFor(urlPathEqualTo(DOCUMENTS))
                .withRequestBody(matchingJsonPath("$.depositAccountId", WireMock.equalTo("35")))
                .withRequestBody(matchingJsonPath("$.idempotencyKey", WireMock.equalTo("40213377:payment-" + paymentId + ":sales-receipt"))));
    }

    @Test
    void shouldBridgeOnceWhenTwoWorkflowsRaceOnTheSamePayment() throws Exception {
        wireMock.stubFor(post(urlPathEqualTo(DOCUMENTS)).willReturn(aResponse().withStatus(201)
                .withHeader("Content-Type", "application/json").withFixedDelay(1500)
                .withBody("{\"documentId\": \"150\", \"docNumber\": \"1002\", \"type\": \"SALES_RECEIPT\","
                        + " \"totalAmount\": 1500.00, \"customerId\": \"58\", \"replayed\": false}")));

        // Two threads of our own: the common pool has one thread on a two-core machine and would run them in turn.
        ExecutorService threads = Executors.newFixedThreadPool(2);
        List<Response> answers;
        try {
            CompletableFuture<Response> first = CompletableFuture.supplyAsync(
                    () -> bridge(body("SALES_RECEIPT", "ap-race-1", null)), threads);
            CompletableFuture<Response> second = CompletableFuture.supplyAsync(
                    () -> bridge(body("SALES_RECEIPT", "ap-race-2", null)), threads);
            answers = List.of(first.get(30, TimeUnit.SECONDS), second.get(30, TimeUnit.SECONDS));
        } finally {
            threads.shutdownNow();
        }

        List<Integer> statuses = answers.stream().map(Response::statusCode).sorted().toList();
        assertEquals(List.of(200, 429), statuses, "one bridges, the other is told to retry");
        Response busy = answers.stream().filter(r -> r.statusCode() == 429).findFirst().orElseThrow();
        assertEquals("BRIDGE_IN_PROGRESS", busy.jsonPath().getString("code"));
        assertEquals("2", busy.getHeader("Retry-After"));
        Response done = answers.stream().filter(r -> r.statusCode() == 200).findFirst().orElseThrow();
        assertEquals("CREATED", done.jsonPath().getString("outcome"));

        // HubSpot retries the busy one: it gets the first result, and still one document was asked for.
        bridge(body("SALES_RECEIPT", "ap-race-2", null)).then().statusCode(200)
                .body("outcome", equalTo("REPLAYED")).body("documentId", equalTo("150"));
        wireMock.verify(1, postRequestedFor(urlPathEqualTo(DOCUMENTS)));
    }

    @Test
    void shouldRefuseByPolicyWithoutCallingAnyService() {
        bridge(body("PAID_INVOICE", "ap-1", null).replace("\"SALES_CHECKOUT\"", "\"INVOICE\""))
                .then().statusCode(200)
                .body("outcome", equalTo("REFUSED"))
                .body("code", equalTo("SOURCE_IS_INVOICE"))
                .body("documentType", nullValue())
                .body("message", containsString(paymentId));

        assertEquals(0, wireMock.getAllServeEvents().size());
        assertEquals(0L, ledgerRows());
    }

    @Test
    void shouldAnswerANoOpForTheFeeOfAPaymentWithoutFee() {
        bridge(body("FEE_EXPENSE", "ap-1", null).replace("\"feesAmount\": 43.80", "\"feesAmount\": 0"))
                .then().statusCode(200)
                .body("outcome", equalTo("NO_OP"))
                .body("code", equalTo("NO_FEE"));

        assertEquals(0, wireMock.getAllServeEvents().size());
    }

    @Test
    void shouldCreateTheFeeExpenseWithTheActionsAccountsOverTheSettings() {
        stubDocument(201, "{\"documentId\": \"170\", \"docNumber\": null, \"type\": \"FEE_EXPENSE\","
                + " \"totalAmount\": 43.80, \"customerId\": null, \"replayed\": false}");

        bridge(body("FEE_EXPENSE", "ap-1", "{\"expense_account\": \"13\", \"vendor\": \"57\"}"))
                .then().statusCode(200)
                .body("outcome", equalTo("CREATED"))
                .body("documentType", equalTo("Purchase"))
                .body("documentId", equalTo("170"))
                .body("total", equalTo(43.80f));

        wireMock.verify(0, postRequestedFor(urlPathEqualTo(RESOLVE_CUSTOMER)));
        wireMock.verify(0, postRequestedFor(urlPathEqualTo(RESOLVE_LINES)));
        wireMock.verify(postRequestedFor(urlPathEqualTo(DOCUMENTS)).withRequestBody(equalToJson("""
                {"idempotencyKey": "40213377:payment-%s:fee-expense", "realmId": "9130350000000001",
                 "type": "FEE_EXPENSE", "lines": [],
                 "source": {"portalId": 40213377, "objectType": "COMMERCE_PAYMENT", "objectId": "%s",
                            "callbackId": "ap-1"},
                 "expense": {"amount": 43.80, "expenseAccountId": "13", "paymentAccountId": "36", "vendorId": "57",
                             "description": "HubSpot payment processing fee, payment %s"}}
                """.formatted(paymentId, paymentId, paymentId))));
    }

    @Test
    void shouldCreateTheRefundReceiptOfAFullRefundFromTheRefundAccount() {
        stubDocument(201, "{\"documentId\": \"180\", \"docNumber\": \"1003\", \"type\": \"REFUND_RECEIPT\","
                + " \"totalAmount\": 1500.00, \"customerId\": \"58\", \"replayed\": false}");

        bridge(body("REFUND_RECEIPT", "ap-1", null).replace("\"refundsAmount\": null", "\"refundsAmount\": 1500"))
                .then().statusCode(200)
                .body("outcome", equalTo("CREATED"))
                .body("documentType", equalTo("RefundReceipt"));

        wireMock.verify(postRequestedFor(urlPathEqualTo(DOCUMENTS))
                .withRequestBody(matchingJsonPath("$.type", WireMock.equalTo("REFUND_RECEIPT")))
                .withRequestBody(matchingJsonPath("$.depositAccountId", WireMock.equalTo("37"))));
    }

    @Test
    void shouldRefuseWhatTheCompanyHasNotConfiguredBeforeTouchingAnything() {
        settings(null, null, null, null, null, null);

        bridge(body("FEE_EXPENSE", "ap-1", "{\"vendor\": \"57\"}"))
                .then().statusCode(200)
                .body("outcome", equalTo("REFUSED"))
                .body("code", equalTo("PAYMENT_SETTINGS_MISSING"))
                .body("message", containsString("fee expense account"))
                .body("message", containsString("fee payment account"));

        assertEquals(0, wireMock.getAllServeEvents().size());
    }

    @Test
    void shouldPassAServicesRefusalOnAndLetALaterExecutionTryAgain() {
        wireMock.stubFor(post(urlPathEqualTo(RESOLVE_LINES)).willReturn(aResponse().withStatus(422)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"code\": \"UNMATCHED_LINE_ITEMS\", \"message\": \"No QuickBooks product matches 1 line"
                        + " item: Annual Subscription.\"}")));

        bridge(body("SALES_RECEIPT", "ap-1", null))
                .then().statusCode(200)
                .body("outcome", equalTo("REFUSED"))
                .body("code", equalTo("UNMATCHED_LINE_ITEMS"))
                .body("message", equalTo("No QuickBooks product matches 1 line item: Annual Subscription."));
        assertEquals(0L, ledgerRows());

        // The finance user adds the product; the next execution bridges the payment.
        wireMock.stubFor(post(urlPathEqualTo(RESOLVE_LINES)).willReturn(okJson(
                "{\"lines\": [{\"lineItemId\": \"463\", \"itemId\": \"2\", \"itemName\": \"Annual Subscription\","
                        + " \"matchedBy\": \"SKU\", \"quantity\": 1, \"unitPrice\": 1500.00, \"amount\": 1500.00}]}")));
        stubDocument(201, "{\"documentId\": \"150\", \"docNumber\": \"1002\", \"type\": \"SALES_RECEIPT\","
                + " \"totalAmount\": 1500.00, \"customerId\": \"58\", \"replayed\": false}");
        bridge(body("SALES_RECEIPT", "ap-2", null)).then().statusCode(200).body("outcome", equalTo("CREATED"));
    }

    @Test
    void shouldAskForARetryWhenADownstreamServiceIsUnavailable() {
        wireMock.stubFor(post(urlPathEqualTo(DOCUMENTS)).willReturn(aResponse().withStatus(503)
                .withHeader("Content-Type", "application/json").withHeader("Retry-After", "7")
                .withBody("{\"code\": \"QBO_THROTTLED\", \"message\": \"QuickBooks is limiting requests.\"}")));

        bridge(body("SALES_RECEIPT", "ap-1", null))
                .then().statusCode(503)
                .header("Retry-After", "7")
                .body("code", equalTo("QBO_THROTTLED"));

        assertEquals(0L, ledgerRows());
    }

    @Test
    void shouldRefuseAMalformedBodyNamingTheField() {
        bridge(body("SALES_RECEIPT", "ap-1", null).replace("\"amount\": 1500.00,", ""))
                .then().statusCode(400)
                .body("code", equalTo("INVALID_REQUEST"))
                .body("message", containsString("payment.amount"));
        bridge(body("PAID_INVOICE", "ap-1", null).replace("\"customer\":", "\"ignored\":"))
                .then().statusCode(400)
                .body("code", equalTo("INVALID_REQUEST"))
                .body("message", containsString("customer"));
        bridge(body("NOT_AN_ACTION", "ap-1", null))
                .then().statusCode(400)
                .body("code", equalTo("INVALID_REQUEST"))
                .body("message", containsString("action"));
    }

    private Response bridge(String body) {
        return given().contentType(ContentType.JSON).body(body).when().post("/v1/payment-actions");
    }

    private void stubDocument(int status, String answer) {
        wireMock.stubFor(post(urlPathEqualTo(DOCUMENTS)).willReturn(aResponse().withStatus(status)
                .withHeader("Content-Type", "application/json").withBody(answer)));
    }

    private String body(String action, String callbackId, String inputs) {
        return """
                {"callbackId": "%s", "portalId": 40213377, "realmId": "9130350000000001", "action": "%s",
                 "payment": {"id": "%s", "sourceApp": "SALES_CHECKOUT", "hasAssociatedInvoice": false,
                             "status": "succeeded", "amount": 1500.00, "feesAmount": 43.80, "refundsAmount": null,
                             "netAmount": 1456.20, "currency": "USD", "date": "2026-01-10",
                             "lines": [{"lineItemId": "463", "taxable": false}]},
                 "customer": %s,
                 "lineItems": %s,
                 "inputs": %s}
                """.formatted(callbackId, action, paymentId, customer(), lineItems(), inputs == null ? "null" : inputs);
    }

    private static String customer() {
        return """
                {"realmId": "9130350000000001", "portalId": 40213377, "contactChoice": "first",
                 "contacts": [{"id": "101", "firstName": "Ada", "lastName": "Lovelace", "email": "ada@example.com"}]}""";
    }

    private static String lineItems() {
        return """
                {"realmId": "9130350000000001", "portalId": 40213377, "createMissing": false,
                 "lineItems": [{"id": "463", "name": "Annual Subscription", "sku": "SUB-ANNUAL", "productId": "202",
                                "quantity": 1, "price": 1500.00}]}""";
    }

    private void settings(String deposit, String feeExpense, String feePayment, String vendor, String refundFrom,
            String method) {
        pool.preparedQuery("DELETE FROM payment_settings WHERE realm_id = $1").execute(Tuple.of(REALM))
                .await().atMost(Duration.ofSeconds(10));
        pool.preparedQuery("""
                        INSERT INTO payment_settings (realm_id, deposit_account_id, fee_expense_account_id,
                            fee_payment_account_id, fee_vendor_id, refund_from_account_id, payment_method_id)
                        VALUES ($1, $2, $3, $4, $5, $6, $7)""")
                .execute(Tuple.from(new Object[] { REALM, deposit, feeExpense, feePayment, vendor, refundFrom, method }))
                .await().atMost(Duration.ofSeconds(10));
    }

    private long ledgerRows() {
        return pool.preparedQuery("SELECT count(*) AS n FROM bridged_payment WHERE payment_id = $1")
                .execute(Tuple.of(paymentId)).await().atMost(Duration.ofSeconds(10)).iterator().next().getLong("n");
    }
}
