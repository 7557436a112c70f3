package dev.ledgerbridge.documents.rest;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static io.restassured.RestAssured.given;

import au.com.dius.pact.core.model.ProviderState;
import au.com.dius.pact.provider.junit5.HttpTestTarget;
import au.com.dius.pact.provider.junit5.PactVerificationContext;
import au.com.dius.pact.provider.junit5.PactVerificationInvocationContextProvider;
import au.com.dius.pact.provider.junitsupport.Provider;
import au.com.dius.pact.provider.junitsupport.State;
import au.com.dius.pact.provider.junitsupport.loader.PactFolder;
import com.github.tomakehurst.wiremock.WireMockServer;
import dev.ledgerbridge.auth.testing.TestTokens;
import dev.ledgerbridge.documents.client.GatewayAccessTokenProvider;
import dev.ledgerbridge.documents.service.DocumentNumbering;
import dev.ledgerbridge.documents.service.PaymentTermResolver;
import dev.ledgerbridge.documents.support.InjectWireMock;
import dev.ledgerbridge.documents.support.VendorWireMock;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.net.URL;
import java.time.Duration;
import java.time.OffsetDateTime;
import org.apache.hc.core5.http.HttpRequest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestTemplate;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Verifies the gateway's pact (src/test/resources/pacts, copied from the gateway's target/pacts) against the real
 * resource, service and database, with QBO and the gateway's token endpoint in WireMock (style guide 18).
 */
@QuarkusTest
@QuarkusTestResource(VendorWireMock.class)
@Provider("document-service")
@PactFolder("pacts")
class GatewayPactVerificationTest {

    static final String QBO_ACCEPTS = "no document exists for the key and QBO accepts the invoice";
    static final String ALREADY_CREATED = "the invoice for the key ap-pact-replay was already created";
    static final String QBO_REJECTS = "QBO rejects the invoice";
    static final String NO_NET_45 = "the US company has no payment term Net 45";
    static final String QBO_THROTTLES = "QBO keeps throttling the invoice";
    static final String COMPANY_CONNECTED = "the US company is connected";
    // Issue 6 request shapes (estimates, sales receipts, custom numbers): ready for the gateway's coming pacts.
    static final String ESTIMATE_ACCEPTED = "no document exists for the key and QBO accepts the estimate";
    static final String SALES_RECEIPT_ACCEPTED =
            "the US company has sales receipt settings and QBO accepts the sales receipt";
    static final String NO_SALES_RECEIPT_SETTINGS = "the US company has no sales receipt settings";
    static final String CUSTOM_NUMBERS = "the US company numbers its own documents";
    static final String DUPLICATE_NUMBER = "QBO already holds an invoice numbered HS-301";
    // Issue 7: payments-bridge-service's pact.
    static final String PAID_INVOICE_ACCEPTED =
            "no document exists for the key and QBO accepts the paid invoice and its payment";
    static final String FEE_EXPENSE_ACCEPTED = "no document exists for the key and QBO accepts the fee expense";
    static final String REFUND_RECEIPT_ACCEPTED = "no document exists for the key and QBO accepts the refund receipt";
    static final String RECEIPT_ACCOUNTS = "the US company has Bank account 1 and payment method 3 in QBO";
    private static final String REALM = "9130350000000001";
    private static final String INVOICE_PATH = "/v3/company/" + REALM + "/invoice";
    private static final String QUERY_PATH = "/v3/company/" + REALM + "/query";

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

    @TestHTTPResource("/")
    URL service;

