package dev.ledgerbridge.documents.mapping;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.ledgerbridge.documents.DocumentRefusedException;
import dev.ledgerbridge.documents.DocumentType;
import dev.ledgerbridge.documents.NewDocument;
import dev.ledgerbridge.documents.NewDocument.ExpenseDetails;
import dev.ledgerbridge.documents.NewDocument.PaymentDetails;
import dev.ledgerbridge.documents.NewDocument.SalesLine;
import dev.ledgerbridge.documents.mapping.SalesDocumentBuilder.ReceiptAccounts;
import dev.ledgerbridge.quickbooks.QboJson;
import dev.ledgerbridge.quickbooks.model.Account;
import dev.ledgerbridge.quickbooks.model.Invoice;
import dev.ledgerbridge.quickbooks.model.Payment;
import dev.ledgerbridge.quickbooks.model.Purchase;
import dev.ledgerbridge.quickbooks.model.RefundReceipt;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The QBO JSON of the issue-7 documents: Payment of a paid invoice, Purchase of a fee expense, RefundReceipt. */
class PaymentDocumentBuilderTest {

    private static final String REALM = "9130350000000001";
    private static final NewDocument.Source SOURCE = new NewDocument.Source(40213377L, "COMMERCE_PAYMENT", "603",
            "ap-9-9-9");
    private static final String MARKER = "LedgerBridge portal=40213377 object=COMMERCE_PAYMENT/603 callback=ap-9-9-9";
    private static final List<SalesLine> LINES = List.of(
            new SalesLine("2", "Annual Subscription", new BigDecimal("1"), new BigDecimal("1200.00")),
            new SalesLine("7", "Support hours", new BigDecimal("3"), new BigDecimal("100.00")));

    private final PaymentDocumentBuilder payments = new PaymentDocumentBuilder();
    private final SalesDocumentBuilder sales = new SalesDocumentBuilder();

    @Test
    void shouldApplyThePaymentInFullToTheInvoiceWithReferenceDepositAndMarker() {
        NewDocument paid = paidInvoice(new PaymentDetails(new BigDecimal("1500"), LocalDate.of(2026, 1, 10), "601",
                "35", null));

        Payment payment = payments.payment(paid, "130", new BigDecimal("1500.00"));

        assertEquals("{\"CustomerRef\":{\"value\":\"58\"},\"TotalAmt\":1500.00,\"TxnDate\":\"2026-01-10\","
                + "\"PaymentRefNum\":\"601\",\"DepositToAccountRef\":{\"value\":\"35\"},"
                + "\"PrivateNote\":\"" + MARKER + "\","
                + "\"Line\":[{\"Amount\":1500.00,\"LinkedTxn\":[{\"TxnId\":\"130\",\"TxnType\":\"Invoice\"}]}]}",
                QboJson.createBody(payment));
    }

    @Test
    void shouldTakeTheDocumentDateAndPaymentMethodAndLeaveOutTheDepositAccountWhenNotGiven() {
        NewDocument paid = paidInvoice(new PaymentDetails(new BigDecimal("700.50"), null, null, null, "3"));

        Payment payment = payments.payment(paid, "131", null);

        assertEquals(LocalDate.of(2026, 1, 9), payment.txnDate());
        assertEquals("3", payment.paymentMethodRef().value());
        assertThat(QboJson.createBody(payment), allOf(not(containsString("DepositToAccountRef")),
                not(containsString("PaymentRefNum"))));
        assertEquals("700.50", payment.lines().get(0).amount().toPlainString());
    }

    @Test
    void shouldRefuseAPaymentLargerThanTheInvoice() {
        NewDocument paid = paidInvoice(new PaymentDetails(new BigDecimal("1500.01"), null, "601", "35", null));

        DocumentRefusedException refusal = assertThrows(DocumentRefusedException.class,
                () -> payments.payment(paid, "130", new BigDecimal("1500.00")));

        assertEquals(DocumentRefusedException.PAYMENT_EXCEEDS_INVOICE, refusal.code());
        assertThat(refusal.getMessage(), allOf(containsString("1500.01"), containsString("1500.00")));
    }

    @Test
    void shouldWriteThePaidInvoicesInvoiceLikeAnInvoice() {
        Invoice invoice = (Invoice) sales.build(paidInvoice(new PaymentDetails(BigDecimal.TEN, null, null, null, null)),
                null, null, null);

        assertEquals("{\"TxnDate\":\"2026-01-09\",\"CustomerRef\":{\"value\":\"58\"},\"PrivateNote\":\"" + MARKER + "\","
                + "\"Line\":[{\"Description\":\"Annual Subscription\",\"Amount\":1200.00,\"DetailType\":\"SalesItemLineDetail\","
                + "\"SalesItemLineDetail\":{\"ItemRef\":{\"value\":\"2\"},\"Qty\":1,\"UnitPrice\":1200.00}},"
                + "{\"Description\":\"Support hours\",\"Amount\":300.00,\"DetailType\":\"SalesItemLineDetail\","
                + "\"SalesItemLineDetail\":{\"ItemRef\":{\"value\":\"7\"},\"Qty\":3,\"UnitPrice\":100.00}}]}",
                QboJson.createBody(invoice));
    }

