package dev.ledgerbridge.e2e;

import static dev.ledgerbridge.e2e.E2eSuite.qboEntity;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 7, document-service's payment documents against the real sandbox (contract A): a paid invoice (the invoice's
 * Balance drops to zero, the Payment links it and is deposited as asked), the same request again writes nothing, a
 * payment larger than the invoice and a fee paid from an income account are refused before any write; a refund
 * receipt from the refund account; fee expenses as Cash and CreditCard purchases.
 */
class PaymentDocumentsEndToEndIT {

    private static final String US = SuiteHttp.US_REALM;
    // Sandbox US seed: customer 1 Ada Lovelace; item 3 Support Hours; accounts 1 Checking (Bank), 3 Services
    // (Income), 5 Payment Processing Fees (Expense), 6 Company Card (Credit Card); vendor 2 HubSpot Payments.
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static SuiteLauncher suite;

    @BeforeAll
    static void launch() {
        suite = E2eSuite.suite();
    }

    @Test
    void shouldCreateAPaidInvoiceOnceWithItsBalancePaidIntoCheckingByTheLinkedPayment() throws Exception {
        String callbackId = "ap-e2e-paid-" + UUID.randomUUID();
        String key = "40213377:" + callbackId + ":PAID_INVOICE";
        String body = paidInvoice(key, callbackId, "450.00");

        JsonNode created = send(body, 201);
        JsonNode replayed = send(body, 200);

        String invoiceId = created.path("documentId").asText();
        String paymentId = created.path("paymentId").asText();
        assertEquals(invoiceId, replayed.path("documentId").asText(), replayed.toString());
        assertEquals(paymentId, replayed.path("paymentId").asText(), replayed.toString());
        JsonNode invoice = qboEntity(US, "Invoice", invoiceId);
        assertEquals(0, new BigDecimal("450.00").compareTo(invoice.path("TotalAmt").decimalValue()), invoice.toString());
        assertEquals(0, BigDecimal.ZERO.compareTo(invoice.path("Balance").decimalValue()), invoice.toString());
        assertEquals(paymentId, invoice.path("LinkedTxn").path(0).path("TxnId").asText(), invoice.toString());
        JsonNode payment = qboEntity(US, "Payment", paymentId);
        assertEquals("1", payment.path("DepositToAccountRef").path("value").asText(), payment.toString());
        assertEquals("603", payment.path("PaymentRefNum").asText(), payment.toString());
        assertEquals(invoiceId, payment.path("Line").path(0).path("LinkedTxn").path(0).path("TxnId").asText());
        assertEquals(0, BigDecimal.ZERO.compareTo(payment.path("UnappliedAmt").decimalValue()), payment.toString());
        assertTrue(payment.path("PrivateNote").asText().endsWith("callback=" + callbackId), payment.toString());
        assertEquals(1, count("Payment", "PaymentRefNum = '603' and CustomerRef = '1'", callbackId));
        // Vendor calls (document-service passes the callbackId on to QBO): the two writes, at most the company's
        // numbering preference read once, nothing for the replay.
        JsonNode calls = E2eSuite.http().callsFor(callbackId).body();
        System.out.println("document-service e2e: paid invoice, first for the company: " + E2eSuite.summary(calls));
        assertEquals(2, calls.path("vendors").path("qbo").path("write").asLong(), calls.toString());
        assertTrue(calls.path("vendors").path("qbo").path("read").asLong() <= 1, calls.toString());

        String warmCallback = "ap-e2e-paid-" + UUID.randomUUID();
        send(paidInvoice("40213377:" + warmCallback + ":PAID_INVOICE", warmCallback, "450.00"), 201);
        JsonNode warm = E2eSuite.http().callsFor(warmCallback).body();
        System.out.println("document-service e2e: paid invoice, warm: " + E2eSuite.summary(warm));
        assertEquals(0, warm.path("vendors").path("qbo").path("read").asLong(), warm.toString());
        assertEquals(2, warm.path("vendors").path("qbo").path("write").asLong(), warm.toString());
    }

    @Test
    void shouldRefuseAPaymentLargerThanTheInvoiceWithoutWritingTheInvoice() throws Exception {
        String callbackId = "ap-e2e-over-" + UUID.randomUUID();

        JsonNode refused = send(paidInvoice("40213377:" + callbackId + ":PAID_INVOICE", callbackId, "450.01"), 422);

        assertEquals("PAYMENT_EXCEEDS_INVOICE", refused.path("code").asText(), refused.toString());
        assertEquals(0, count("Invoice", "CustomerRef = '1'", callbackId));
    }

    @Test
    void shouldCreateARefundReceiptPaidFromChecking() throws Exception {
        String callbackId = "ap-e2e-refund-" + UUID.randomUUID();
        String body = """
                {"idempotencyKey": "40213377:%s:REFUND_RECEIPT", "realmId": "%s", "type": "REFUND_RECEIPT",
                 "customerId": "1", "depositAccountId": "1", "paymentMethodId": "3",
                 "source": {"portalId": 40213377, "objectType": "COMMERCE_PAYMENT", "objectId": "604", "callbackId": "%s"},
                 "lines": [{"itemId": "3", "description": "Support Hours", "quantity": 3, "unitPrice": 150.00}]}"""
                .formatted(callbackId, US, callbackId);

        JsonNode created = send(body, 201);

        JsonNode refund = qboEntity(US, "RefundReceipt", created.path("documentId").asText());
        assertEquals("1", refund.path("DepositToAccountRef").path("value").asText(), refund.toString());
        assertEquals("3", refund.path("PaymentMethodRef").path("value").asText(), refund.toString());
        assertEquals(0, new BigDecimal("450.00").compareTo(refund.path("TotalAmt").decimalValue()), refund.toString());
    }

