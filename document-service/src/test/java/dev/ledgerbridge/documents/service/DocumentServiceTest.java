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
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
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

/** The whole create path on the real PostgreSQL, with QBO and the gateway's token endpoint in WireMock. */
@QuarkusTest
@QuarkusTestResource(VendorWireMock.class)
class DocumentServiceTest {

    static final String REALM = "9130350000000001";
    static final String INVOICE_PATH = "/v3/company/" + REALM + "/invoice";
    static final String QUERY_PATH = "/v3/company/" + REALM + "/query";
    static final String TOKEN_PATH = "/internal/v1/quickbooks/" + REALM + "/access-token";
    static final String NET_30_QUERY = "SELECT * FROM Term WHERE Name = 'Net 30'";

    @InjectWireMock
    WireMockServer wireMock;

    @Inject
    Pool pool;

    @Inject
    GatewayAccessTokenProvider tokens;

    @Inject
    PaymentTermResolver terms;

    @Inject
    DocumentNumbering numbering;

    private String callbackId;
    private String key;

    @BeforeEach
    void resetVendors() {
        wireMock.resetAll();
        tokens.invalidateAll();
        terms.invalidateAll();
        numbering.invalidateAll();
        callbackId = "ap-" + UUID.randomUUID();
        key = "40213377:" + callbackId + ":invoice";
        wireMock.stubFor(get(urlPathMatching("/internal/v1/quickbooks/[0-9]+/access-token"))
                .willReturn(okJson("{\"accessToken\": \"sandbox-qbo-" + REALM + "\", \"expiresAt\": \""
                        + OffsetDateTime.now().plusHours(1) + "\"}")));
        wireMock.stubFor(get(urlPathEqualTo(QUERY_PATH)).withQueryParam("query", equalTo(NET_30_QUERY))
                .willReturn(okJson("{\"QueryResponse\": {\"Term\": [{\"Id\": \"3\", \"Name\": \"Net 30\", \"Active\": true,"
                        + " \"DueDays\": 30}], \"startPosition\": 1, \"maxResults\": 1}}")));
        stubCustomNumbers(false);
    }

    @Test
    void shouldCreateTheInvoiceWithExactLinesTermMarkerAndDerivedRequestId() {
        stubInvoiceCreated(0);

        create(request(key, REALM, "Net 30"))
                .then().statusCode(201)
                .body("documentId", is("130"))
                .body("docNumber", is("1001"))
                .body("type", is("INVOICE"))
                .body("totalAmount", is(13049.97f))
                .body("customerId", is("58"))
                .body("replayed", is(false));

        List<LoggedRequest> posts = wireMock.findAll(postRequestedFor(urlPathEqualTo(INVOICE_PATH)));
        assertEquals(1, posts.size());
        LoggedRequest sent = posts.get(0);
        assertEquals(RequestIds.derive(key), sent.queryParameter("requestid").firstValue());
        assertEquals("75", sent.queryParameter("minorversion").firstValue());
        assertEquals("Bearer sandbox-qbo-" + REALM, sent.getHeader("Authorization"));
        assertEquals(callbackId, sent.getHeader("X-LedgerBridge-Correlation-Id"));
        assertEquals("{\"TxnDate\":\"2026-11-26\",\"CustomerRef\":{\"value\":\"58\"},\"SalesTermRef\":{\"value\":\"3\"},"
                + "\"PrivateNote\":\"LedgerBridge portal=40213377 object=DEAL/301 callback=" + callbackId + "\","
                + "\"Line\":[{\"Description\":\"Annual Subscription\",\"Amount\":12000.00,\"DetailType\":\"SalesItemLineDetail\","
                + "\"SalesItemLineDetail\":{\"ItemRef\":{\"value\":\"2\"},\"Qty\":1,\"UnitPrice\":12000.00}},"
                + "{\"Description\":\"Support hours\",\"Amount\":1049.97,\"DetailType\":\"SalesItemLineDetail\","
                + "\"SalesItemLineDetail\":{\"ItemRef\":{\"value\":\"7\"},\"Qty\":3,\"UnitPrice\":349.99}}]}",
                sent.getBodyAsString());
        wireMock.verify(1, getRequestedFor(urlPathEqualTo(QUERY_PATH))
                .withHeader("X-LedgerBridge-Correlation-Id", equalTo(callbackId)));

        Row row = row(key);
        assertEquals("CREATED", row.getString("state"));
        assertEquals("130", row.getString("qbo_id"));
        assertEquals("1001", row.getString("doc_number"));
        assertEquals("13049.97", row.getBigDecimal("total_amount").toPlainString());
        assertEquals(RequestIds.derive(key), row.getString("request_id"));
        assertEquals(callbackId, row.getString("callback_id"));
    }

