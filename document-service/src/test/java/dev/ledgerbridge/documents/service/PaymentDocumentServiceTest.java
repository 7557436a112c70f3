package dev.ledgerbridge.documents.service;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.ledgerbridge.documents.client.GatewayAccessTokenProvider;
import dev.ledgerbridge.documents.support.InjectWireMock;
import dev.ledgerbridge.documents.support.VendorWireMock;
import dev.ledgerbridge.quickbooks.RequestIds;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The issue-7 documents on the real PostgreSQL with QBO in WireMock: paid invoice (two writes, exactly once across a
 * lost commit after either), refund receipt, fee expense.
 */
@QuarkusTest
@QuarkusTestResource(VendorWireMock.class)
class PaymentDocumentServiceTest {

    static final String REALM = "9130350000000001";
    static final String COMPANY = "/v3/company/" + REALM;
    static final String QUERY_PATH = COMPANY + "/query";
    static final String INVOICE_LOOKUP = "FROM Invoice WHERE CustomerRef = '58' AND TxnDate = '2026-01-10'";
    static final String PAYMENT_LOOKUP = "FROM Payment WHERE CustomerRef = '58' AND TxnDate = '2026-01-10'";

    @InjectWireMock
    WireMockServer wireMock;

    @Inject
    Pool pool;

    @Inject
    GatewayAccessTokenProvider tokens;

    @Inject
    DocumentNumbering numbering;

    @Inject
    PaymentAccountResolver accounts;

    private String callbackId;
    private String key;
    private String marker;

    @BeforeEach
    void resetVendors() {
        wireMock.resetAll();
        tokens.invalidateAll();
        numbering.invalidateAll();
        accounts.invalidateAll();
        callbackId = "ap-" + UUID.randomUUID();
        key = "40213377:603:" + UUID.randomUUID();
        marker = "LedgerBridge portal=40213377 object=COMMERCE_PAYMENT/603 callback=" + callbackId;
        wireMock.stubFor(get(urlPathMatching("/internal/v1/quickbooks/[0-9]+/access-token"))
                .willReturn(okJson("{\"accessToken\": \"sandbox-qbo-" + REALM + "\", \"expiresAt\": \""
                        + OffsetDateTime.now().plusHours(1) + "\"}")));
        wireMock.stubFor(get(urlPathMatching("/v3/company/[0-9]+/preferences")).willReturn(okJson(
                "{\"Preferences\": {\"Id\": \"1\", \"SalesFormsPrefs\": {\"CustomTxnNumbers\": false}}}")));
        stubAccount("35", "Checking", "Bank");
        stubAccount("36", "Company Card", "Credit Card");
        stubAccount("3", "Services", "Income");
    }

    // ---- paid invoice ---------------------------------------------------------------------------------------

    @Test
    void shouldWriteTheInvoiceThenThePaymentAppliedToItWithTwoRequestIds() {
        stubCreated("invoice", invoice(marker));
        stubCreated("payment", payment(marker));

        create(paidInvoice("1500.00"))
                .then().statusCode(201)
                .body("documentId", is("130"))
                .body("docNumber", is("1001"))
                .body("type", is("PAID_INVOICE"))
                .body("totalAmount", is(1500.00f))
                .body("customerId", is("58"))
                .body("paymentId", is("140"))
                .body("replayed", is(false));

        LoggedRequest invoice = single(COMPANY + "/invoice");
        assertEquals(RequestIds.derive(key), invoice.queryParameter("requestid").firstValue());
        assertThat(invoice.getBodyAsString(), containsString("\"PrivateNote\":\"" + marker + "\""));
        LoggedRequest payment = single(COMPANY + "/payment");
        assertEquals(RequestIds.derive(key, "payment"), payment.queryParameter("requestid").firstValue());
        assertEquals("{\"CustomerRef\":{\"value\":\"58\"},\"TotalAmt\":1500.00,\"TxnDate\":\"2026-01-10\","
                + "\"PaymentRefNum\":\"601\",\"DepositToAccountRef\":{\"value\":\"35\"},"
                + "\"PrivateNote\":\"" + marker + "\","
                + "\"Line\":[{\"Amount\":1500.00,\"LinkedTxn\":[{\"TxnId\":\"130\",\"TxnType\":\"Invoice\"}]}]}",
                payment.getBodyAsString());
        // A first attempt looks for nothing.
        wireMock.verify(0, getRequestedFor(urlPathEqualTo(QUERY_PATH)));
        Row row = row(key);
        assertEquals("CREATED", row.getString("state"));
        assertEquals("130", row.getString("qbo_id"));
        assertEquals("140", row.getString("payment_id"));
        assertEquals("1500.00", row.getBigDecimal("total_amount").toPlainString());
    }