    @Test
    void shouldBookAFeePaidFromABankAccountAsACashPurchaseToTheVendor() {
        Purchase purchase = payments.feeExpense(feeExpense(), account("35", "Checking", "Bank", true));

        assertEquals("{\"PaymentType\":\"Cash\",\"AccountRef\":{\"value\":\"35\"},"
                + "\"EntityRef\":{\"value\":\"56\",\"type\":\"Vendor\"},\"TxnDate\":\"2026-01-10\","
                + "\"PrivateNote\":\"" + MARKER + "\","
                + "\"Line\":[{\"Description\":\"HubSpot payment processing fee, payment 603\",\"Amount\":43.80,"
                + "\"DetailType\":\"AccountBasedExpenseLineDetail\",\"AccountBasedExpenseLineDetail\":"
                + "{\"AccountRef\":{\"value\":\"12\"},\"BillableStatus\":\"NotBillable\"}}]}",
                QboJson.createBody(purchase));
    }

    @Test
    void shouldChargeAFeePaidByCardAsACreditCardPurchase() {
        Purchase purchase = payments.feeExpense(feeExpense(), account("35", "Company Card", "Credit Card", null));

        assertEquals(Purchase.PAYMENT_TYPE_CREDIT_CARD, purchase.paymentType());
    }

    @Test
    void shouldRefuseToPayAFeeFromAnAccountThatIsNeitherBankNorCreditCardOrIsInactive() {
        DocumentRefusedException income = assertThrows(DocumentRefusedException.class,
                () -> payments.feeExpense(feeExpense(), account("35", "Services", "Income", true)));
        DocumentRefusedException inactive = assertThrows(DocumentRefusedException.class,
                () -> payments.feeExpense(feeExpense(), account("35", "Old Checking", "Bank", false)));

        assertEquals(DocumentRefusedException.INVALID_PAYMENT_ACCOUNT, income.code());
        assertThat(income.getMessage(), allOf(containsString("\"Services\""), containsString("type Income")));
        assertEquals(DocumentRefusedException.INVALID_PAYMENT_ACCOUNT, inactive.code());
        assertThat(inactive.getMessage(), containsString("inactive"));
    }

    @Test
    void shouldWriteARefundReceiptFromTheRefundAccountWithItsLines() {
        NewDocument refund = new NewDocument(REALM, DocumentType.REFUND_RECEIPT, "58", null, LocalDate.of(2026, 1, 12),
                null, "35", "3", SOURCE, LINES);

        RefundReceipt receipt = (RefundReceipt) sales.build(refund, null, null, new ReceiptAccounts("35", "3"));

        assertEquals("{\"TxnDate\":\"2026-01-12\",\"CustomerRef\":{\"value\":\"58\"},\"PrivateNote\":\"" + MARKER + "\","
                + "\"Line\":[{\"Description\":\"Annual Subscription\",\"Amount\":1200.00,\"DetailType\":\"SalesItemLineDetail\","
                + "\"SalesItemLineDetail\":{\"ItemRef\":{\"value\":\"2\"},\"Qty\":1,\"UnitPrice\":1200.00}},"
                + "{\"Description\":\"Support hours\",\"Amount\":300.00,\"DetailType\":\"SalesItemLineDetail\","
                + "\"SalesItemLineDetail\":{\"ItemRef\":{\"value\":\"7\"},\"Qty\":3,\"UnitPrice\":100.00}}],"
                + "\"PaymentMethodRef\":{\"value\":\"3\"},\"DepositToAccountRef\":{\"value\":\"35\"}}",
                QboJson.createBody(receipt));
    }

    @Test
    void shouldLeaveOutTheRefundPaymentMethodWhenNotGiven() {
        NewDocument refund = new NewDocument(REALM, DocumentType.REFUND_RECEIPT, "58", null, null, null, "35", null,
                SOURCE, LINES);

        RefundReceipt receipt = (RefundReceipt) sales.build(refund, null, "HS-603", new ReceiptAccounts("35", null));

        assertThat(QboJson.createBody(receipt), allOf(not(containsString("PaymentMethodRef")),
                containsString("\"DocNumber\":\"HS-603\"")));
    }

    @Test
    void shouldReadBackIdTotalAndMarkerOfEveryNewEntity() {
        SalesDocumentBuilder.CreatedDocument payment = SalesDocumentBuilder.created(Payment.builder().id("140")
                .totalAmt(new BigDecimal("1500")).privateNote(MARKER).build());
        SalesDocumentBuilder.CreatedDocument purchase = SalesDocumentBuilder.created(Purchase.builder().id("150")
                .totalAmt(new BigDecimal("43.8")).build());

        assertEquals(List.of("140", "1500.00", MARKER), List.of(payment.id(), payment.total().toPlainString(),
                payment.privateNote()));
        assertEquals("43.80", purchase.total().toPlainString());
        assertEquals("other", ((Purchase) SalesDocumentBuilder.withPrivateNote(Purchase.builder().id("150")
                .privateNote(MARKER).build(), "other")).privateNote());
    }

    private static NewDocument paidInvoice(PaymentDetails payment) {
        return new NewDocument(REALM, DocumentType.PAID_INVOICE, "58", null, LocalDate.of(2026, 1, 9), null, null, null,
                SOURCE, LINES, payment, null);
    }

    private static NewDocument feeExpense() {
        return new NewDocument(REALM, DocumentType.FEE_EXPENSE, null, null, LocalDate.of(2026, 1, 10), null, null, null,
                SOURCE, List.of(), null, new ExpenseDetails(new BigDecimal("43.8"), "12", "35", "56",
                        "HubSpot payment processing fee, payment 603"));
    }

    private static Account account(String id, String name, String type, Boolean active) {
        return new Account(id, null, null, name, type, null, null, null, null, active, null, null, null, null, null);
    }
}