    @Test
    void shouldReplayTheStoredDocumentWithoutCallingQboAgain() {
        stubInvoiceCreated(0);
        create(request(key, REALM, "Net 30")).then().statusCode(201);

        create(request(key, REALM, "Net 30"))
                .then().statusCode(200)
                .body("documentId", is("130"))
                .body("docNumber", is("1001"))
                .body("totalAmount", is(13049.97f))
                .body("replayed", is(true));
        given().when().get("/v1/documents/{key}", key)
                .then().statusCode(200)
                .body("documentId", is("130"));

        wireMock.verify(1, postRequestedFor(urlPathEqualTo(INVOICE_PATH)));
        wireMock.verify(1, getRequestedFor(urlPathEqualTo(QUERY_PATH)));
        wireMock.verify(1, getRequestedFor(urlPathEqualTo(TOKEN_PATH)));
    }

    @Test
    void shouldRetryAPendingRowLeftByACrashWithTheSameRequestId() {
        // A previous attempt committed PENDING and died before recording QBO's answer (its lease is long over).
        pool.preparedQuery("""
                        INSERT INTO document (idempotency_key, realm_id, document_type, request_id, state, customer_id,
                                              attempts, attempt_started_at)
                        VALUES ($1, $2, 'INVOICE', $3, 'PENDING', '58', 1, now() - interval '10 minutes')""")
                .execute(Tuple.of(key, REALM, RequestIds.derive(key))).await().atMost(Duration.ofSeconds(10));
        stubInvoiceCreated(0);
        stubMarkerLookup("Invoice", "{\"QueryResponse\": {}}");

        create(request(key, REALM, null))
                .then().statusCode(201)
                .body("documentId", is("130"))
                .body("replayed", is(false));

        // The marker search found nothing, so the same requestid went out (QBO replays it if it holds it).
        wireMock.verify(1, getRequestedFor(urlPathEqualTo(QUERY_PATH)).withQueryParam("query",
                containing("FROM Invoice WHERE CustomerRef = '58' AND TxnDate = '2026-11-26'")));
        wireMock.verify(1, postRequestedFor(urlPathEqualTo(INVOICE_PATH))
                .withQueryParam("requestid", equalTo(RequestIds.derive(key))));
        Row row = row(key);
        assertEquals("CREATED", row.getString("state"));
        assertEquals(2, row.getInteger("attempts"));
    }

    @Test
    void shouldCreateOneInvoiceForTwoConcurrentRequestsWithTheSameKey() throws Exception {
        stubInvoiceCreated(600);
        String body = request(key, REALM, null);
        ExecutorService callers = Executors.newFixedThreadPool(2);
        try {
            CompletableFuture<Response> first = CompletableFuture.supplyAsync(() -> create(body), callers);
            CompletableFuture<Response> second = CompletableFuture.supplyAsync(() -> create(body), callers);
            List<Response> responses = List.of(first.get(), second.get());

            assertEquals(Set.of(200, 201), responses.stream().map(Response::statusCode).collect(Collectors.toSet()));
            assertEquals(Set.of("130"), responses.stream().map(r -> r.jsonPath().getString("documentId"))
                    .collect(Collectors.toSet()));
        } finally {
            callers.shutdownNow();
        }
        wireMock.verify(1, postRequestedFor(urlPathEqualTo(INVOICE_PATH)));
        assertEquals("CREATED", row(key).getString("state"));
    }

