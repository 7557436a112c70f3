package dev.ledgerbridge.payments.rest;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import au.com.dius.pact.core.model.ProviderState;
import au.com.dius.pact.provider.junit5.HttpTestTarget;
import au.com.dius.pact.provider.junit5.PactVerificationContext;
import au.com.dius.pact.provider.junit5.PactVerificationInvocationContextProvider;
import au.com.dius.pact.provider.junitsupport.Provider;
import au.com.dius.pact.provider.junitsupport.State;
import au.com.dius.pact.provider.junitsupport.loader.PactFolder;
import com.github.tomakehurst.wiremock.WireMockServer;
import dev.ledgerbridge.auth.testing.TestTokens;
import dev.ledgerbridge.payments.support.DownstreamWireMock;
import dev.ledgerbridge.payments.support.InjectWireMock;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.net.URL;
import java.time.Duration;
import org.apache.hc.core5.http.HttpRequest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestTemplate;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Verifies the gateway's pact (src/test/resources/pacts, copied from the gateway's target/pacts) against the real
 * resource, policy, ledger and database, with contact-sync, product-catalog and document-service in WireMock
 * (style guide 18).
 */
@QuarkusTest
@QuarkusTestResource(DownstreamWireMock.class)
@Provider("payments-bridge-service")
@PactFolder("pacts")
class GatewayPactVerificationTest {

    static final String PAID_INVOICE_ACCEPTED = "payment 601 was not bridged as a paid invoice and the services accept it";
    static final String PAID_INVOICE_DONE = "payment 601 was already bridged as a paid invoice";
    static final String PAID_INVOICE_BUSY = "payment 601 is being bridged as a paid invoice by another caller right now";
    static final String SALES_RECEIPT_ACCEPTED =
            "payment 601 was not bridged as a sales receipt and the services accept it";
    static final String FEE_ACCEPTED = "payment 603 was not bridged as a fee expense and the services accept it";
    static final String REFUND_ACCEPTED = "payment 604 was not bridged as a refund receipt and the services accept it";
    static final String HAS_SETTINGS = "the US company has payment settings";
    static final String COMPANY_CONNECTED = "the US company is connected";
    private static final String REALM = "9130350000000001";
    private static final long PORTAL = 40213377L;
    private static final String DOCUMENTS = "/v1/documents";

    @InjectWireMock
    WireMockServer wireMock;

    @Inject
    Pool pool;

    @TestHTTPResource("/")
    URL service;

    // CDI is not available inside @State methods, so each state is prepared here from the interaction's state name.
    @BeforeEach
    void prepare(PactVerificationContext context) {
        context.setTarget(new HttpTestTarget(service.getHost(), service.getPort()));
        wireMock.resetAll();
        // The pact's payments are fixed examples: each interaction starts without ledger rows for them.
        sql("DELETE FROM bridged_payment WHERE portal_id = $1 AND payment_id IN ('601', '602', '603', '604')",
                Tuple.of(PORTAL));
        sql("DELETE FROM payment_settings WHERE realm_id = $1", Tuple.of(REALM));
        for (ProviderState state : context.getInteraction().getProviderStates()) {
            switch (state.getName()) {
                case PAID_INVOICE_ACCEPTED -> {
                    servicesAccept();
                    stubDocument("PAID_INVOICE", "{\"documentId\": \"130\", \"docNumber\": \"1001\", \"type\":"
                            + " \"PAID_INVOICE\", \"totalAmount\": 1500.00, \"customerId\": \"58\", \"paymentId\":"
                            + " \"131\", \"replayed\": false}");
                }
                case PAID_INVOICE_DONE -> sql("""
                        INSERT INTO bridged_payment (portal_id, payment_id, action_type, realm_id, state, result,
                                                     completed_at, callback_id)
                        VALUES ($1, '601', 'PAID_INVOICE', $2, 'SUCCEEDED', $3::text::jsonb, now(), 'ap-earlier')""",
                        Tuple.of(PORTAL, REALM, "{\"outcome\": \"CREATED\", \"documentType\": \"Invoice\","
                                + " \"documentId\": \"130\", \"docNumber\": \"1001\", \"total\": 1500.00,"
                                + " \"paymentId\": \"131\", \"code\": null, \"message\": null}"));
                case PAID_INVOICE_BUSY -> sql("""
                        INSERT INTO bridged_payment (portal_id, payment_id, action_type, realm_id, state, callback_id,
                                                     claim_token, claimed_at)
                        VALUES ($1, '601', 'PAID_INVOICE', $2, 'PENDING', 'ap-other', gen_random_uuid(), now())""",
                        Tuple.of(PORTAL, REALM));
                case SALES_RECEIPT_ACCEPTED -> {
                    servicesAccept();
                    stubDocument("SALES_RECEIPT", "{\"documentId\": \"150\", \"docNumber\": \"1002\", \"type\":"
                            + " \"SALES_RECEIPT\", \"totalAmount\": 1500.00, \"customerId\": \"58\", \"replayed\": false}");
                }
                case FEE_ACCEPTED -> {
                    settings();
                    stubDocument("FEE_EXPENSE", "{\"documentId\": \"77\", \"docNumber\": null, \"type\":"
                            + " \"FEE_EXPENSE\", \"totalAmount\": 43.80, \"customerId\": null, \"replayed\": false}");
                }
                case REFUND_ACCEPTED -> {
                    servicesAccept();
                    stubDocument("REFUND_RECEIPT", "{\"documentId\": \"160\", \"docNumber\": \"1003\", \"type\":"
                            + " \"REFUND_RECEIPT\", \"totalAmount\": 349.99, \"customerId\": \"58\", \"replayed\": false}");
                }
                case HAS_SETTINGS -> settings();
                case COMPANY_CONNECTED -> {
                    // The policy refuses or no-ops these before any service or database settings are read.
                }
                default -> throw new IllegalStateException("Unknown provider state: " + state.getName());
            }
        }
    }

