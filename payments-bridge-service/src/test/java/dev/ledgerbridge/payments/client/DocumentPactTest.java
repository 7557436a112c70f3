package dev.ledgerbridge.payments.client;

import static au.com.dius.pact.consumer.dsl.LambdaDsl.newJsonBody;
import static org.junit.jupiter.api.Assertions.assertEquals;

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
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Consumer side of payments-bridge -> document-service (issue 7, payments contract section A), through the real
 * {@link DocumentApi} client: a paid invoice with its payment, a sales receipt deposited to the payment settings'
 * account, a fee expense and a refund receipt, each keyed by (portal, payment, action).
 */
@QuarkusTest
@TestProfile(PactMockServerProfile.class)
@ExtendWith(PactConsumerTestExt.class)
@PactTestFor(providerName = DocumentPactTest.PROVIDER, hostInterface = PactMockServerProfile.HOST,
        port = PactMockServerProfile.PORT, pactVersion = PactSpecVersion.V4)
@PactDirectory("target/pacts")
class DocumentPactTest {

    static final String PROVIDER = "document-service";
    static final String PAID_INVOICE_ACCEPTED =
            "no document exists for the key and QBO accepts the paid invoice and its payment";
    static final String FEE_EXPENSE_ACCEPTED = "no document exists for the key and QBO accepts the fee expense";
    static final String REFUND_RECEIPT_ACCEPTED = "no document exists for the key and QBO accepts the refund receipt";
    // A state document-service knows since issue 6: the sales receipt of a payment is an ordinary sales receipt.
    static final String SALES_RECEIPT_ACCEPTED =
            "the US company has sales receipt settings and QBO accepts the sales receipt";
    private static final String REALM = "9130350000000001";
    private static final long PORTAL = 40213377L;
    private static final String PAYMENT = "pact-603";
    private static final LocalDate DATE = LocalDate.of(2026, 1, 10);
    private static final Map<String, String> JSON = Map.of("Content-Type", "application/json");

    @Inject
    @RestClient
    DocumentApi api;

    @Pact(consumer = ContactSyncPactTest.CONSUMER, provider = PROVIDER)
    V4Pact createsThePaidInvoice(PactDslWithProvider builder) {
        return builder
                .given(PAID_INVOICE_ACCEPTED)
                .uponReceiving("a request to create the paid invoice of a payment")
                .method("POST").path("/v1/documents")
                .headers(JSON)
                .matchHeader(ServiceHeaders.CORRELATION_ID, "[ -~]{1,200}", "ap-pay-pact-paid-invoice")
                .body(newJsonBody(body -> {
                    header(body, "paid-invoice", "PAID_INVOICE", "ap-pay-pact-paid-invoice");
                    body.stringMatcher("customerId", "[0-9]{1,32}", "58");
                    body.date("txnDate", "yyyy-MM-dd", DATE);
                    lines(body);
                    body.object("payment", payment -> {
                        payment.numberType("amount", new BigDecimal("1500.00"));
                        payment.date("txnDate", "yyyy-MM-dd", DATE);
                        payment.stringMatcher("referenceNumber", "[!-~]{1,21}", PAYMENT);
                        payment.stringMatcher("depositAccountId", "[0-9]{1,32}", "35");
                        payment.nullValue("paymentMethodId");
                    });
                }).build())
                .willRespondWith()
                .status(201)
                .headers(JSON)
                .body(newJsonBody(body -> {
                    body.stringMatcher("documentId", "[0-9]{1,32}", "130");
                    body.stringType("docNumber", "1001");
                    body.stringValue("type", "PAID_INVOICE");
                    body.numberType("totalAmount", new BigDecimal("1500.00"));
                    body.stringMatcher("customerId", "[0-9]{1,32}", "58");
                    body.stringMatcher("paymentId", "[0-9]{1,32}", "131");
                    body.booleanValue("replayed", false);
                }).build())
                .toPact(V4Pact.class);
    }