    @Test
    void shouldAnswer503WithoutCallingQboWhileAnotherAttemptHoldsTheRow() {
        pool.preparedQuery("""
                        INSERT INTO document (idempotency_key, realm_id, document_type, request_id, state, customer_id,
                                              attempts, attempt_started_at)
                        VALUES ($1, $2, 'INVOICE', $3, 'PENDING', '58', 1, now())""")
                .execute(Tuple.of(key, REALM, RequestIds.derive(key))).await().atMost(Duration.ofSeconds(10));
        stubInvoiceCreated(0);

        create(request(key, REALM, null))
                .then().statusCode(503)
                .header("Retry-After", "2")
                .body("code", is("DOCUMENT_IN_PROGRESS"));

        wireMock.verify(0, postRequestedFor(urlPathEqualTo(INVOICE_PATH)));
        given().when().get("/v1/documents/{key}", key).then().statusCode(404).body("code", is("DOCUMENT_NOT_FOUND"));
    }

    @Test
    void shouldRefuseAnUnknownTermWithoutWritingAnything() {
        wireMock.stubFor(get(urlPathEqualTo(QUERY_PATH)).withQueryParam("query", equalTo("SELECT * FROM Term WHERE Name = 'Net 45'"))
                .willReturn(okJson("{\"QueryResponse\": {}}")));
        stubInvoiceCreated(0);

        create(request(key, REALM, "Net 45"))
                .then().statusCode(422)
                .body("code", is("UNKNOWN_TERM"))
                .body("message", containsString("\"Net 45\""));

        wireMock.verify(0, postRequestedFor(urlPathEqualTo(INVOICE_PATH)));
        assertEquals(0, count(key));
    }

    @Test
    void shouldRefuseLinesThatAreNotWholeCentsWithoutAnyQboCall() {
        create(request(key, REALM, "Net 30").replace("349.99", "0.333"))
                .then().statusCode(422)
                .body("code", is("INVALID_LINES"))
                .body("message", containsString("Line 2 (Support hours)"));

        assertEquals(0, wireMock.getAllServeEvents().size());
        assertEquals(0, count(key));
    }

    @Test
    void shouldLookUpTermAndTokenOncePerRealmWhileCached() {
        stubInvoiceCreated(0);

        create(request(key, REALM, "Net 30")).then().statusCode(201);
        create(request(key + "-2", REALM, "Net 30")).then().statusCode(201);

        wireMock.verify(1, getRequestedFor(urlPathEqualTo(QUERY_PATH)));
        wireMock.verify(1, getRequestedFor(urlPathEqualTo(TOKEN_PATH)));
        wireMock.verify(2, postRequestedFor(urlPathEqualTo(INVOICE_PATH)));
    }

    @Test
    void shouldFetchANewTokenWhenTheCachedOneExpiresWithinAMinute() {
        wireMock.stubFor(get(urlPathEqualTo(TOKEN_PATH))
                .willReturn(okJson("{\"accessToken\": \"sandbox-qbo-" + REALM + "\", \"expiresAt\": \""
                        + OffsetDateTime.now().plusSeconds(50) + "\"}")));
        stubInvoiceCreated(0);

        create(request(key, REALM, null)).then().statusCode(201);
        create(request(key + "-2", REALM, null)).then().statusCode(201);

        // Every QBO call fetched its own token: the preferences read (cached afterwards) and both invoice writes.
        wireMock.verify(3, getRequestedFor(urlPathEqualTo(TOKEN_PATH)));
    }

    @Test
    void shouldRefuseQboCode6070AndLeaveTheRowRetryable() {
        stubInvoiceFault(400, "6070", "Amount is not equal to UnitPrice * Qty");

        create(request(key, REALM, null))
                .then().statusCode(422)
                .body("code", is("QBO_REJECTED"))
                .body("qboCode", is("6070"))
                .body("qboMessage", containsString("Amount is not equal to UnitPrice * Qty"));

        Row row = row(key);
        assertEquals("PENDING", row.getString("state"));
        assertEquals("6070", row.getString("last_error_code"));
        assertNull(row.getOffsetDateTime("attempt_started_at"));
    }

