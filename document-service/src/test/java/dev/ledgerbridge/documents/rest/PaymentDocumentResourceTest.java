package dev.ledgerbridge.documents.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import dev.ledgerbridge.documents.DocumentRefusedException;
import dev.ledgerbridge.documents.DocumentResult;
import dev.ledgerbridge.documents.DocumentType;
import dev.ledgerbridge.documents.NewDocument;
import dev.ledgerbridge.documents.service.DocumentService;
import io.quarkus.test.InjectMock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.smallrye.mutiny.Uni;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

/** {@code POST /v1/documents} for PAID_INVOICE, REFUND_RECEIPT and FEE_EXPENSE: the mapping and every 400. */
@QuarkusTest
class PaymentDocumentResourceTest {

    static final String SOURCE = """
            "source": {"portalId": 40213377, "objectType": "COMMERCE_PAYMENT", "objectId": "603", "callbackId": "ap-7"}""";
    static final String LINES = """
            "lines": [{"itemId": "2", "description": "Annual Subscription", "quantity": 1, "unitPrice": 1500.00}]""";
    static final String PAID_INVOICE = """
            {"idempotencyKey": "40213377:603:PAID_INVOICE", "realmId": "9130350000000001", "type": "PAID_INVOICE",
             "customerId": "58", "txnDate": "2026-01-10", %s, %s,
             "payment": {"amount": 1500.00, "txnDate": "2026-01-11", "referenceNumber": "601",
                         "depositAccountId": "35", "paymentMethodId": null}}""".formatted(SOURCE, LINES);
    static final String REFUND_RECEIPT = """
            {"idempotencyKey": "40213377:604:REFUND_RECEIPT", "realmId": "9130350000000001", "type": "REFUND_RECEIPT",
             "customerId": "58", "depositAccountId": "35", %s, %s}""".formatted(SOURCE, LINES);
    static final String FEE_EXPENSE = """
            {"idempotencyKey": "40213377:603:FEE_EXPENSE", "realmId": "9130350000000001", "type": "FEE_EXPENSE",
             "txnDate": "2026-01-10", %s, "lines": [],
             "expense": {"amount": 43.80, "expenseAccountId": "12", "paymentAccountId": "35", "vendorId": "56",
                         "description": "HubSpot payment processing fee, payment 603"}}""".formatted(SOURCE);

    @InjectMock
    DocumentService service;

    @Test
    void shouldPassAPaidInvoiceWithItsPaymentOnAndAnswerThePaymentId() {
        when(service.create(anyString(), any(), any())).thenReturn(Uni.createFrom().item(new DocumentResult(
                "40213377:603:PAID_INVOICE", "130", "1001", DocumentType.PAID_INVOICE, new BigDecimal("1500.00"), "58",
                "140", false)));

        post(PAID_INVOICE).then().statusCode(201)
                .body("documentId", equalTo("130"))
                .body("type", equalTo("PAID_INVOICE"))
                .body("paymentId", equalTo("140"));

        NewDocument sent = captured("40213377:603:PAID_INVOICE");
        assertEquals(new NewDocument.PaymentDetails(new BigDecimal("1500.00"), LocalDate.of(2026, 1, 11), "601", "35",
                null), sent.payment());
        assertNull(sent.expense());
        assertEquals(1, sent.lines().size());
    }

    @Test
    void shouldPassARefundReceiptWithItsRefundAccountOn() {
        when(service.create(anyString(), any(), any())).thenReturn(Uni.createFrom().item(new DocumentResult(
                "40213377:604:REFUND_RECEIPT", "160", "1002", DocumentType.REFUND_RECEIPT, new BigDecimal("1500.00"),
                "58", false)));

        post(REFUND_RECEIPT).then().statusCode(201)
                .body("documentId", equalTo("160"))
                .body("paymentId", nullValue());

        NewDocument sent = captured("40213377:604:REFUND_RECEIPT");
        assertEquals("35", sent.depositAccountId());
        assertNull(sent.paymentMethodId());
        assertNull(sent.txnDate());
    }

    @Test
    void shouldPassAFeeExpenseWithoutCustomerOrLinesOn() {
        when(service.create(anyString(), any(), any())).thenReturn(Uni.createFrom().item(new DocumentResult(
                "40213377:603:FEE_EXPENSE", "150", null, DocumentType.FEE_EXPENSE, new BigDecimal("43.80"), null,
                false)));

        post(FEE_EXPENSE).then().statusCode(201)
                .body("documentId", equalTo("150"))
                .body("docNumber", nullValue())
                .body("customerId", nullValue())
                .body("totalAmount", equalTo(43.80f));

        NewDocument sent = captured("40213377:603:FEE_EXPENSE");
        assertEquals(new NewDocument.ExpenseDetails(new BigDecimal("43.80"), "12", "35", "56",
                "HubSpot payment processing fee, payment 603"), sent.expense());
        assertNull(sent.customerId());
        assertEquals(0, sent.lines().size());
    }

    @Test
    void shouldAcceptAFeeExpenseWithoutALinesField() {
        when(service.create(anyString(), any(), any())).thenReturn(Uni.createFrom().item(new DocumentResult(
                "40213377:603:FEE_EXPENSE", "150", null, DocumentType.FEE_EXPENSE, new BigDecimal("43.80"), null,
                false)));

        post(FEE_EXPENSE.replace("\"lines\": [],", "")).then().statusCode(201);
    }

    @Test
    void shouldAnswer400ForAPaidInvoiceWithoutPayment() {
        expect400(PAID_INVOICE.replaceAll("(?s),\\s*\"payment\": \\{.*}}$", "}"),
                "payment must not be null for PAID_INVOICE");
    }

