package dev.ledgerbridge.documents.service;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.ledgerbridge.documents.client.GatewayAccessTokenProvider;
import dev.ledgerbridge.documents.support.InjectWireMock;
import dev.ledgerbridge.documents.support.VendorWireMock;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code POST /v1/documents/preview} on the real PostgreSQL, QBO in WireMock: the document create would send, the
 * same refusals, and no write anywhere (no QBO POST, no document row).
 */
@QuarkusTest
@QuarkusTestResource(VendorWireMock.class)
class DocumentPreviewTest {

    static final String REALM = "9130350000000001";
    static final String QUERY_PATH = "/v3/company/" + REALM + "/query";

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
                .willReturn(okJson("{\"accessToken\": \"sandbox-qbo\", \"expiresAt\": \""
                        + OffsetDateTime.now().plusHours(1) + "\"}")));
        wireMock.stubFor(get(urlPathMatching("/v3/company/[0-9]+/query"))
                .withQueryParam("query", equalTo("SELECT * FROM Term WHERE Name = 'Net 30'"))
                .willReturn(okJson("{\"QueryResponse\": {\"Term\": [{\"Id\": \"3\", \"Name\": \"Net 30\", \"Active\": true,"
                        + " \"DueDays\": 30}], \"startPosition\": 1, \"maxResults\": 1}}")));
        wireMock.stubFor(get(urlPathEqualTo(QUERY_PATH))
                .withQueryParam("query", equalTo("SELECT * FROM Term WHERE Name = 'Net 45'"))
                .willReturn(okJson("{\"QueryResponse\": {}}")));
        stubCustomNumbers(false);
    }

    @Test
    void shouldAnswerTheInvoiceCreateWouldSendWithoutWritingAnything() {
        preview(request(REALM, "Net 30", "INVOICE", ""))
                .then().statusCode(200)
                .body("type", is("INVOICE"))
                .body("customerId", is("58"))
                .body("docNumber", nullValue())
                .body("termId", is("3"))
                .body("termName", is("Net 30"))
                .body("txnDate", is("2026-11-26"))
                .body("privateNote", is("LedgerBridge portal=40213377 object=DEAL/301 callback=" + callbackId))
                .body("lines", hasSize(2))
                .body("lines[1].itemId", is("7"))
                .body("lines[1].quantity", is(3))
                .body("lines[1].unitPrice", is(349.99f))
                .body("lines[1].amount", is(1049.97f))
                .body("totalAmount", is(13049.97f))
                .body("qboDocument.CustomerRef.value", is("58"))
                .body("qboDocument.SalesTermRef.value", is("3"))
                .body("qboDocument.Line[0].SalesItemLineDetail.ItemRef.value", is("2"));

        wireMock.verify(0, postRequestedFor(urlPathMatching("/v3/company/.*")));
        assertEquals(0, count(key));
    }

    @Test
    void shouldShowTheNumberThePatternGivesWhenTheCompanyUsesCustomNumbers() {
        stubCustomNumbers(true);

        preview(request(REALM, null, "INVOICE", ""))
                .then().statusCode(200)
                .body("docNumber", is("HS-301"))
                .body("termId", nullValue())
                .body("qboDocument.DocNumber", is("HS-301"));

        wireMock.verify(0, postRequestedFor(urlPathMatching("/v3/company/.*")));
    }

    @Test
    void shouldShowAnEstimateWithItsExpirationDate() {
        preview(request(REALM, null, "ESTIMATE", ", \"expirationDate\": \"2026-12-26\""))
                .then().statusCode(200)
                .body("type", is("ESTIMATE"))
                .body("expirationDate", is("2026-12-26"))
                .body("qboDocument.ExpirationDate", is("2026-12-26"))
                .body("totalAmount", is(13049.97f));
    }

    @Test
    void shouldShowTheDepositAccountAndPaymentMethodOfASalesReceipt() {
        preview(request(REALM, null, "SALES_RECEIPT", ", \"depositAccountId\": \"1\", \"paymentMethodId\": \"3\""))
                .then().statusCode(200)
                .body("type", is("SALES_RECEIPT"))
                .body("depositAccountId", is("1"))
                .body("paymentMethodId", is("3"))
                .body("qboDocument.DepositToAccountRef.value", is("1"))
                .body("qboDocument.PaymentMethodRef.value", is("3"));
    }

    @Test
    void shouldRefuseLikeCreateWithoutWritingAnything() {
        preview(request("9130350000000077", null, "SALES_RECEIPT", ""))
                .then().statusCode(422)
                .body("code", is("SALES_RECEIPT_NOT_CONFIGURED"));
        preview(request(REALM, "Net 45", "INVOICE", ""))
                .then().statusCode(422)
                .body("code", is("UNKNOWN_TERM"))
                .body("message", containsString("Net 45"));
        preview(request(REALM, "Net 30", "ESTIMATE", ""))
                .then().statusCode(422)
                .body("code", is("FIELD_NOT_APPLICABLE"));
        preview(request(REALM, null, "INVOICE", "").replace("\"unitPrice\": 349.99", "\"unitPrice\": 349.995"))
                .then().statusCode(422)
                .body("code", is("INVALID_LINES"));
        preview(request(REALM, null, "INVOICE", "").replace("\"customerId\": \"58\"", "\"customerId\": \"x\""))
                .then().statusCode(400)
                .body("code", is("INVALID_REQUEST"));

        wireMock.verify(0, postRequestedFor(urlPathMatching("/v3/company/.*")));
        assertEquals(0, count(key));
    }

    private void stubCustomNumbers(boolean on) {
        wireMock.stubFor(get(urlPathMatching("/v3/company/[0-9]+/preferences")).willReturn(okJson(
                "{\"Preferences\": {\"Id\": \"1\", \"SalesFormsPrefs\": {\"CustomTxnNumbers\": " + on + "}}}")));
    }

    private Response preview(String body) {
        return given().contentType(ContentType.JSON).body(body).when().post("/v1/documents/preview");
    }

    private String request(String realmId, String termName, String type, String extraFields) {
        return """
                {"idempotencyKey": "%s", "realmId": "%s", "type": "%s"%s, "customerId": "58", "termName": %s,
                 "txnDate": "2026-11-26",
                 "source": {"portalId": 40213377, "objectType": "DEAL", "objectId": "301", "callbackId": "%s"},
                 "lines": [{"itemId": "2", "description": "Annual Subscription", "quantity": 1, "unitPrice": 12000.00},
                           {"itemId": "7", "description": "Support hours", "quantity": 3, "unitPrice": 349.99}]}"""
                .formatted(key, realmId, type, extraFields, termName == null ? "null" : "\"" + termName + "\"",
                        callbackId);
    }

    private long count(String idempotencyKey) {
        return pool.preparedQuery("SELECT count(*) AS n FROM document WHERE idempotency_key = $1")
                .execute(Tuple.of(idempotencyKey)).await().atMost(Duration.ofSeconds(10)).iterator().next().getLong("n");
    }
}
