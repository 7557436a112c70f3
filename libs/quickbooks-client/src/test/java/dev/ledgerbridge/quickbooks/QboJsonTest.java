package dev.ledgerbridge.quickbooks;

import dev.ledgerbridge.quickbooks.model.Customer;
import dev.ledgerbridge.quickbooks.model.EmailAddress;
import dev.ledgerbridge.quickbooks.model.Invoice;
import dev.ledgerbridge.quickbooks.model.Item;
import dev.ledgerbridge.quickbooks.model.Line;
import dev.ledgerbridge.quickbooks.model.LinkedTxn;
import dev.ledgerbridge.quickbooks.model.MemoRef;
import dev.ledgerbridge.quickbooks.model.Payment;
import dev.ledgerbridge.quickbooks.model.Purchase;
import dev.ledgerbridge.quickbooks.model.Ref;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

class QboJsonTest {

    @Test
    void shouldWriteAnInvoiceWithQboFieldNamesPlainMoneyAndNoNulls() {
        Invoice invoice = Invoice.builder()
                .customerRef(Ref.of("58"))
                .txnDate(LocalDate.of(2026, 3, 2))
                .dueDate(LocalDate.of(2026, 4, 1))
                .salesTermRef(Ref.of("3"))
                .docNumber("HS-18820")
                .billEmail(EmailAddress.of("ada@example.com"))
                .privateNote("hubspot:deal:18820;callback:ap-1-2-3-0")
                .customerMemo(MemoRef.of("Thank you for your business."))
                .lines(List.of(Line.salesItem(Ref.of("21"), new BigDecimal("2"), new BigDecimal("1500.00"),
                        "Onboarding Package", Ref.of("NON"))))
                .build();

        assertEquals("{\"DocNumber\":\"HS-18820\",\"TxnDate\":\"2026-03-02\",\"CustomerRef\":{\"value\":\"58\"},"
                + "\"SalesTermRef\":{\"value\":\"3\"},\"DueDate\":\"2026-04-01\",\"BillEmail\":{\"Address\":\"ada@example.com\"},"
                + "\"PrivateNote\":\"hubspot:deal:18820;callback:ap-1-2-3-0\","
                + "\"CustomerMemo\":{\"value\":\"Thank you for your business.\"},"
                + "\"Line\":[{\"Description\":\"Onboarding Package\",\"Amount\":3000.00,\"DetailType\":\"SalesItemLineDetail\","
                + "\"SalesItemLineDetail\":{\"ItemRef\":{\"value\":\"21\"},\"Qty\":2,\"UnitPrice\":1500.00,"
                + "\"TaxCodeRef\":{\"value\":\"NON\"}}}]}", QboJson.createBody(invoice));
    }

    @Test
    void shouldWriteAPaymentLinkedToAnInvoiceWithoutDetailType() {
        Payment payment = Payment.builder()
                .customerRef(Ref.of("58"))
                .totalAmt(new BigDecimal("3000.00"))
                .txnDate(LocalDate.of(2026, 3, 2))
                .paymentRefNum("hs-pay-553")
                .depositToAccountRef(Ref.of("4"))
                .lines(List.of(Line.payment(new BigDecimal("3000"), LinkedTxn.invoice("1207"))))
                .build();

        assertEquals("{\"CustomerRef\":{\"value\":\"58\"},\"TotalAmt\":3000.00,\"TxnDate\":\"2026-03-02\","
                + "\"PaymentRefNum\":\"hs-pay-553\",\"DepositToAccountRef\":{\"value\":\"4\"},"
                + "\"Line\":[{\"Amount\":3000.00,\"LinkedTxn\":[{\"TxnId\":\"1207\",\"TxnType\":\"Invoice\"}]}]}",
                QboJson.createBody(payment));
    }

    @Test
    void shouldWriteAnExpenseWithATypedPayee() {
        Purchase purchase = Purchase.builder()
                .paymentType(Purchase.PAYMENT_TYPE_CASH)
                .accountRef(Ref.of("35"))
                .entityRef(Ref.typed("61", "Vendor"))
                .lines(List.of(Line.accountBasedExpense(Ref.of("91"), new BigDecimal("87.3"), null)))
                .build();

        assertEquals("{\"PaymentType\":\"Cash\",\"AccountRef\":{\"value\":\"35\"},"
                + "\"EntityRef\":{\"value\":\"61\",\"type\":\"Vendor\"},\"Line\":[{\"Amount\":87.30,"
                + "\"DetailType\":\"AccountBasedExpenseLineDetail\",\"AccountBasedExpenseLineDetail\":"
                + "{\"AccountRef\":{\"value\":\"91\"},\"BillableStatus\":\"NotBillable\"}}]}", QboJson.createBody(purchase));
    }

    @Test
    void shouldNeverWriteMoneyInScientificNotation() {
        Item item = Item.builder().name("Big").unitPrice(new BigDecimal("1E+7")).build();

        assertEquals("{\"Name\":\"Big\",\"UnitPrice\":10000000}", QboJson.createBody(item));
    }

    @Test
    void shouldWriteASparseUpdateWithIdSyncTokenAndOnlyTheChangedFields() {
        Customer change = Customer.builder().id("58").syncToken("3").notes("HubSpot contact 9011").build();

        assertEquals("{\"sparse\":true,\"Id\":\"58\",\"SyncToken\":\"3\",\"Notes\":\"HubSpot contact 9011\"}",
                QboJson.sparseUpdateBody(change));
    }

    @Test
    void shouldRefuseASparseUpdateWithoutSyncToken() {
        Customer change = Customer.builder().id("58").notes("x").build();

        assertThrows(IllegalArgumentException.class, () -> QboJson.sparseUpdateBody(change));
    }

    @Test
    void shouldReadAResponseWithUnknownFieldsAndKeepDecimalsExact() throws Exception {
        String json = """
                {"Id":"1207","SyncToken":"0","domain":"QBO","sparse":false,"FutureField":{"x":[1,2]},
                 "MetaData":{"CreateTime":"2026-03-02T09:17:31-08:00","LastUpdatedTime":"2026-03-02T09:17:31-08:00"},
                 "CustomFields":[],"TotalAmt":3000.10,"Balance":0.1,"TxnDate":"2026-03-02",
                 "Line":[{"Id":"1","LineNum":1,"Amount":3000.10,"DetailType":"SalesItemLineDetail",
                          "SalesItemLineDetail":{"ItemRef":{"value":"21","name":"Onboarding"},"Qty":3,"UnitPrice":1000.0333333,
                                                 "ItemAccountRef":{"value":"79"}}},
                         {"Amount":3000.10,"DetailType":"SubTotalLineDetail","SubTotalLineDetail":{}}]}
                """;

        Invoice invoice = QboJson.mapper().readValue(json, Invoice.class);

        assertEquals("1207", invoice.id());
        assertEquals(new BigDecimal("3000.10"), invoice.totalAmt());
        assertEquals(new BigDecimal("0.1"), invoice.balance());
        assertEquals(new BigDecimal("1000.0333333"), invoice.lines().get(0).salesItemLineDetail().unitPrice());
        assertEquals(OffsetDateTime.parse("2026-03-02T09:17:31-08:00"), invoice.metaData().createTime());
        assertEquals(Line.SUB_TOTAL_LINE_DETAIL, invoice.lines().get(1).detailType());
        assertNull(invoice.lines().get(1).salesItemLineDetail());
    }
}