    @Test
    void shouldRefuseQboCode610ForAnInactiveItem() {
        stubInvoiceFault(400, "610", "Object Not Found");

        create(request(key, REALM, null))
                .then().statusCode(422)
                .body("code", is("QBO_REJECTED"))
                .body("qboCode", is("610"));
    }

    @Test
    void shouldAnswer502WhenQboFailsOnItsSide() {
        stubInvoiceFault(500, "10000", "An application error has occurred while processing your request");

        create(request(key, REALM, null))
                .then().statusCode(502)
                .body("code", is("QBO_ERROR"))
                .body("qboCode", is("10000"));
    }

    @Test
    void shouldAnswer503WhenQboKeepsThrottlingAfterTheClientRetries() {
        wireMock.stubFor(post(urlPathEqualTo(INVOICE_PATH)).willReturn(aResponse().withStatus(429)));

        create(request(key, REALM, null))
                .then().statusCode(503)
                .header("Retry-After", "1")
                .body("code", is("QBO_THROTTLED"));

        // One call and one retry, both with the same requestid so QBO could only ever replay.
        wireMock.verify(2, postRequestedFor(urlPathEqualTo(INVOICE_PATH))
                .withQueryParam("requestid", equalTo(RequestIds.derive(key))));
        assertEquals("PENDING", row(key).getString("state"));
    }

    @Test
    void shouldRefuseWhenTheGatewayHasNoConnectionForTheCompany() {
        wireMock.stubFor(get(urlPathMatching("/internal/v1/quickbooks/[0-9]+/access-token"))
                .willReturn(aResponse().withStatus(404).withHeader("Content-Type", "application/json")
                        .withBody("{\"code\": \"COMPANY_NOT_CONNECTED\", \"message\": \"not connected\"}")));

        create(request(key, REALM, null))
                .then().statusCode(422)
                .body("code", is("COMPANY_NOT_CONNECTED"));

        wireMock.verify(0, postRequestedFor(urlPathEqualTo(INVOICE_PATH)));
    }

    @Test
    void shouldRefuseAKeyAlreadyUsedForAnotherCompany() {
        stubInvoiceCreated(0);
        create(request(key, REALM, null)).then().statusCode(201);

        create(request(key, "9130350000000002", null))
                .then().statusCode(422)
                .body("code", is("IDEMPOTENCY_KEY_CONFLICT"));

        wireMock.verify(1, postRequestedFor(urlPathMatching("/v3/company/[0-9]+/invoice")));
    }

    @Test
    void shouldAdoptTheDocumentAnEarlierAttemptCreatedFoundByItsMarkerWithoutWritingAgain() {
        // The earlier attempt reached QBO and died before its commit; QBO holds the invoice with our marker.
        pool.preparedQuery("""
                        INSERT INTO document (idempotency_key, realm_id, document_type, request_id, state, customer_id,
                                              attempts, attempt_started_at)
                        VALUES ($1, $2, 'INVOICE', $3, 'PENDING', '58', 1, now() - interval '10 minutes')""")
                .execute(Tuple.of(key, REALM, RequestIds.derive(key))).await().atMost(Duration.ofSeconds(10));
        stubInvoiceCreated(0);
        stubMarkerLookup("Invoice", """
                {"QueryResponse": {"Invoice": [
                  {"Id": "129", "DocNumber": "1000", "TxnDate": "2026-11-26", "CustomerRef": {"value": "58"},
                   "PrivateNote": "LedgerBridge portal=40213377 object=DEAL/301 callback=someone-else", "TotalAmt": 5.00},
                  {"Id": "131", "DocNumber": "1002", "TxnDate": "2026-11-26", "CustomerRef": {"value": "58"},
                   "PrivateNote": "LedgerBridge portal=40213377 object=DEAL/301 callback=%s", "TotalAmt": 13049.97}],
                 "startPosition": 1, "maxResults": 2}}""".formatted(callbackId));

        create(request(key, REALM, null))
                .then().statusCode(201)
                .body("documentId", is("131"))
                .body("docNumber", is("1002"))
                .body("totalAmount", is(13049.97f));

        wireMock.verify(0, postRequestedFor(urlPathEqualTo(INVOICE_PATH)));
        Row row = row(key);
        assertEquals("CREATED", row.getString("state"));
        assertEquals("131", row.getString("qbo_id"));
    }

