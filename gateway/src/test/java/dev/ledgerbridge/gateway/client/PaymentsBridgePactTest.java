package dev.ledgerbridge.gateway.client;

import static au.com.dius.pact.consumer.dsl.LambdaDsl.newJsonBody;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import au.com.dius.pact.consumer.dsl.DslPart;
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
 * Consumer side of the gateway -> payments-bridge-service contract (issue 7, contract B and C's GET), exercised
 * through the real {@link PaymentsBridgeClient} and {@link PaymentSettingsClient} beans: each outcome of
 * {@code POST /v1/payment-actions} (created for each action, replayed, refused, no-op), the 429 while the same
 * payment is being bridged, and the settings read the admin API proxies. The payments are the sandbox's seed
 * (601 payment link, 602 from a HubSpot invoice, 603 with a fee, 604 fully refunded).
 */
@QuarkusTest
@TestProfile(PactMockServerProfile.class)
@ExtendWith(PactConsumerTestExt.class)
@PactTestFor(providerName = PaymentsBridgePactTest.PROVIDER, hostInterface = PactMockServerProfile.HOST,
        port = PactMockServerProfile.PORT, pactVersion = PactSpecVersion.V4)
@PactDirectory("target/pacts")
class PaymentsBridgePactTest {

    static final String PROVIDER = "payments-bridge-service";
    private static final String REALM = "9130350000000001";
    private static final long PORTAL = 40213377L;
    private static final LocalDate DATE = LocalDate.of(2026, 1, 10);
    private static final Map<String, String> JSON = Map.of("Content-Type", "application/json");
    private static final String PATH = "/v1/payment-actions";

    @Inject
    PaymentsBridgeClient client;

    @Inject
    PaymentSettingsClient settings;

    @Pact(consumer = "gateway", provider = PROVIDER)
    V4Pact createsThePaidInvoice(PactDslWithProvider builder) {
        return builder
                .given("payment 601 was not bridged as a paid invoice and the services accept it")
                .uponReceiving("a request to bridge payment 601 as a paid invoice")
                .method("POST").path(PATH)
                .headers(JSON)
                .matchHeader(ServiceHeaders.CORRELATION_ID, "[ -~]{1,200}", "ap-pact-paid-invoice")
                .body(requestBody(payment601("ap-pact-paid-invoice", "PAID_INVOICE")))
                .willRespondWith()
                .status(200)
                .headers(JSON)
                .body(newJsonBody(body -> {
                    body.stringValue("outcome", "CREATED");
                    body.stringValue("documentType", "Invoice");
                    body.stringMatcher("documentId", "[0-9]{1,32}", "130");
                    body.stringType("docNumber", "1001");
                    body.numberType("total", new BigDecimal("1500.00"));
                    body.stringMatcher("paymentId", "[0-9]{1,32}", "131");
                }).build())
                .toPact(V4Pact.class);
    }

    @Pact(consumer = "gateway", provider = PROVIDER)
    V4Pact replaysThePaidInvoice(PactDslWithProvider builder) {
        return builder
                .given("payment 601 was already bridged as a paid invoice")
                .uponReceiving("a request from another workflow to bridge payment 601 as a paid invoice again")
                .method("POST").path(PATH)
                .headers(JSON)
                .matchHeader(ServiceHeaders.CORRELATION_ID, "[ -~]{1,200}", "ap-pact-paid-invoice-again")
                .body(requestBody(payment601("ap-pact-paid-invoice-again", "PAID_INVOICE")))
                .willRespondWith()
                .status(200)
                .headers(JSON)
                .body(newJsonBody(body -> {
                    body.stringValue("outcome", "REPLAYED");
                    body.stringValue("documentType", "Invoice");
                    body.stringMatcher("documentId", "[0-9]{1,32}", "130");
                    body.stringType("docNumber", "1001");
                    body.numberType("total", new BigDecimal("1500.00"));
                    body.stringMatcher("paymentId", "[0-9]{1,32}", "131");
                }).build())
                .toPact(V4Pact.class);
    }

    @Pact(consumer = "gateway", provider = PROVIDER)
    V4Pact createsThePaymentSalesReceipt(PactDslWithProvider builder) {
        return builder
                .given("payment 601 was not bridged as a sales receipt and the services accept it")
                .uponReceiving("a request to bridge payment 601 as a sales receipt")
                .method("POST").path(PATH)
                .headers(JSON)
                .matchHeader(ServiceHeaders.CORRELATION_ID, "[ -~]{1,200}", "ap-pact-sales-receipt")
                .body(requestBody(payment601("ap-pact-sales-receipt", "SALES_RECEIPT")))
                .willRespondWith()
                .status(200)
                .headers(JSON)
                .body(newJsonBody(body -> {
                    body.stringValue("outcome", "CREATED");
                    body.stringValue("documentType", "SalesReceipt");
                    body.stringMatcher("documentId", "[0-9]{1,32}", "150");
                    body.stringType("docNumber", "1002");
                    body.numberType("total", new BigDecimal("1500.00"));
                }).build())
                .toPact(V4Pact.class);
    }

    @Pact(consumer = "gateway", provider = PROVIDER)
    V4Pact createsTheFeeExpense(PactDslWithProvider builder) {
        return builder
                .given("payment 603 was not bridged as a fee expense and the services accept it")
                .uponReceiving("a request to bridge the fee of payment 603 as an expense")
                .method("POST").path(PATH)
                .headers(JSON)
                .matchHeader(ServiceHeaders.CORRELATION_ID, "[ -~]{1,200}", "ap-pact-fee")
                .body(requestBody(payment603("ap-pact-fee")))
                .willRespondWith()
                .status(200)
                .headers(JSON)
                .body(newJsonBody(body -> {
                    body.stringValue("outcome", "CREATED");
                    body.stringValue("documentType", "Purchase");
                    body.stringMatcher("documentId", "[0-9]{1,32}", "77");
                    body.numberType("total", new BigDecimal("43.80"));
                }).build())
                .toPact(V4Pact.class);
    }

    @Pact(consumer = "gateway", provider = PROVIDER)
    V4Pact createsTheRefundReceipt(PactDslWithProvider builder) {
        return builder
                .given("payment 604 was not bridged as a refund receipt and the services accept it")
                .uponReceiving("a request to bridge the full refund of payment 604")
                .method("POST").path(PATH)
                .headers(JSON)
                .matchHeader(ServiceHeaders.CORRELATION_ID, "[ -~]{1,200}", "ap-pact-refund")
                .body(requestBody(payment604("ap-pact-refund")))
                .willRespondWith()
                .status(200)
                .headers(JSON)
                .body(newJsonBody(body -> {
                    body.stringValue("outcome", "CREATED");
                    body.stringValue("documentType", "RefundReceipt");
                    body.stringMatcher("documentId", "[0-9]{1,32}", "160");
                    body.stringType("docNumber", "1003");
                    body.numberType("total", new BigDecimal("349.99"));
                }).build())
                .toPact(V4Pact.class);
    }

    @Pact(consumer = "gateway", provider = PROVIDER)
    V4Pact refusesAPaymentOfAHubSpotInvoice(PactDslWithProvider builder) {
        return builder
                .given("the US company is connected")
                .uponReceiving("a request to bridge payment 602, made for a HubSpot invoice, as a sales receipt")
                .method("POST").path(PATH)
                .headers(JSON)
                .matchHeader(ServiceHeaders.CORRELATION_ID, "[ -~]{1,200}", "ap-pact-source-invoice")
                .body(requestBody(payment602("ap-pact-source-invoice")))
                .willRespondWith()
                .status(200)
                .headers(JSON)
                .body(newJsonBody(body -> {
                    // The code is the contract (HubSpot gets it as error_code); the wording is not.
                    body.stringValue("outcome", "REFUSED");
                    body.stringValue("code", "SOURCE_IS_INVOICE");
                    body.stringType("message", "Payment 602 pays a HubSpot invoice; QuickBooks gets no second"
                            + " document for it.");
                }).build())
                .toPact(V4Pact.class);
    }

    @Pact(consumer = "gateway", provider = PROVIDER)
    V4Pact answersNoFeeAsANoOp(PactDslWithProvider builder) {
        return builder
                .given("the US company is connected")
                .uponReceiving("a request to bridge the fee of payment 601, which has none")
                .method("POST").path(PATH)
                .headers(JSON)
                .matchHeader(ServiceHeaders.CORRELATION_ID, "[ -~]{1,200}", "ap-pact-no-fee")
                .body(requestBody(payment601("ap-pact-no-fee", "FEE_EXPENSE")))
                .willRespondWith()
                .status(200)
                .headers(JSON)
                .body(newJsonBody(body -> {
                    body.stringValue("outcome", "NO_OP");
                    body.stringValue("code", "NO_FEE");
                    body.stringType("message", "Payment 601 has no processing fee; there is nothing to book.");
                }).build())
                .toPact(V4Pact.class);
    }

    @Pact(consumer = "gateway", provider = PROVIDER)
    V4Pact asksToRetryWhileTheSamePaymentIsBeingBridged(PactDslWithProvider builder) {
        return builder
                .given("payment 601 is being bridged as a paid invoice by another caller right now")
                .uponReceiving("a request to bridge payment 601 as a paid invoice while another caller does")
                .method("POST").path(PATH)
                .headers(JSON)
                .matchHeader(ServiceHeaders.CORRELATION_ID, "[ -~]{1,200}", "ap-pact-in-progress")
                .body(requestBody(payment601("ap-pact-in-progress", "PAID_INVOICE")))
                .willRespondWith()
                .status(429)
                .headers(JSON)
                // The gateway paces HubSpot's retry by this header; only whole seconds are understood.
                .matchHeader("Retry-After", "[0-9]{1,9}", "1")
                .body(newJsonBody(body -> {
                    body.stringValue("code", "BRIDGE_IN_PROGRESS");
                    body.stringType("message", "Payment 601 is being bridged right now; retry shortly.");
                }).build())
                .toPact(V4Pact.class);
    }

    @Pact(consumer = "gateway", provider = PROVIDER)
    V4Pact readsThePaymentSettings(PactDslWithProvider builder) {
        return builder
                .given("the US company has payment settings")
                .uponReceiving("a request for the US company's payment settings")
                .method("GET").path("/v1/companies/" + REALM + "/payment-settings")
                .willRespondWith()
                .status(200)
                .headers(JSON)
                .body(newJsonBody(body -> {
                    body.stringMatcher("depositAccountId", "[0-9]{1,32}", "35");
                    body.stringMatcher("feeExpenseAccountId", "[0-9]{1,32}", "12");
                }).build())
                .toPact(V4Pact.class);
    }

    @Test
    @PactTestFor(pactMethod = "createsThePaidInvoice")
    void shouldReadTheCreatedPaidInvoice() {
        PaymentActionResult result = execute(payment601("ap-pact-paid-invoice", "PAID_INVOICE"));

        assertEquals(new PaymentActionResult("CREATED", "Invoice", "130", "1001", new BigDecimal("1500.00"), "131",
                null, null), result);
    }

    @Test
    @PactTestFor(pactMethod = "replaysThePaidInvoice")
    void shouldReadTheReplayedPaidInvoice() {
        PaymentActionResult result = execute(payment601("ap-pact-paid-invoice-again", "PAID_INVOICE"));

        assertEquals("REPLAYED", result.outcome());
        assertTrue(result.hasDocument());
        assertEquals("130", result.documentId());
    }

    @Test
    @PactTestFor(pactMethod = "createsThePaymentSalesReceipt")
    void shouldReadTheCreatedSalesReceipt() {
        PaymentActionResult result = execute(payment601("ap-pact-sales-receipt", "SALES_RECEIPT"));

        assertEquals("SalesReceipt", result.documentType());
        assertEquals("150", result.documentId());
        assertNull(result.paymentId());
    }

    @Test
    @PactTestFor(pactMethod = "createsTheFeeExpense")
    void shouldReadTheCreatedFeeExpense() {
        PaymentActionResult result = execute(payment603("ap-pact-fee"));

        assertEquals(new PaymentActionResult("CREATED", "Purchase", "77", null, new BigDecimal("43.80"), null, null,
                null), result);
    }

    @Test
    @PactTestFor(pactMethod = "createsTheRefundReceipt")
    void shouldReadTheCreatedRefundReceipt() {
        PaymentActionResult result = execute(payment604("ap-pact-refund"));

        assertEquals("RefundReceipt", result.documentType());
        assertEquals(new BigDecimal("349.99"), result.total());
    }

    @Test
    @PactTestFor(pactMethod = "refusesAPaymentOfAHubSpotInvoice")
    void shouldReadTheRefusal() {
        PaymentActionResult result = execute(payment602("ap-pact-source-invoice"));

        assertEquals("REFUSED", result.outcome());
        assertEquals("SOURCE_IS_INVOICE", result.code());
        assertTrue(!result.hasDocument());
    }

    @Test
    @PactTestFor(pactMethod = "answersNoFeeAsANoOp")
    void shouldReadTheNoOp() {
        PaymentActionResult result = execute(payment601("ap-pact-no-fee", "FEE_EXPENSE"));

        assertEquals("NO_OP", result.outcome());
        assertEquals("NO_FEE", result.code());
    }

    @Test
    @PactTestFor(pactMethod = "asksToRetryWhileTheSamePaymentIsBeingBridged")
    void shouldTurnBridgeInProgressIntoARetryableFailureWithItsPacing() {
        DownstreamUnavailableException failure = assertThrows(DownstreamUnavailableException.class,
                () -> execute(payment601("ap-pact-in-progress", "PAID_INVOICE")));

        assertEquals("BRIDGE_IN_PROGRESS", failure.code());
        assertEquals("payments-bridge", failure.downstream());
        assertEquals(Optional.of(Duration.ofSeconds(1)), failure.retryAfter());
    }

    @Test
    @PactTestFor(pactMethod = "readsThePaymentSettings")
    void shouldPassTheSettingsDocumentThrough() {
        String body = settings.get(REALM).await().atMost(Duration.ofSeconds(10));

        // Passed through as the service wrote it, whatever its spacing.
        assertTrue(body.replace(" ", "").contains("\"depositAccountId\":\"35\""), body);
    }

    private PaymentActionResult execute(PaymentActionRequest request) {
        return client.execute(request.callbackId(), request).await().atMost(Duration.ofSeconds(10));
    }

    // The requests exactly as PaymentRequests builds them from the sandbox's seeded payments.
    private static PaymentActionRequest payment601(String callbackId, String action) {
        return request(callbackId, action, new PaymentActionRequest.Payment("601", "SALES_CHECKOUT", false,
                        "succeeded", new BigDecimal("1500.00"), null, null, new BigDecimal("1500.00"), "USD", DATE,
                        List.of(new PaymentActionRequest.Line("461", false))),
                contact("101", "Ada", "Lovelace", "ada@example.com"),
                line("461", "Onboarding Package", "ONB-001", "201", "1", "1500.00"));
    }

    private static PaymentActionRequest payment602(String callbackId) {
        return request(callbackId, "SALES_RECEIPT", new PaymentActionRequest.Payment("602", "INVOICE", true,
                        "succeeded", new BigDecimal("3000.00"), null, null, new BigDecimal("3000.00"), "USD", DATE,
                        List.of(new PaymentActionRequest.Line("462", false))),
                contact("101", "Ada", "Lovelace", "ada@example.com"),
                line("462", "Onboarding Package", "ONB-001", "201", "2", "1500.00"));
    }

    private static PaymentActionRequest payment603(String callbackId) {
        return request(callbackId, "FEE_EXPENSE", new PaymentActionRequest.Payment("603", "SALES_CHECKOUT", false,
                        "succeeded", new BigDecimal("1500.00"), new BigDecimal("43.80"), null,
                        new BigDecimal("1456.20"), "USD", DATE, List.of(new PaymentActionRequest.Line("463", false))),
                contact("102", "Patrick", "O'Brien", "pobrien@example.com"),
                line("463", "Support Hours", "SUP-HR", "203", "10", "150.00"));
    }

    private static PaymentActionRequest payment604(String callbackId) {
        return request(callbackId, "REFUND_RECEIPT", new PaymentActionRequest.Payment("604", "SALES_CHECKOUT", false,
                        "refunded", new BigDecimal("349.99"), null, new BigDecimal("349.99"), new BigDecimal("349.99"),
                        "USD", DATE, List.of(new PaymentActionRequest.Line("464", false))),
                contact("103", "Zoe", "And", "zoe@example.com"),
                line("464", "Hardware Kit", "HW-KIT", "204", "1", "349.99"));
    }

    private static PaymentActionRequest request(String callbackId, String action, PaymentActionRequest.Payment payment,
            CustomerResolveRequest.Contact contact, LineItemResolveRequest.LineItem line) {
        return new PaymentActionRequest(callbackId, PORTAL, REALM, action, payment,
                new CustomerResolveRequest(REALM, PORTAL, null, List.of(contact)),
                new LineItemResolveRequest(REALM, PORTAL, List.of(line)), Map.of());
    }

    private static CustomerResolveRequest.Contact contact(String id, String first, String last, String email) {
        return new CustomerResolveRequest.Contact(id, first, last, email, null, null);
    }

    private static LineItemResolveRequest.LineItem line(String id, String name, String sku, String productId,
            String quantity, String price) {
        return new LineItemResolveRequest.LineItem(id, name, sku, productId, new BigDecimal(quantity),
                new BigDecimal(price));
    }

    // The payment's facts are values (they drive the policy, so the provider's state must see exactly these); the
    // customer and line-item bodies are what payments-bridge passes on, so their shape is the contract.
    private static DslPart requestBody(PaymentActionRequest request) {
        PaymentActionRequest.Payment payment = request.payment();
        return newJsonBody(body -> {
            body.stringType("callbackId", request.callbackId());
            body.integerType("portalId", (int) PORTAL);
            body.stringMatcher("realmId", "[0-9]{1,32}", REALM);
            body.stringValue("action", request.action());
            body.object("payment", p -> {
                p.stringValue("id", payment.id());
                p.stringValue("sourceApp", payment.sourceApp());
                p.booleanValue("hasAssociatedInvoice", payment.hasAssociatedInvoice());
                p.stringValue("status", payment.status());
                p.numberType("amount", payment.amount());
                if (payment.feesAmount() == null) {
                    p.nullValue("feesAmount");
                } else {
                    p.numberType("feesAmount", payment.feesAmount());
                }
                if (payment.refundsAmount() == null) {
                    p.nullValue("refundsAmount");
                } else {
                    p.numberType("refundsAmount", payment.refundsAmount());
                }
                p.numberType("netAmount", payment.netAmount());
                p.stringValue("currency", payment.currency());
                p.date("date", "yyyy-MM-dd", payment.date());
                p.minArrayLike("lines", 1, line -> {
                    line.stringType("lineItemId", payment.lines().get(0).lineItemId());
                    line.booleanValue("taxable", payment.lines().get(0).taxable());
                });
            });
            body.object("customer", customer -> {
                customer.stringMatcher("realmId", "[0-9]{1,32}", REALM);
                customer.integerType("portalId", (int) PORTAL);
                customer.minArrayLike("contacts", 1, c -> {
                    CustomerResolveRequest.Contact contact = request.customer().contacts().get(0);
                    c.stringType("id", contact.id());
                    c.stringType("firstName", contact.firstName());
                    c.stringType("lastName", contact.lastName());
                    c.stringType("email", contact.email());
                });
            });
            body.object("lineItems", items -> {
                items.stringMatcher("realmId", "[0-9]{1,32}", REALM);
                items.integerType("portalId", (int) PORTAL);
                items.minArrayLike("lineItems", 1, l -> {
                    LineItemResolveRequest.LineItem line = request.lineItems().lineItems().get(0);
                    l.stringType("id", line.id());
                    l.stringType("name", line.name());
                    l.stringType("sku", line.sku());
                    l.stringType("productId", line.productId());
                    l.numberType("quantity", line.quantity());
                    l.numberType("price", line.price());
                });
                items.booleanType("createMissing", false);
            });
            body.object("inputs", inputs -> {
            });
        }).build();
    }
}