    // CDI is not available inside @State methods, so each state is prepared here from the interaction's state name.
    @BeforeEach
    void prepare(PactVerificationContext context) {
        context.setTarget(new HttpTestTarget(service.getHost(), service.getPort()));
        wireMock.resetAll();
        tokens.invalidateAll();
        terms.invalidateAll();
        numbering.invalidateAll();
        // The pact's idempotency keys are fixed examples: each interaction starts without a row for its key.
        pool.query("DELETE FROM document WHERE idempotency_key LIKE '40213377:ap-pact-%'"
                        + " OR idempotency_key LIKE '40213377:payment-pact-%'").execute()
                .await().atMost(Duration.ofSeconds(10));
        wireMock.stubFor(get(urlPathMatching("/internal/v1/quickbooks/[0-9]+/access-token"))
                .willReturn(okJson("{\"accessToken\": \"sandbox-qbo-" + REALM + "\", \"expiresAt\": \""
                        + OffsetDateTime.now().plusHours(1) + "\"}")));
        // The gateway's pact is about invoices QBO numbers itself: "custom transaction numbers" off.
        wireMock.stubFor(get(urlPathEqualTo("/v3/company/" + REALM + "/preferences")).willReturn(okJson(
                "{\"Preferences\": {\"Id\": \"1\", \"SalesFormsPrefs\": {\"CustomTxnNumbers\": false}}}")));
        // A retried key first looks for an earlier attempt's invoice by its PrivateNote marker; QBO holds none here.
        // (Pact's HTTP client itself retries a 503 with Retry-After once, so the throttled interaction is a retry.)
        wireMock.stubFor(get(urlPathEqualTo(QUERY_PATH)).withQueryParam("query",
                containing("FROM Invoice WHERE CustomerRef")).willReturn(okJson("{\"QueryResponse\": {}}")));
        stubTerm("Net 30", "{\"QueryResponse\": {\"Term\": [{\"Id\": \"3\", \"Name\": \"Net 30\", \"Active\": true,"
                + " \"DueDays\": 30}], \"startPosition\": 1, \"maxResults\": 1}}");
        for (ProviderState state : context.getInteraction().getProviderStates()) {
            switch (state.getName()) {
                case QBO_ACCEPTS -> stubInvoiceCreated();
                case ALREADY_CREATED -> {
                    stubInvoiceCreated();
                    // The earlier execution sent this very request: create it once, so the pact's request replays.
                    String body = context.getInteraction().asSynchronousRequestResponse().getRequest().getBody()
                            .valueAsString();
                    given().contentType(ContentType.JSON).body(body).when().post("/v1/documents")
                            .then().statusCode(201);
                }
                case QBO_REJECTS -> wireMock.stubFor(post(urlPathEqualTo(INVOICE_PATH)).willReturn(aResponse()
                        .withStatus(400).withHeader("Content-Type", "application/json")
                        .withBody("{\"Fault\": {\"Error\": [{\"Message\": \"A business validation error has occurred"
                                + " while processing your request\", \"Detail\": \"Business Validation Error: The"
                                + " customer is inactive.\", \"code\": \"6000\", \"element\": \"\"}],"
                                + " \"type\": \"ValidationFault\"}, \"time\": \"2026-11-26T10:00:00.000-08:00\"}")));
                case NO_NET_45 -> {
                    stubTerm("Net 45", "{\"QueryResponse\": {}}");
                    stubInvoiceCreated();
                }
                // Every attempt of the client (the test profile allows one retry) is throttled.
                case QBO_THROTTLES -> wireMock.stubFor(post(urlPathEqualTo(INVOICE_PATH))
                        .willReturn(aResponse().withStatus(429)));
                case COMPANY_CONNECTED -> {
                    // The token and term stubs above are all a connected company needs; invalid lines reach no QBO.
                }
                case ESTIMATE_ACCEPTED -> wireMock.stubFor(post(urlPathEqualTo("/v3/company/" + REALM + "/estimate"))
                        .willReturn(okJson("""
                                {"Estimate": {"Id": "140", "SyncToken": "0", "DocNumber": "1001", "TxnDate": "2026-11-26",
                                 "CustomerRef": {"value": "58"}, "TotalAmt": 12000.00}}""")));
                case SALES_RECEIPT_ACCEPTED -> {
                    settings(REALM, "1", "3");
                    wireMock.stubFor(post(urlPathEqualTo("/v3/company/" + REALM + "/salesreceipt")).willReturn(okJson("""
                            {"SalesReceipt": {"Id": "150", "SyncToken": "0", "DocNumber": "1001", "TxnDate": "2026-11-26",
                             "CustomerRef": {"value": "58"}, "TotalAmt": 12000.00, "Balance": 0}}""")));
                }
                case NO_SALES_RECEIPT_SETTINGS -> pool.query("DELETE FROM document_settings WHERE realm_id = '" + REALM + "'")
                        .execute().await().atMost(Duration.ofSeconds(10));
                case CUSTOM_NUMBERS -> {
                    stubCustomNumbers();
                    stubInvoiceCreated();
                }
                case DUPLICATE_NUMBER -> {
                    stubCustomNumbers();
                    wireMock.stubFor(post(urlPathEqualTo(INVOICE_PATH)).willReturn(aResponse().withStatus(400)
                            .withHeader("Content-Type", "application/json")
                            .withBody("{\"Fault\": {\"Error\": [{\"Message\": \"Duplicate Document Number Error\","
                                    + " \"Detail\": \"Duplicate Document Number Error : You must specify a different"
                                    + " number. This number has already been used.\", \"code\": \"6140\","
                                    + " \"element\": \"DocNumber\"}], \"type\": \"ValidationFault\"}}")));
                }
                case PAID_INVOICE_ACCEPTED -> {
                    stubInvoiceCreated();
                    stubNoEarlierAttempt("Payment");
                    wireMock.stubFor(post(urlPathEqualTo("/v3/company/" + REALM + "/payment")).willReturn(okJson("""
                            {"Payment": {"Id": "131", "SyncToken": "0", "TxnDate": "2026-01-10", "TotalAmt": 1500.00,
                             "CustomerRef": {"value": "58"}, "DepositToAccountRef": {"value": "35"}}}""")));
                }
                case FEE_EXPENSE_ACCEPTED -> {
                    stubNoEarlierAttempt("Purchase");
                    // The paying account decides PaymentType (Cash for a Bank account).
                    String checking = "{\"Id\": \"35\", \"Name\": \"Checking\", \"AccountType\": \"Bank\","
                            + " \"Active\": true}";
                    wireMock.stubFor(get(urlPathEqualTo("/v3/company/" + REALM + "/account/35"))
                            .willReturn(okJson("{\"Account\": " + checking + "}")));
                    wireMock.stubFor(get(urlPathEqualTo(QUERY_PATH)).withQueryParam("query", containing("FROM Account"))
                            .willReturn(okJson("{\"QueryResponse\": {\"Account\": [" + checking + "],"
                                    + " \"startPosition\": 1, \"maxResults\": 1}}")));
                    wireMock.stubFor(post(urlPathEqualTo("/v3/company/" + REALM + "/purchase")).willReturn(okJson("""
                            {"Purchase": {"Id": "170", "SyncToken": "0", "TxnDate": "2026-01-10", "TotalAmt": 43.80,
                             "PaymentType": "Cash", "AccountRef": {"value": "35"}, "EntityRef": {"value": "56"}}}""")));
                }
                case REFUND_RECEIPT_ACCEPTED -> {
                    stubNoEarlierAttempt("RefundReceipt");
                    wireMock.stubFor(post(urlPathEqualTo("/v3/company/" + REALM + "/refundreceipt")).willReturn(okJson("""
                            {"RefundReceipt": {"Id": "180", "SyncToken": "0", "DocNumber": "1003", "TxnDate": "2026-01-10",
                             "CustomerRef": {"value": "58"}, "TotalAmt": 1500.00, "DepositToAccountRef": {"value": "35"}}}""")));
                }
                case RECEIPT_ACCOUNTS -> {
                    wireMock.stubFor(get(urlPathEqualTo(QUERY_PATH))
                            .withQueryParam("query", equalTo("SELECT * FROM Account WHERE Id = '1'"))
                            .willReturn(okJson("{\"QueryResponse\": {\"Account\": [{\"Id\": \"1\", \"Name\":"
                                    + " \"Checking\", \"AccountType\": \"Bank\", \"Active\": true}]}}")));
                    wireMock.stubFor(get(urlPathEqualTo(QUERY_PATH))
                            .withQueryParam("query", equalTo("SELECT * FROM PaymentMethod WHERE Id = '3'"))
                            .willReturn(okJson("{\"QueryResponse\": {\"PaymentMethod\": [{\"Id\": \"3\", \"Name\":"
                                    + " \"Visa\", \"Type\": \"CREDIT_CARD\", \"Active\": true}]}}")));
                }
                default -> throw new IllegalStateException("Unknown provider state: " + state.getName());
            }
        }
    }