    @Test
    void shouldCreateAnEstimateWithItsExpirationDate() {
        wireMock.stubFor(post(urlPathEqualTo("/v3/company/" + REALM + "/estimate")).willReturn(okJson("""
                {"Estimate": {"Id": "140", "SyncToken": "0", "DocNumber": "1001", "TxnDate": "2026-11-26",
                 "ExpirationDate": "2026-12-26", "CustomerRef": {"value": "58"}, "TotalAmt": 13049.97}}""")));

        create(typed(request(key, REALM, null), "ESTIMATE", ", \"expirationDate\": \"2026-12-26\""))
                .then().statusCode(201)
                .body("documentId", is("140"))
                .body("type", is("ESTIMATE"))
                .body("totalAmount", is(13049.97f));

        LoggedRequest sent = wireMock.findAll(postRequestedFor(urlPathEqualTo("/v3/company/" + REALM + "/estimate")))
                .get(0);
        assertEquals(RequestIds.derive(key), sent.queryParameter("requestid").firstValue());
        assertThat(sent.getBodyAsString(), allOf(containsString("\"ExpirationDate\":\"2026-12-26\""),
                not(containsString("SalesTermRef")), not(containsString("DocNumber"))));
        assertEquals("ESTIMATE", row(key).getString("document_type"));
    }

    @Test
    void shouldRefuseATermOnAnEstimateBeforeAnyQboCall() {
        create(typed(request(key, REALM, "Net 30"), "ESTIMATE", ""))
                .then().statusCode(422)
                .body("code", is("FIELD_NOT_APPLICABLE"))
                .body("message", containsString("Payment terms apply to invoices only"));

        assertEquals(0, wireMock.getAllServeEvents().size());
        assertEquals(0, count(key));
    }

    @Test
    void shouldRefuseASalesReceiptWhenTheCompanyHasNoDepositAccountOrPaymentMethod() {
        String unconfigured = "9130350000000077";

        create(typed(request(key, unconfigured, null), "SALES_RECEIPT", ""))
                .then().statusCode(422)
                .body("code", is("SALES_RECEIPT_NOT_CONFIGURED"))
                .body("message", containsString("need a deposit account and a payment method"));

        wireMock.verify(0, postRequestedFor(urlPathMatching("/v3/company/[0-9]+/salesreceipt")));
        assertEquals(0, count(key));
    }

    @Test
    void shouldCreateASalesReceiptWithTheDepositAccountAndPaymentMethodOfTheSettings() {
        String realm = "9130350000000055";
        stubSettingsLookups(realm);
        given().contentType(ContentType.JSON)
                .body("{\"depositAccountId\": \"1\", \"paymentMethodId\": \"3\"}")
                .when().put("/v1/companies/{realm}/document-settings", realm)
                .then().statusCode(200)
                .body("depositAccountId", is("1"))
                .body("paymentMethodId", is("3"))
                .body("docNumberPattern", is("HS-{objectId}"));
        wireMock.stubFor(post(urlPathEqualTo("/v3/company/" + realm + "/salesreceipt")).willReturn(okJson("""
                {"SalesReceipt": {"Id": "150", "SyncToken": "0", "DocNumber": "1001", "CustomerRef": {"value": "58"},
                 "TotalAmt": 13049.97, "Balance": 0}}""")));

        create(typed(request(key, realm, null), "SALES_RECEIPT", ""))
                .then().statusCode(201)
                .body("documentId", is("150"))
                .body("type", is("SALES_RECEIPT"));

        String body = wireMock.findAll(postRequestedFor(urlPathEqualTo("/v3/company/" + realm + "/salesreceipt")))
                .get(0).getBodyAsString();
        assertThat(body, allOf(containsString("\"DepositToAccountRef\":{\"value\":\"1\"}"),
                containsString("\"PaymentMethodRef\":{\"value\":\"3\"}")));
    }