    /** Marks the states this test knows; they are prepared in {@link #prepare}. */
    @State({ PAID_INVOICE_ACCEPTED, PAID_INVOICE_DONE, PAID_INVOICE_BUSY, SALES_RECEIPT_ACCEPTED, FEE_ACCEPTED,
            REFUND_ACCEPTED, HAS_SETTINGS, COMPANY_CONNECTED })
    void knownStates() {
        // Prepared in @BeforeEach, where the WireMock server and the database pool are injected.
    }

    @TestTemplate
    @ExtendWith(PactVerificationInvocationContextProvider.class)
    void shouldHonourTheGatewaysPact(PactVerificationContext context, HttpRequest request) {
        // The gateway's pact leaves authentication out (its token is its own); the replay carries a valid token for
        // this service, as the gateway's calls do.
        request.setHeader("Authorization", "Bearer " + TestTokens.service("payments-bridge-service"));
        context.verifyInteraction();
    }

    private void servicesAccept() {
        settings();
        wireMock.stubFor(post(urlPathEqualTo("/v1/customers/resolve")).willReturn(okJson(
                "{\"contactId\": \"101\", \"customerId\": \"58\", \"displayName\": \"Ada Lovelace\","
                        + " \"resolution\": \"LINKED\"}")));
        wireMock.stubFor(post(urlPathEqualTo("/v1/line-items/resolve")).willReturn(okJson(
                "{\"lines\": [{\"lineItemId\": \"461\", \"itemId\": \"2\", \"itemName\": \"Onboarding Package\","
                        + " \"matchedBy\": \"SKU\", \"quantity\": 1, \"unitPrice\": 1500.00, \"amount\": 1500.00}]}")));
    }

    private void stubDocument(String type, String answer) {
        wireMock.stubFor(post(urlPathEqualTo(DOCUMENTS)).withRequestBody(matchingJsonPath("$.type", equalTo(type)))
                .willReturn(aResponse().withStatus(201).withHeader("Content-Type", "application/json")
                        .withBody(answer)));
    }

    private void settings() {
        sql("""
                INSERT INTO payment_settings (realm_id, deposit_account_id, fee_expense_account_id,
                    fee_payment_account_id, fee_vendor_id, refund_from_account_id)
                VALUES ($1, '35', '12', '35', '56', '35')""", Tuple.of(REALM));
    }

    private void sql(String statement, Tuple args) {
        pool.preparedQuery(statement).execute(args).await().atMost(Duration.ofSeconds(10));
    }
}