    /** Marks the states this test knows; they are prepared in {@link #prepare}. */
    @State({ QBO_ACCEPTS, ALREADY_CREATED, QBO_REJECTS, NO_NET_45, QBO_THROTTLES, COMPANY_CONNECTED, ESTIMATE_ACCEPTED,
            SALES_RECEIPT_ACCEPTED, NO_SALES_RECEIPT_SETTINGS, CUSTOM_NUMBERS, DUPLICATE_NUMBER, PAID_INVOICE_ACCEPTED,
            FEE_EXPENSE_ACCEPTED, REFUND_RECEIPT_ACCEPTED, RECEIPT_ACCOUNTS })
    void knownStates() {
        // Prepared in @BeforeEach, where the WireMock server, the caches and the database pool are injected.
    }

    @TestTemplate
    @ExtendWith(PactVerificationInvocationContextProvider.class)
    void shouldHonourTheGatewaysPact(PactVerificationContext context, HttpRequest request) {
        // The consumers' pacts leave authentication out (each caller's token is its own); the replay carries a valid
        // token for this service, as the gateway's and payments-bridge's calls do.
        request.setHeader("Authorization", "Bearer " + TestTokens.service("document-service"));
        context.verifyInteraction();
    }

    // A retried key looks for an earlier attempt's entity by its PrivateNote marker; QBO holds none here.
    private void stubNoEarlierAttempt(String entity) {
        wireMock.stubFor(get(urlPathEqualTo(QUERY_PATH)).withQueryParam("query", containing("FROM " + entity))
                .willReturn(okJson("{\"QueryResponse\": {}}")));
    }