    @Pact(consumer = ContactSyncPactTest.CONSUMER, provider = PROVIDER)
    V4Pact createsTheSalesReceiptOfAPayment(PactDslWithProvider builder) {
        return builder
                .given(SALES_RECEIPT_ACCEPTED)
                .uponReceiving("a request to create the sales receipt of a payment, deposited to a given account")
                .method("POST").path("/v1/documents")
                .headers(JSON)
                .matchHeader(ServiceHeaders.CORRELATION_ID, "[ -~]{1,200}", "ap-pay-pact-sales-receipt")
                .body(newJsonBody(body -> {
                    header(body, "sales-receipt", "SALES_RECEIPT", "ap-pay-pact-sales-receipt");
                    body.stringMatcher("customerId", "[0-9]{1,32}", "58");
                    body.date("txnDate", "yyyy-MM-dd", DATE);
                    body.stringMatcher("depositAccountId", "[0-9]{1,32}", "35");
                    lines(body);
                }).build())
                .willRespondWith()
                .status(201)
                .headers(JSON)
                .body(newJsonBody(body -> {
                    body.stringMatcher("documentId", "[0-9]{1,32}", "150");
                    body.stringType("docNumber", "1001");
                    body.stringValue("type", "SALES_RECEIPT");
                    body.numberType("totalAmount", new BigDecimal("12000.00"));
                    body.booleanValue("replayed", false);
                }).build())
                .toPact(V4Pact.class);
    }

    @Pact(consumer = ContactSyncPactTest.CONSUMER, provider = PROVIDER)
    V4Pact createsTheFeeExpense(PactDslWithProvider builder) {
        return builder
                .given(FEE_EXPENSE_ACCEPTED)
                .uponReceiving("a request to create the fee expense of a payment")
                .method("POST").path("/v1/documents")
                .headers(JSON)
                .matchHeader(ServiceHeaders.CORRELATION_ID, "[ -~]{1,200}", "ap-pay-pact-fee")
                .body(newJsonBody(body -> {
                    header(body, "fee-expense", "FEE_EXPENSE", "ap-pay-pact-fee");
                    body.array("lines", lines -> { });
                    body.object("expense", expense -> {
                        expense.numberType("amount", new BigDecimal("43.80"));
                        expense.stringMatcher("expenseAccountId", "[0-9]{1,32}", "12");
                        expense.stringMatcher("paymentAccountId", "[0-9]{1,32}", "35");
                        expense.stringMatcher("vendorId", "[0-9]{1,32}", "56");
                        expense.stringType("description", "HubSpot payment processing fee, payment " + PAYMENT);
                    });
                }).build())
                .willRespondWith()
                .status(201)
                .headers(JSON)
                .body(newJsonBody(body -> {
                    // docNumber may be null for a Purchase, and no customer: neither is part of the contract.
                    body.stringMatcher("documentId", "[0-9]{1,32}", "170");
                    body.stringValue("type", "FEE_EXPENSE");
                    body.numberType("totalAmount", new BigDecimal("43.80"));
                    body.booleanValue("replayed", false);
                }).build())
                .toPact(V4Pact.class);
    }

    @Pact(consumer = ContactSyncPactTest.CONSUMER, provider = PROVIDER)
    V4Pact createsTheRefundReceipt(PactDslWithProvider builder) {
        return builder
                .given(REFUND_RECEIPT_ACCEPTED)
                .uponReceiving("a request to create the refund receipt of a fully refunded payment")
                .method("POST").path("/v1/documents")
                .headers(JSON)
                .matchHeader(ServiceHeaders.CORRELATION_ID, "[ -~]{1,200}", "ap-pay-pact-refund")
                .body(newJsonBody(body -> {
                    header(body, "refund-receipt", "REFUND_RECEIPT", "ap-pay-pact-refund");
                    body.stringMatcher("customerId", "[0-9]{1,32}", "58");
                    body.date("txnDate", "yyyy-MM-dd", DATE);
                    body.stringMatcher("depositAccountId", "[0-9]{1,32}", "35");
                    lines(body);
                }).build())
                .willRespondWith()
                .status(201)
                .headers(JSON)
                .body(newJsonBody(body -> {
                    body.stringMatcher("documentId", "[0-9]{1,32}", "180");
                    body.stringValue("type", "REFUND_RECEIPT");
                    body.numberType("totalAmount", new BigDecimal("1500.00"));
                    body.booleanValue("replayed", false);
                }).build())
                .toPact(V4Pact.class);
    }