    @Test
    void shouldReplayThePaidInvoiceWithItsPaymentWithoutCallingQbo() {
        stubCreated("invoice", invoice(marker));
        stubCreated("payment", payment(marker));
        create(paidInvoice("1500.00")).then().statusCode(201);

        create(paidInvoice("1500.00"))
                .then().statusCode(200)
                .body("documentId", is("130"))
                .body("paymentId", is("140"))
                .body("replayed", is(true));
        given().when().get("/v1/documents/{key}", key).then().statusCode(200).body("paymentId", is("140"));

        wireMock.verify(1, postRequestedFor(urlPathEqualTo(COMPANY + "/invoice")));
        wireMock.verify(1, postRequestedFor(urlPathEqualTo(COMPANY + "/payment")));
    }

    @Test
    void shouldWriteOneInvoiceAndOnePaymentForTwoWorkflowsBridgingThePaymentAtOnce() throws Exception {
        wireMock.stubFor(post(urlPathEqualTo(COMPANY + "/invoice")).willReturn(okJson(invoice(marker))
                .withFixedDelay(400)));
        stubCreated("payment", payment(marker));
        String first = paidInvoice("1500.00");
        // The second workflow's execution: same key (same portal, payment and action), its own callbackId.
        String second = first.replace(callbackId, "ap-other-" + UUID.randomUUID());
        ExecutorService callers = Executors.newFixedThreadPool(2);
        try {
            CompletableFuture<Response> a = CompletableFuture.supplyAsync(() -> create(first), callers);
            CompletableFuture<Response> b = CompletableFuture.supplyAsync(() -> create(second), callers);
            List<Response> responses = List.of(a.get(), b.get());

            assertEquals(Set.of(200, 201), responses.stream().map(Response::statusCode).collect(Collectors.toSet()));
            assertEquals(Set.of("140"), responses.stream().map(r -> r.jsonPath().getString("paymentId"))
                    .collect(Collectors.toSet()));
        } finally {
            callers.shutdownNow();
        }
        wireMock.verify(1, postRequestedFor(urlPathEqualTo(COMPANY + "/invoice")));
        wireMock.verify(1, postRequestedFor(urlPathEqualTo(COMPANY + "/payment")));
        assertEquals("CREATED", row(key).getString("state"));
    }

    @Test
    void shouldRefuseAPaymentLargerThanTheInvoiceBeforeAnyWrite() {
        create(paidInvoice("1500.01"))
                .then().statusCode(422)
                .body("code", is("PAYMENT_EXCEEDS_INVOICE"))
                .body("message", containsString("1500.01"));

        wireMock.verify(0, postRequestedFor(urlPathMatching(COMPANY + "/.*")));
        assertEquals(0, count(key));
    }

    @Test
    void shouldAdoptTheInvoiceAndWriteOnlyThePaymentAfterALostCommitOfTheInvoice() {
        // The first attempt's process died after QBO created the invoice and before the row recorded it.
        insertPending(null);
        stubLookup(INVOICE_LOOKUP, "{\"QueryResponse\": {\"Invoice\": [" + invoiceBody(marker) + "]}}");
        stubCreated("payment", payment(marker));

        create(paidInvoice("1500.00"))
                .then().statusCode(201)
                .body("documentId", is("130"))
                .body("paymentId", is("140"));

        wireMock.verify(0, postRequestedFor(urlPathEqualTo(COMPANY + "/invoice")));
        wireMock.verify(1, postRequestedFor(urlPathEqualTo(COMPANY + "/payment"))
                .withQueryParam("requestid", equalTo(RequestIds.derive(key, "payment"))));
        // The invoice was adopted by this attempt, so no payment can exist yet: no payment search.
        wireMock.verify(0, getRequestedFor(urlPathEqualTo(QUERY_PATH)).withQueryParam("query", containing("FROM Payment")));
        Row row = row(key);
        assertEquals("CREATED", row.getString("state"));
        assertEquals("130", row.getString("qbo_id"));
        assertEquals("140", row.getString("payment_id"));
    }