    private void stubTerm(String name, String answer) {
        wireMock.stubFor(get(urlPathEqualTo(QUERY_PATH))
                .withQueryParam("query", equalTo("SELECT * FROM Term WHERE Name = '" + name + "'"))
                .willReturn(okJson(answer)));
    }

    private void stubCustomNumbers() {
        numbering.invalidateAll();
        wireMock.stubFor(get(urlPathEqualTo("/v3/company/" + REALM + "/preferences")).willReturn(okJson(
                "{\"Preferences\": {\"Id\": \"1\", \"SalesFormsPrefs\": {\"CustomTxnNumbers\": true}}}")));
    }

    private void settings(String realm, String depositAccountId, String paymentMethodId) {
        pool.preparedQuery("""
                        INSERT INTO document_settings (realm_id, deposit_account_id, payment_method_id)
                        VALUES ($1, $2, $3) ON CONFLICT (realm_id) DO UPDATE
                        SET deposit_account_id = EXCLUDED.deposit_account_id, payment_method_id = EXCLUDED.payment_method_id""")
                .execute(Tuple.of(realm, depositAccountId, paymentMethodId))
                .await().atMost(Duration.ofSeconds(10));
    }

    private void stubInvoiceCreated() {
        wireMock.stubFor(post(urlPathEqualTo(INVOICE_PATH)).willReturn(okJson("""
                {"Invoice": {"Id": "130", "SyncToken": "0", "DocNumber": "1001", "TxnDate": "2026-11-26",
                 "CustomerRef": {"value": "58", "name": "Ada Lovelace"}, "TotalAmt": 12000.00, "Balance": 12000.00},
                 "time": "2026-11-26T10:00:00.000-08:00"}""")));
    }
}