    @Test
    @PactTestFor(pactMethod = "createsThePaidInvoice")
    void shouldReadThePaidInvoiceAndItsPayment() {
        CreatedDocument created = api.create("ap-pay-pact-paid-invoice", new DocumentRequest(
                key("paid-invoice"), REALM, "PAID_INVOICE", "58", null, DATE, null, null,
                source("ap-pay-pact-paid-invoice"), lines(),
                new DocumentRequest.PaymentPart(new BigDecimal("1500.00"), DATE, PAYMENT, "35", null), null))
                .await().atMost(Duration.ofSeconds(10));

        assertEquals("130", created.documentId());
        assertEquals("131", created.paymentId());
        assertEquals(false, created.replayed());
    }

    @Test
    @PactTestFor(pactMethod = "createsTheSalesReceiptOfAPayment")
    void shouldReadTheSalesReceipt() {
        CreatedDocument created = api.create("ap-pay-pact-sales-receipt", new DocumentRequest(
                key("sales-receipt"), REALM, "SALES_RECEIPT", "58", null, DATE, "35", null,
                source("ap-pay-pact-sales-receipt"), lines(), null, null)).await().atMost(Duration.ofSeconds(10));

        assertEquals("150", created.documentId());
    }

    @Test
    @PactTestFor(pactMethod = "createsTheFeeExpense")
    void shouldReadTheFeeExpense() {
        CreatedDocument created = api.create("ap-pay-pact-fee", new DocumentRequest(
                key("fee-expense"), REALM, "FEE_EXPENSE", null, null, null, null, null, source("ap-pay-pact-fee"),
                List.of(), null, new DocumentRequest.ExpensePart(new BigDecimal("43.80"), "12", "35", "56",
                        "HubSpot payment processing fee, payment " + PAYMENT)))
                .await().atMost(Duration.ofSeconds(10));

        assertEquals("170", created.documentId());
        assertEquals(0, new BigDecimal("43.80").compareTo(created.totalAmount()));
    }

    @Test
    @PactTestFor(pactMethod = "createsTheRefundReceipt")
    void shouldReadTheRefundReceipt() {
        CreatedDocument created = api.create("ap-pay-pact-refund", new DocumentRequest(
                key("refund-receipt"), REALM, "REFUND_RECEIPT", "58", null, DATE, "35", null,
                source("ap-pay-pact-refund"), lines(), null, null)).await().atMost(Duration.ofSeconds(10));

        assertEquals("180", created.documentId());
    }

    private static String key(String action) {
        return PORTAL + ":payment-" + PAYMENT + ":" + action;
    }

    private static DocumentRequest.Source source(String callbackId) {
        return new DocumentRequest.Source(PORTAL, "COMMERCE_PAYMENT", PAYMENT, callbackId);
    }

    private static List<DocumentRequest.Line> lines() {
        return List.of(new DocumentRequest.Line("2", "Annual Subscription", BigDecimal.ONE,
                new BigDecimal("1500.00")));
    }

    // The key is (portal, payment, action), never the callbackId: two workflows racing make one document.
    private static void header(LambdaDslObject body, String action, String type, String callbackId) {
        body.stringMatcher("idempotencyKey", "[0-9]+:payment-[!-{}~]+:" + action, key(action));
        body.stringMatcher("realmId", "[0-9]{1,32}", REALM);
        body.stringValue("type", type);
        body.object("source", source -> {
            source.integerType("portalId", (int) PORTAL);
            source.stringValue("objectType", "COMMERCE_PAYMENT");
            source.stringType("objectId", PAYMENT);
            source.stringType("callbackId", callbackId);
        });
    }

    private static void lines(LambdaDslObject body) {
        body.minArrayLike("lines", 1, line -> {
            line.stringMatcher("itemId", "[0-9]{1,32}", "2");
            line.stringType("description", "Annual Subscription");
            line.numberType("quantity", 1);
            line.numberType("unitPrice", new BigDecimal("1500.00"));
        });
    }
}