    @Test
    void shouldRefuseSettingsWhoseDepositAccountIsNotABankOrOtherCurrentAssetAccount() {
        String realm = "9130350000000056";
        stubSettingsLookups(realm);

        given().contentType(ContentType.JSON).body("{\"depositAccountId\": \"3\", \"paymentMethodId\": \"3\"}")
                .when().put("/v1/companies/{realm}/document-settings", realm)
                .then().statusCode(422)
                .body("code", is("INVALID_DEPOSIT_ACCOUNT"))
                .body("message", containsString("\"Services\" has type Income"));
        given().contentType(ContentType.JSON).body("{\"depositAccountId\": \"1\", \"paymentMethodId\": \"99\"}")
                .when().put("/v1/companies/{realm}/document-settings", realm)
                .then().statusCode(422)
                .body("code", is("UNKNOWN_PAYMENT_METHOD"));
        given().contentType(ContentType.JSON).body("{\"docNumberPattern\": \"INV-{dealId}\"}")
                .when().put("/v1/companies/{realm}/document-settings", realm)
                .then().statusCode(422)
                .body("code", is("INVALID_DOC_NUMBER_PATTERN"))
                .body("message", containsString("{dealId}"));

        given().when().get("/v1/companies/{realm}/document-settings", realm)
                .then().statusCode(200)
                .body("depositAccountId", is((Object) null))
                .body("docNumberPattern", is("HS-{objectId}"));
    }

    @Test
    void shouldNumberTheDocumentWithThePatternWhenTheCompanyUsesCustomNumbers() {
        stubCustomNumbers(true);
        stubInvoiceCreated(0);

        create(request(key, REALM, null)).then().statusCode(201);
        create(request(key + "-2", REALM, null)).then().statusCode(201);

        List<LoggedRequest> posts = wireMock.findAll(postRequestedFor(urlPathEqualTo(INVOICE_PATH)));
        assertThat(posts.get(0).getBodyAsString(), containsString("\"DocNumber\":\"HS-301\""));
        // The preference is read once per company while cached.
        wireMock.verify(1, getRequestedFor(urlPathEqualTo("/v3/company/" + REALM + "/preferences")));
    }

    @Test
    void shouldReadThePreferenceAgainAfterTheCompanysSettingsAreSaved() {
        stubCustomNumbers(false);
        stubInvoiceCreated(0);
        create(request(key, REALM, null)).then().statusCode(201);
        stubCustomNumbers(true);

        given().contentType(ContentType.JSON).body("{\"docNumberPattern\": \"HS-{objectId}\"}")
                .when().put("/v1/companies/{realm}/document-settings", REALM)
                .then().statusCode(200);
        create(request(key + "-2", REALM, null)).then().statusCode(201);

        List<LoggedRequest> posts = wireMock.findAll(postRequestedFor(urlPathEqualTo(INVOICE_PATH)));
        assertThat(posts.get(0).getBodyAsString(), not(containsString("DocNumber")));
        assertThat(posts.get(1).getBodyAsString(), containsString("\"DocNumber\":\"HS-301\""));
        wireMock.verify(2, getRequestedFor(urlPathEqualTo("/v3/company/" + REALM + "/preferences")));
    }

    @Test
    void shouldRefuseADuplicateDocNumberNamingIt() {
        stubCustomNumbers(true);
        stubInvoiceFault(400, "6140", "Duplicate Document Number Error");

        create(request(key, REALM, null))
                .then().statusCode(422)
                .body("code", is("DUPLICATE_DOC_NUMBER"))
                .body("message", containsString("already has an invoice numbered \"HS-301\""));

        assertEquals("6140", row(key).getString("last_error_code"));
    }

    @Test
    void shouldRefuseANumberLongerThanQboAllowsBeforeWriting() {
        stubCustomNumbers(true);
        stubInvoiceCreated(0);
        String longId = "3".repeat(20);

        create(request(key, REALM, null).replace("\"objectId\": \"301\"", "\"objectId\": \"" + longId + "\""))
                .then().statusCode(422)
                .body("code", is("DOC_NUMBER_TOO_LONG"))
                .body("message", containsString("HS-" + longId));

        wireMock.verify(0, postRequestedFor(urlPathEqualTo(INVOICE_PATH)));
    }