    @Test
    void shouldAnswer400ForAPaymentWithoutAmountOrWithANegativeOne() {
        expect400(PAID_INVOICE.replace("\"amount\": 1500.00,", ""), "payment.amount must not be null");
        expect400(PAID_INVOICE.replace("\"amount\": 1500.00,", "\"amount\": -5,"), "payment.amount must be greater than 0");
    }

    @Test
    void shouldAnswer400ForAPaymentAmountWithFractionsOfACent() {
        expect400(PAID_INVOICE.replace("\"amount\": 1500.00,", "\"amount\": 1500.001,"),
                "payment.amount must have at most 2 decimals");
    }

    @Test
    void shouldAnswer400ForAReferenceNumberLongerThanQbosLimit() {
        expect400(PAID_INVOICE.replace("\"601\"", "\"pi_3QxYz1234567890abcdef\""), "payment.referenceNumber");
    }

    @Test
    void shouldAnswer400ForANonNumericDepositAccountOfThePayment() {
        expect400(PAID_INVOICE.replace("\"depositAccountId\": \"35\"", "\"depositAccountId\": \"Checking\""),
                "payment.depositAccountId must be a numeric QBO account id");
    }

    @Test
    void shouldAnswer400ForAPaymentOnAnotherType() {
        String invoice = PAID_INVOICE.replace("\"type\": \"PAID_INVOICE\"", "\"type\": \"INVOICE\"");
        expect400(invoice, "payment applies to PAID_INVOICE only");
    }

    @Test
    void shouldAnswer400ForARefundReceiptWithoutRefundAccount() {
        expect400(REFUND_RECEIPT.replace("\"depositAccountId\": \"35\",", ""),
                "depositAccountId must not be null for REFUND_RECEIPT");
    }

    @Test
    void shouldAnswer400ForARefundReceiptWithoutCustomerOrLines() {
        expect400(REFUND_RECEIPT.replace("\"customerId\": \"58\",", ""), "customerId must not be null for REFUND_RECEIPT");
        expect400(REFUND_RECEIPT.replace(", " + LINES, ""), "lines must not be null for REFUND_RECEIPT");
    }

    @Test
    void shouldAnswer400ForAFeeExpenseWithACustomerOrLines() {
        expect400(FEE_EXPENSE.replace("\"txnDate\"", "\"customerId\": \"58\", \"txnDate\""),
                "customerId must be absent for FEE_EXPENSE");
        expect400(FEE_EXPENSE.replace("\"lines\": []", LINES), "lines must be empty for FEE_EXPENSE");
    }

    @Test
    void shouldAnswer400ForAFeeExpenseWithoutExpense() {
        expect400(FEE_EXPENSE.replaceAll("(?s),\\s*\"expense\": \\{.*}}$", "}"), "expense must not be null for FEE_EXPENSE");
    }

    @Test
    void shouldAnswer400NamingEveryMissingExpenseField() {
        String body = FEE_EXPENSE.replace("\"expenseAccountId\": \"12\", ", "").replace("\"vendorId\": \"56\",", "");
        given().contentType(ContentType.JSON).body(body).when().post("/v1/documents")
                .then().statusCode(400)
                .body("code", equalTo("INVALID_REQUEST"))
                .body("message", containsString("expense.expenseAccountId must not be null"))
                .body("message", containsString("expense.vendorId must not be null"));
        verify(service, never()).create(anyString(), any(), any());
    }

    @Test
    void shouldAnswer400ForAFeeExpenseWithADepositAccount() {
        expect400(FEE_EXPENSE.replace("\"txnDate\"", "\"depositAccountId\": \"35\", \"txnDate\""),
                "depositAccountId and paymentMethodId do not apply to FEE_EXPENSE");
    }

    @Test
    void shouldAnswer400ForAnExpenseOnAnotherType() {
        String receipt = REFUND_RECEIPT.replace("\"depositAccountId\": \"35\",", "\"depositAccountId\": \"35\", "
                + "\"expense\": {\"amount\": 1, \"expenseAccountId\": \"12\", \"paymentAccountId\": \"35\","
                + " \"vendorId\": \"56\"},");
        expect400(receipt, "expense applies to FEE_EXPENSE only");
    }

    @Test
    void shouldAnswer422WhenThePaymentExceedsTheInvoice() {
        when(service.create(anyString(), any(), any())).thenReturn(Uni.createFrom().failure(new DocumentRefusedException(
                DocumentRefusedException.PAYMENT_EXCEEDS_INVOICE, "The payment of 1600.00 is more than the invoice"
                        + " total of 1500.00; QuickBooks cannot apply more to an invoice than it is for.")));

        post(PAID_INVOICE).then().statusCode(422)
                .body("code", equalTo("PAYMENT_EXCEEDS_INVOICE"))
                .body("message", containsString("1600.00"));
    }

    private io.restassured.response.Response post(String body) {
        return given().contentType(ContentType.JSON).body(body).when().post("/v1/documents");
    }

    private void expect400(String body, String problem) {
        post(body).then().statusCode(400)
                .body("code", equalTo("INVALID_REQUEST"))
                .body("message", containsString(problem));
        verify(service, never()).create(anyString(), any(), any());
    }

    private NewDocument captured(String key) {
        ArgumentCaptor<NewDocument> document = ArgumentCaptor.forClass(NewDocument.class);
        verify(service).create(eq(key), document.capture(), any());
        return document.getValue();
    }
}
