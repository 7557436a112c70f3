package dev.ledgerbridge.documents.mapping;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.ledgerbridge.documents.DocumentRefusedException;
import dev.ledgerbridge.documents.DocumentType;
import dev.ledgerbridge.documents.NewDocument;
import dev.ledgerbridge.documents.NewDocument.SalesLine;
import dev.ledgerbridge.quickbooks.QboJson;
import dev.ledgerbridge.quickbooks.model.Estimate;
import dev.ledgerbridge.quickbooks.model.Invoice;
import dev.ledgerbridge.quickbooks.model.SalesReceipt;
import dev.ledgerbridge.quickbooks.model.Term;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class SalesDocumentBuilderTest {

    private final SalesDocumentBuilder builder = new SalesDocumentBuilder();

    @Test
    void shouldWriteLinesCustomerTermDateAndMarkerExactlyAsQboExpects() {
        Term net30 = Term.builder().id("3").name("Net 30").build();

        Invoice invoice = (Invoice) builder.build(document(List.of(
                new SalesLine("2", "Annual Subscription", new BigDecimal("1"), new BigDecimal("12000.00")),
                new SalesLine("7", "Support hours", new BigDecimal("3"), new BigDecimal("349.99")))),
                net30, null, null);

        assertEquals("{\"TxnDate\":\"2026-11-26\",\"CustomerRef\":{\"value\":\"58\"},\"SalesTermRef\":{\"value\":\"3\"},"
                + "\"PrivateNote\":\"LedgerBridge portal=40213377 object=DEAL/301 callback=ap-1-2-3\","
                + "\"Line\":[{\"Description\":\"Annual Subscription\",\"Amount\":12000.00,\"DetailType\":\"SalesItemLineDetail\","
                + "\"SalesItemLineDetail\":{\"ItemRef\":{\"value\":\"2\"},\"Qty\":1,\"UnitPrice\":12000.00}},"
                + "{\"Description\":\"Support hours\",\"Amount\":1049.97,\"DetailType\":\"SalesItemLineDetail\","
                + "\"SalesItemLineDetail\":{\"ItemRef\":{\"value\":\"7\"},\"Qty\":3,\"UnitPrice\":349.99}}]}",
                QboJson.createBody(invoice));
    }

    @Test
    void shouldComputeAmountAsQuantityTimesUnitPriceWithoutRounding() {
        Invoice invoice = (Invoice) builder.build(document(List.of(
                new SalesLine("7", null, new BigDecimal("3"), new BigDecimal("349.99")),
                new SalesLine("8", null, new BigDecimal("0.5"), new BigDecimal("0.10")),
                new SalesLine("9", null, new BigDecimal("2.5"), new BigDecimal("19.98")))), null, null, null);

        assertEquals(List.of("1049.97", "0.05", "49.95"),
                invoice.lines().stream().map(line -> line.amount().toPlainString()).toList());
    }

    @Test
    void shouldLeaveOutTermAndDateWhenNotGiven() {
        NewDocument undated = new NewDocument("9130350000000001", DocumentType.INVOICE, "58", null, null, null,
                null, null, new NewDocument.Source(40213377L, "DEAL", "301", "ap-1-2-3"),
                List.of(new SalesLine("2", "Annual Subscription", BigDecimal.ONE, new BigDecimal("10.00"))));

        Invoice invoice = (Invoice) builder.build(undated, null, null, null);

        assertNull(invoice.salesTermRef());
        assertNull(invoice.txnDate());
        assertThat(QboJson.createBody(invoice), allOf(not(containsString("SalesTermRef")), not(containsString("TxnDate"))));
    }

    @Test
    void shouldRefuseALineWhoseAmountIsNotAWholeNumberOfCents() {
        DocumentRefusedException refusal = assertThrows(DocumentRefusedException.class, () -> builder.build(document(List.of(
                new SalesLine("2", "Widget", new BigDecimal("3"), new BigDecimal("0.333")))), null, null, null));

        assertEquals(DocumentRefusedException.INVALID_LINES, refusal.code());
        assertThat(refusal.getMessage(), allOf(containsString("Line 1 (Widget)"), containsString("3 x 0.333 = 0.999")));
    }

    @Test
    void shouldRefuseZeroQuantityAndNegativePriceNamingEachLine() {
        DocumentRefusedException refusal = assertThrows(DocumentRefusedException.class, () -> builder.checkLines(document(List.of(
                new SalesLine("2", "Good", BigDecimal.ONE, BigDecimal.TEN),
                new SalesLine("3", "Nothing", BigDecimal.ZERO, BigDecimal.TEN),
                new SalesLine("4", "Refund", BigDecimal.ONE, new BigDecimal("-5.00"))))));

        assertThat(refusal.getMessage(), allOf(containsString("Line 2 (Nothing): quantity 0"),
                containsString("Line 3 (Refund): unit price -5.00"), not(containsString("Line 1"))));
    }

    @Test
    void shouldRefuseADocumentWithoutLines() {
        DocumentRefusedException refusal = assertThrows(DocumentRefusedException.class,
                () -> builder.checkLines(document(List.of())));

        assertEquals(DocumentRefusedException.INVALID_LINES, refusal.code());
    }

    @Test
    void shouldWriteAnEstimateWithExpirationDateAndNumberButNoTerm() {
        NewDocument quote = new NewDocument("9130350000000001", DocumentType.ESTIMATE, "58", null,
                LocalDate.of(2026, 11, 26), LocalDate.of(2026, 12, 26), null, null,
                new NewDocument.Source(40213377L, "QUOTE", "501", "ap-9"),
                List.of(new SalesLine("2", "Annual Subscription", BigDecimal.ONE, new BigDecimal("12000.00"))));

        Estimate estimate = (Estimate) builder.build(quote, null, "HS-501", null);

        assertEquals("{\"DocNumber\":\"HS-501\",\"TxnDate\":\"2026-11-26\",\"CustomerRef\":{\"value\":\"58\"},"
                + "\"ExpirationDate\":\"2026-12-26\","
                + "\"PrivateNote\":\"LedgerBridge portal=40213377 object=QUOTE/501 callback=ap-9\","
                + "\"Line\":[{\"Description\":\"Annual Subscription\",\"Amount\":12000.00,\"DetailType\":\"SalesItemLineDetail\","
                + "\"SalesItemLineDetail\":{\"ItemRef\":{\"value\":\"2\"},\"Qty\":1,\"UnitPrice\":12000.00}}]}",
                QboJson.createBody(estimate));
    }

    @Test
    void shouldWriteASalesReceiptWithDepositAccountAndPaymentMethod() {
        NewDocument sale = new NewDocument("9130350000000001", DocumentType.SALES_RECEIPT, "58", null, null, null,
                null, null, new NewDocument.Source(40213377L, "DEAL", "301", "ap-7"),
                List.of(new SalesLine("7", "Support hours", new BigDecimal("3"), new BigDecimal("349.99"))));

        SalesReceipt receipt = (SalesReceipt) builder.build(sale, null, null,
                new SalesDocumentBuilder.ReceiptAccounts("1", "3"));

        assertEquals("{\"CustomerRef\":{\"value\":\"58\"},"
                + "\"PrivateNote\":\"LedgerBridge portal=40213377 object=DEAL/301 callback=ap-7\","
                + "\"Line\":[{\"Description\":\"Support hours\",\"Amount\":1049.97,\"DetailType\":\"SalesItemLineDetail\","
                + "\"SalesItemLineDetail\":{\"ItemRef\":{\"value\":\"7\"},\"Qty\":3,\"UnitPrice\":349.99}}],"
                + "\"PaymentMethodRef\":{\"value\":\"3\"},\"DepositToAccountRef\":{\"value\":\"1\"}}",
                QboJson.createBody(receipt));
    }

    @Test
    void shouldFillThePatternAndKnowQbosLengthLimit() {
        NewDocument.Source source = new NewDocument.Source(40213377L, "DEAL", "301", "ap-1");

        assertEquals("HS-301", DocNumberPattern.render("HS-{objectId}", source));
        assertEquals("40213377-DEAL-301", DocNumberPattern.render("{portalId}-{objectType}-{objectId}", source));
        assertEquals(List.of(), DocNumberPattern.problems("HS-{objectId}"));
        assertThat(String.join("; ", DocNumberPattern.problems("INV-{dealId}")), containsString("{dealId}"));
        assertThat(String.join("; ", DocNumberPattern.problems("FIXED")), containsString("same number"));
        assertThat(String.join("; ", DocNumberPattern.problems("ABCDEFGHIJKLMNOPQRSTU{objectId}")),
                containsString("21 characters"));
    }

    private static NewDocument document(List<SalesLine> lines) {
        return new NewDocument("9130350000000001", DocumentType.INVOICE, "58", "Net 30", LocalDate.of(2026, 11, 26),
                null, null, null, new NewDocument.Source(40213377L, "DEAL", "301", "ap-1-2-3"), lines);
    }
}