    private void stubCustomNumbers(boolean on) {
        wireMock.stubFor(get(urlPathMatching("/v3/company/[0-9]+/preferences")).willReturn(okJson(
                "{\"Preferences\": {\"Id\": \"1\", \"SalesFormsPrefs\": {\"CustomTxnNumbers\": " + on + "}}}")));
    }

    private void stubMarkerLookup(String entity, String answer) {
        wireMock.stubFor(get(urlPathEqualTo(QUERY_PATH)).withQueryParam("query",
                containing("FROM " + entity + " WHERE CustomerRef = '58'")).willReturn(okJson(answer)));
    }

    private void stubSettingsLookups(String realm) {
        String query = "/v3/company/" + realm + "/query";
        wireMock.stubFor(get(urlPathEqualTo(query)).withQueryParam("query", equalTo("SELECT * FROM Account WHERE Id = '1'"))
                .willReturn(okJson("{\"QueryResponse\": {\"Account\": [{\"Id\": \"1\", \"Name\": \"Checking\","
                        + " \"AccountType\": \"Bank\", \"Active\": true}]}}")));
        wireMock.stubFor(get(urlPathEqualTo(query)).withQueryParam("query", equalTo("SELECT * FROM Account WHERE Id = '3'"))
                .willReturn(okJson("{\"QueryResponse\": {\"Account\": [{\"Id\": \"3\", \"Name\": \"Services\","
                        + " \"AccountType\": \"Income\", \"Active\": true}]}}")));
        wireMock.stubFor(get(urlPathEqualTo(query))
                .withQueryParam("query", equalTo("SELECT * FROM PaymentMethod WHERE Id = '3'"))
                .willReturn(okJson("{\"QueryResponse\": {\"PaymentMethod\": [{\"Id\": \"3\", \"Name\": \"Visa\","
                        + " \"Type\": \"CREDIT_CARD\", \"Active\": true}]}}")));
        wireMock.stubFor(get(urlPathEqualTo(query))
                .withQueryParam("query", equalTo("SELECT * FROM PaymentMethod WHERE Id = '99'"))
                .willReturn(okJson("{\"QueryResponse\": {}}")));
    }

    private static String typed(String body, String type, String extraFields) {
        return body.replace("\"type\": \"INVOICE\"", "\"type\": \"" + type + "\"" + extraFields);
    }

    private void stubInvoiceCreated(int delayMillis) {
        wireMock.stubFor(post(urlPathEqualTo(INVOICE_PATH)).willReturn(okJson("""
                {"Invoice": {"Id": "130", "SyncToken": "0", "DocNumber": "1001", "TxnDate": "2026-11-26",
                 "CustomerRef": {"value": "58", "name": "Ada Lovelace"}, "TotalAmt": 13049.97, "Balance": 13049.97},
                 "time": "2026-11-26T10:00:00.000-08:00"}""").withFixedDelay(delayMillis)));
    }

    private void stubInvoiceFault(int status, String code, String message) {
        wireMock.stubFor(post(urlPathEqualTo(INVOICE_PATH)).willReturn(aResponse().withStatus(status)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"Fault\": {\"Error\": [{\"Message\": \"" + message + "\", \"Detail\": \"" + message
                        + "\", \"code\": \"" + code + "\", \"element\": \"\"}], \"type\": \"ValidationFault\"},"
                        + " \"time\": \"2026-11-26T10:00:00.000-08:00\"}")));
    }

    private Response create(String body) {
        return given().contentType(ContentType.JSON).body(body).when().post("/v1/documents");
    }

    private String request(String idempotencyKey, String realmId, String termName) {
        return """
                {"idempotencyKey": "%s", "realmId": "%s", "type": "INVOICE", "customerId": "58", "termName": %s,
                 "txnDate": "2026-11-26",
                 "source": {"portalId": 40213377, "objectType": "DEAL", "objectId": "301", "callbackId": "%s"},
                 "lines": [{"itemId": "2", "description": "Annual Subscription", "quantity": 1, "unitPrice": 12000.00},
                           {"itemId": "7", "description": "Support hours", "quantity": 3, "unitPrice": 349.99}]}"""
                .formatted(idempotencyKey, realmId, termName == null ? "null" : "\"" + termName + "\"", callbackId);
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