    @Test
    void shouldBookFeesAsCashAndCreditCardPurchasesAndRefuseAnIncomeAccount() throws Exception {
        String cashCallback = "ap-e2e-fee-" + UUID.randomUUID();
        String cardCallback = "ap-e2e-fee-" + UUID.randomUUID();
        String incomeCallback = "ap-e2e-fee-" + UUID.randomUUID();

        JsonNode cash = send(feeExpense(cashCallback, "1"), 201);
        JsonNode card = send(feeExpense(cardCallback, "6"), 201);
        JsonNode income = send(feeExpense(incomeCallback, "3"), 422);

        JsonNode cashPurchase = qboEntity(US, "Purchase", cash.path("documentId").asText());
        assertEquals("Cash", cashPurchase.path("PaymentType").asText(), cashPurchase.toString());
        assertEquals("1", cashPurchase.path("AccountRef").path("value").asText());
        assertEquals("2", cashPurchase.path("EntityRef").path("value").asText());
        assertEquals("5", cashPurchase.path("Line").path(0).path("AccountBasedExpenseLineDetail").path("AccountRef")
                .path("value").asText(), cashPurchase.toString());
        assertEquals(0, new BigDecimal("43.80").compareTo(cashPurchase.path("TotalAmt").decimalValue()));
        assertTrue(cash.path("customerId").isNull() || cash.path("customerId").isMissingNode(), cash.toString());
        assertEquals("CreditCard", qboEntity(US, "Purchase", card.path("documentId").asText()).path("PaymentType").asText());
        assertEquals("INVALID_PAYMENT_ACCOUNT", income.path("code").asText(), income.toString());
        assertEquals(0, E2eSuite.http().callsFor(incomeCallback).body().path("vendors").path("qbo").path("write")
                .asLong());

        // The paying account's type is cached: a second fee from Checking is one write and nothing else.
        String warmCallback = "ap-e2e-fee-" + UUID.randomUUID();
        send(feeExpense(warmCallback, "1"), 201);
        // The first fee from the Company Card (no other class books from it; Checking may already be cached by the
        // payment actions' class of the shared suite) reads the account once.
        JsonNode cold = E2eSuite.http().callsFor(cardCallback).body();
        JsonNode warm = E2eSuite.http().callsFor(warmCallback).body();
        System.out.println("document-service e2e: fee expense, first from the account: " + E2eSuite.summary(cold)
                + "; warm: " + E2eSuite.summary(warm));
        assertEquals(1, cold.path("vendors").path("qbo").path("read").asLong(), cold.toString());
        assertEquals(0, warm.path("vendors").path("qbo").path("read").asLong(), warm.toString());
        assertEquals(1, warm.path("vendors").path("qbo").path("write").asLong(), warm.toString());
        assertEquals(1, warm.path("total").asLong(), warm.toString());
    }

    private String paidInvoice(String key, String callbackId, String amount) {
        return """
                {"idempotencyKey": "%s", "realmId": "%s", "type": "PAID_INVOICE", "customerId": "1",
                 "source": {"portalId": 40213377, "objectType": "COMMERCE_PAYMENT", "objectId": "603", "callbackId": "%s"},
                 "lines": [{"itemId": "3", "description": "Support Hours", "quantity": 3, "unitPrice": 150.00}],
                 "payment": {"amount": %s, "referenceNumber": "603", "depositAccountId": "1"}}"""
                .formatted(key, US, callbackId, amount);
    }

    private String feeExpense(String callbackId, String paymentAccountId) {
        return """
                {"idempotencyKey": "40213377:%s:FEE_EXPENSE", "realmId": "%s", "type": "FEE_EXPENSE",
                 "source": {"portalId": 40213377, "objectType": "COMMERCE_PAYMENT", "objectId": "603", "callbackId": "%s"},
                 "expense": {"amount": 43.80, "expenseAccountId": "5", "paymentAccountId": "%s", "vendorId": "2",
                             "description": "HubSpot payment processing fee, payment 603"}}"""
                .formatted(callbackId, US, callbackId, paymentAccountId);
    }

    /** How many entities of the type matching the condition carry the execution's marker. */
    private int count(String entity, String condition, String callbackId) {
        JsonNode found = E2eSuite.http().qboQuery(US, "select * from " + entity + " where " + condition).body()
                .path("QueryResponse").path(entity);
        int count = 0;
        for (JsonNode one : found) {
            if (one.path("PrivateNote").asText().endsWith("callback=" + callbackId)) {
                count++;
            }
        }
        return count;
    }

    private JsonNode send(String body, int expectedStatus) throws IOException, InterruptedException {
        URI documents = suite.url(SuiteApp.DOCUMENT).resolve("/v1/documents");
        HttpResponse<String> response = client.send(E2eSuite.authorized(documents).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(expectedStatus, response.statusCode(), response.body());
        return SuiteHttp.parse(response.body());
    }
}