    @Test
    void shouldAdoptThePaymentAfterALostCommitOfThePayment() {
        // The invoice was committed; the process died after QBO created the payment and before the row recorded it.
        insertPending("130");
        stubLookup(PAYMENT_LOOKUP, "{\"QueryResponse\": {\"Payment\": [" + paymentBody("139", "someone else's")
                + ", " + paymentBody("140", marker) + "]}}");

        create(paidInvoice("1500.00"))
                .then().statusCode(201)
                .body("documentId", is("130"))
                .body("docNumber", is("1001"))
                .body("totalAmount", is(1500.00f))
                .body("paymentId", is("140"));

        wireMock.verify(0, postRequestedFor(urlPathMatching(COMPANY + "/.*")));
        wireMock.verify(0, getRequestedFor(urlPathEqualTo(QUERY_PATH)).withQueryParam("query", containing("FROM Invoice")));
        Row row = row(key);
        assertEquals("CREATED", row.getString("state"));
        assertEquals("140", row.getString("payment_id"));
    }

    @Test
    void shouldResendThePaymentWithItsRequestIdWhenTheMarkerSearchFindsNone() {
        insertPending("130");
        stubLookup(PAYMENT_LOOKUP, "{\"QueryResponse\": {}}");
        stubCreated("payment", payment(marker));

        create(paidInvoice("1500.00")).then().statusCode(201).body("paymentId", is("140"));

        wireMock.verify(0, postRequestedFor(urlPathEqualTo(COMPANY + "/invoice")));
        wireMock.verify(1, postRequestedFor(urlPathEqualTo(COMPANY + "/payment"))
                .withQueryParam("requestid", equalTo(RequestIds.derive(key, "payment"))));
        assertEquals(2, row(key).getInteger("attempts"));
    }

    @Test
    void shouldKeepTheInvoiceWhenQboRefusesThePaymentAndWriteOnlyThePaymentOnTheRetry() {
        stubCreated("invoice", invoice(marker));
        wireMock.stubFor(post(urlPathEqualTo(COMPANY + "/payment")).willReturn(aResponse().withStatus(400)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"Fault\": {\"Error\": [{\"Message\": \"Object Not Found\", \"Detail\": \"Object Not Found :"
                        + " Something you're trying to use has been made inactive.\", \"code\": \"610\","
                        + " \"element\": \"DepositToAccountRef\"}], \"type\": \"ValidationFault\"}}")));

        create(paidInvoice("1500.00"))
                .then().statusCode(422)
                .body("code", is("QBO_REJECTED"))
                .body("qboCode", is("610"));
        Row pending = row(key);
        assertEquals("PENDING", pending.getString("state"));
        assertEquals("130", pending.getString("qbo_id"));
        assertEquals("610", pending.getString("last_error_code"));
        assertNull(pending.getValue("attempt_started_at"));

        stubCreated("payment", payment(marker));
        stubLookup(PAYMENT_LOOKUP, "{\"QueryResponse\": {}}");
        create(paidInvoice("1500.00")).then().statusCode(201).body("documentId", is("130")).body("paymentId", is("140"));

        wireMock.verify(1, postRequestedFor(urlPathEqualTo(COMPANY + "/invoice")));
        wireMock.verify(2, postRequestedFor(urlPathEqualTo(COMPANY + "/payment"))
                .withQueryParam("requestid", equalTo(RequestIds.derive(key, "payment"))));
    }

    @Test
    void shouldWriteTheMarkerOfTheExecutionThatFirstClaimedTheKey() {
        // Another workflow's execution claimed the key (same payment, same action) and died before any write.
        String firstCallback = "ap-first-" + UUID.randomUUID();
        String firstMarker = "LedgerBridge portal=40213377 object=COMMERCE_PAYMENT/603 callback=" + firstCallback;
        pool.preparedQuery("""
                        INSERT INTO document (idempotency_key, realm_id, document_type, request_id, state, customer_id,
                                              portal_id, source_object_type, source_object_id, callback_id,
                                              attempts, attempt_started_at)
                        VALUES ($1, $2, 'PAID_INVOICE', $3, 'PENDING', '58', 40213377, 'COMMERCE_PAYMENT', '603', $4, 1,
                                now() - interval '10 minutes')""")
                .execute(Tuple.of(key, REALM, RequestIds.derive(key), firstCallback)).await().atMost(Duration.ofSeconds(10));
        stubLookup(INVOICE_LOOKUP, "{\"QueryResponse\": {\"Invoice\": [" + invoiceBody(marker) + "]}}");
        stubCreated("invoice", invoice(firstMarker));
        stubCreated("payment", payment(firstMarker));

        create(paidInvoice("1500.00")).then().statusCode(201);

        // The invoice carrying this execution's own marker is not the first execution's: it is not adopted.
        wireMock.verify(1, postRequestedFor(urlPathEqualTo(COMPANY + "/invoice")));
        assertThat(single(COMPANY + "/invoice").getBodyAsString(), containsString("callback=" + firstCallback + "\""));
        assertThat(single(COMPANY + "/payment").getBodyAsString(), containsString("callback=" + firstCallback + "\""));
    }

    // ---- refund receipt -------------------------------------------------------------------------------------

    @Test
    void shouldWriteTheRefundReceiptFromTheRefundAccount() {
        stubCreated("refundreceipt", """
                {"RefundReceipt": {"Id": "160", "DocNumber": "1002", "TotalAmt": 1500.00,
                 "CustomerRef": {"value": "58"}, "PrivateNote": "%s"}}""".formatted(marker));

        create(refundReceipt())
                .then().statusCode(201)
                .body("documentId", is("160"))
                .body("docNumber", is("1002"))
                .body("type", is("REFUND_RECEIPT"))
                .body("totalAmount", is(1500.00f))
                .body("customerId", is("58"))
                .body("paymentId", nullValue());

        LoggedRequest sent = single(COMPANY + "/refundreceipt");
        assertEquals(RequestIds.derive(key), sent.queryParameter("requestid").firstValue());
        assertThat(sent.getBodyAsString(), containsString(
                "\"PaymentMethodRef\":{\"value\":\"3\"},\"DepositToAccountRef\":{\"value\":\"35\"}}"));
        assertEquals("CREATED", row(key).getString("state"));
    }

    // ---- fee expense ----------------------------------------------------------------------------------------

    @Test
    void shouldBookTheFeeAsACashPurchaseAndReadThePayingAccountOnce() {
        stubCreated("purchase", purchase(marker));

        create(feeExpense("35"))
                .then().statusCode(201)
                .body("documentId", is("150"))
                .body("docNumber", nullValue())
                .body("type", is("FEE_EXPENSE"))
                .body("totalAmount", is(43.80f))
                .body("customerId", nullValue());

        LoggedRequest sent = single(COMPANY + "/purchase");
        assertEquals(RequestIds.derive(key), sent.queryParameter("requestid").firstValue());
        assertEquals("{\"PaymentType\":\"Cash\",\"AccountRef\":{\"value\":\"35\"},"
                + "\"EntityRef\":{\"value\":\"56\",\"type\":\"Vendor\"},\"TxnDate\":\"2026-01-10\","
                + "\"PrivateNote\":\"" + marker + "\","
                + "\"Line\":[{\"Description\":\"HubSpot payment processing fee, payment 603\",\"Amount\":43.80,"
                + "\"DetailType\":\"AccountBasedExpenseLineDetail\",\"AccountBasedExpenseLineDetail\":"
                + "{\"AccountRef\":{\"value\":\"12\"},\"BillableStatus\":\"NotBillable\"}}]}", sent.getBodyAsString());
        Row row = row(key);
        assertEquals("CREATED", row.getString("state"));
        assertNull(row.getString("customer_id"));

        // A second fee for another payment: the account type comes from the cache.
        key = key + "-2";
        create(feeExpense("35")).then().statusCode(201);
        wireMock.verify(1, getRequestedFor(urlPathEqualTo(QUERY_PATH))
                .withQueryParam("query", equalTo("SELECT * FROM Account WHERE Id = '35'")));
        wireMock.verify(0, getRequestedFor(urlPathMatching(COMPANY + "/preferences")));
    }

    @Test
    void shouldChargeTheFeeToACreditCardAccount() {
        stubCreated("purchase", purchase(marker));

        create(feeExpense("36")).then().statusCode(201);

        assertThat(single(COMPANY + "/purchase").getBodyAsString(),
                containsString("\"PaymentType\":\"CreditCard\",\"AccountRef\":{\"value\":\"36\"}"));
    }

    @Test
    void shouldRefuseAFeePaidFromAnIncomeAccountBeforeAnyWrite() {
        create(feeExpense("3"))
                .then().statusCode(422)
                .body("code", is("INVALID_PAYMENT_ACCOUNT"))
                .body("message", containsString("type Income"));

        wireMock.verify(0, postRequestedFor(urlPathMatching(COMPANY + "/.*")));
        assertEquals(0, count(key));
    }

    @Test
    void shouldAdoptTheFeeExpenseFoundByItsMarkerAfterALostCommit() {
        pool.preparedQuery("""
                        INSERT INTO document (idempotency_key, realm_id, document_type, request_id, state,
                                              portal_id, source_object_type, source_object_id, callback_id,
                                              attempts, attempt_started_at)
                        VALUES ($1, $2, 'FEE_EXPENSE', $3, 'PENDING', 40213377, 'COMMERCE_PAYMENT', '603', $4, 1,
                                now() - interval '10 minutes')""")
                .execute(Tuple.of(key, REALM, RequestIds.derive(key), callbackId)).await().atMost(Duration.ofSeconds(10));
        stubLookup("SELECT * FROM Purchase WHERE TxnDate = '2026-01-10'",
                "{\"QueryResponse\": {\"Purchase\": [" + purchaseBody(marker) + "]}}");

        create(feeExpense("35")).then().statusCode(201).body("documentId", is("150")).body("totalAmount", is(43.80f));

        wireMock.verify(0, postRequestedFor(urlPathMatching(COMPANY + "/.*")));
        assertEquals("CREATED", row(key).getString("state"));
    }

    // ---- helpers --------------------------------------------------------------------------------------------

    private void insertPending(String invoiceId) {
        pool.preparedQuery("""
                        INSERT INTO document (idempotency_key, realm_id, document_type, request_id, state, customer_id,
                                              portal_id, source_object_type, source_object_id, callback_id,
                                              qbo_id, doc_number, total_amount, attempts, attempt_started_at)
                        VALUES ($1, $2, 'PAID_INVOICE', $3, 'PENDING', '58', 40213377, 'COMMERCE_PAYMENT', '603', $4,
                                $5, $6, $7, 1, now() - interval '10 minutes')""")
                .execute(Tuple.tuple(List.of(key, REALM, RequestIds.derive(key), callbackId))
                        .addString(invoiceId).addString(invoiceId == null ? null : "1001")
                        .addValue(invoiceId == null ? null : new BigDecimal("1500.00")))
                .await().atMost(Duration.ofSeconds(10));
    }

    private void stubAccount(String id, String name, String type) {
        wireMock.stubFor(get(urlPathEqualTo(QUERY_PATH))
                .withQueryParam("query", equalTo("SELECT * FROM Account WHERE Id = '" + id + "'"))
                .willReturn(okJson("{\"QueryResponse\": {\"Account\": [{\"Id\": \"" + id + "\", \"Name\": \"" + name
                        + "\", \"AccountType\": \"" + type + "\", \"Active\": true}]}}")));
    }

    private void stubLookup(String statementPart, String answer) {
        wireMock.stubFor(get(urlPathEqualTo(QUERY_PATH)).withQueryParam("query", containing(statementPart))
                .willReturn(okJson(answer)));
    }

    private void stubCreated(String entityPath, String answer) {
        wireMock.stubFor(post(urlPathEqualTo(COMPANY + "/" + entityPath)).willReturn(okJson(answer)));
    }

    private static String invoice(String note) {
        return "{\"Invoice\": " + invoiceBody(note) + "}";
    }

    private static String invoiceBody(String note) {
        return """
                {"Id": "130", "SyncToken": "0", "DocNumber": "1001", "TxnDate": "2026-01-10",
                 "CustomerRef": {"value": "58"}, "TotalAmt": 1500.00, "Balance": 1500.00, "PrivateNote": "%s"}"""
                .formatted(note);
    }

    private static String payment(String note) {
        return "{\"Payment\": " + paymentBody("140", note) + "}";
    }

    private static String paymentBody(String id, String note) {
        return """
                {"Id": "%s", "SyncToken": "0", "TxnDate": "2026-01-10", "CustomerRef": {"value": "58"},
                 "TotalAmt": 1500.00, "UnappliedAmt": 0.00, "PrivateNote": "%s",
                 "Line": [{"Amount": 1500.00, "LinkedTxn": [{"TxnId": "130", "TxnType": "Invoice"}]}]}"""
                .formatted(id, note);
    }

    private static String purchase(String note) {
        return "{\"Purchase\": " + purchaseBody(note) + "}";
    }

    private static String purchaseBody(String note) {
        return """
                {"Id": "150", "SyncToken": "0", "TxnDate": "2026-01-10", "PaymentType": "Cash",
                 "AccountRef": {"value": "35"}, "TotalAmt": 43.80, "PrivateNote": "%s"}""".formatted(note);
    }

    private String paidInvoice(String amount) {
        return """
                {"idempotencyKey": "%s", "realmId": "%s", "type": "PAID_INVOICE", "customerId": "58",
                 "txnDate": "2026-01-10",
                 "source": {"portalId": 40213377, "objectType": "COMMERCE_PAYMENT", "objectId": "603", "callbackId": "%s"},
                 "lines": [{"itemId": "2", "description": "Annual Subscription", "quantity": 1, "unitPrice": 1200.00},
                           {"itemId": "7", "description": "Support hours", "quantity": 3, "unitPrice": 100.00}],
                 "payment": {"amount": %s, "txnDate": "2026-01-10", "referenceNumber": "601",
                             "depositAccountId": "35", "paymentMethodId": null}}"""
                .formatted(key, REALM, callbackId, amount);
    }

    private String refundReceipt() {
        return """
                {"idempotencyKey": "%s", "realmId": "%s", "type": "REFUND_RECEIPT", "customerId": "58",
                 "txnDate": "2026-01-10", "depositAccountId": "35", "paymentMethodId": "3",
                 "source": {"portalId": 40213377, "objectType": "COMMERCE_PAYMENT", "objectId": "603", "callbackId": "%s"},
                 "lines": [{"itemId": "2", "description": "Annual Subscription", "quantity": 1, "unitPrice": 1200.00},
                           {"itemId": "7", "description": "Support hours", "quantity": 3, "unitPrice": 100.00}]}"""
                .formatted(key, REALM, callbackId);
    }

    private String feeExpense(String paymentAccountId) {
        return """
                {"idempotencyKey": "%s", "realmId": "%s", "type": "FEE_EXPENSE", "txnDate": "2026-01-10",
                 "source": {"portalId": 40213377, "objectType": "COMMERCE_PAYMENT", "objectId": "603", "callbackId": "%s"},
                 "lines": [],
                 "expense": {"amount": 43.80, "expenseAccountId": "12", "paymentAccountId": "%s", "vendorId": "56",
                             "description": "HubSpot payment processing fee, payment 603"}}"""
                .formatted(key, REALM, callbackId, paymentAccountId);
    }

    private LoggedRequest single(String path) {
        List<LoggedRequest> posts = wireMock.findAll(postRequestedFor(urlPathEqualTo(path)));
        assertEquals(1, posts.size(), "POSTs to " + path);
        return posts.get(0);
    }

    private Response create(String body) {
        return given().contentType(ContentType.JSON).body(body).when().post("/v1/documents");
    }

    private Row row(String idempotencyKey) {
        return pool.preparedQuery("SELECT * FROM document WHERE idempotency_key = $1").execute(Tuple.of(idempotencyKey))
                .await().atMost(Duration.ofSeconds(10)).iterator().next();
    }

    private long count(String idempotencyKey) {
        return pool.preparedQuery("SELECT count(*) AS n FROM document WHERE idempotency_key = $1")
                .execute(Tuple.of(idempotencyKey)).await().atMost(Duration.ofSeconds(10)).iterator().next().getLong("n");
    }
}
