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
import dev.ledgerbridge.quickbooks.model.Invoice;
import dev.ledgerbridge.quickbooks.model.Term;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class InvoiceBuilderTest {

    private final InvoiceBuilder builder = new InvoiceBuilder();

    @Test
    void shouldWriteLinesCustomerTermDateAndMarkerExactlyAsQboExpects() {
        Term net30 = Term.builder().id("3").name("Net 30").build();

        Invoice invoice = builder.build(document(List.of(
                new SalesLine("2", "Annual Subscription", new BigDecimal("1"), new BigDecimal("12000.00")),
                new SalesLine("7", "Support hours", new BigDecimal("3"), new BigDecimal("349.99")))),
                net30);

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
        Invoice invoice = builder.build(document(List.of(
                new SalesLine("7", null, new BigDecimal("3"), new BigDecimal("349.99")),
                new SalesLine("8", null, new BigDecimal("0.5"), new BigDecimal("0.10")),
                new SalesLine("9", null, new BigDecimal("2.5"), new BigDecimal("19.98")))), null);

        assertEquals(List.of("1049.97", "0.05", "49.95"),
                invoice.lines().stream().map(line -> line.amount().toPlainString()).toList());
    }

    @Test
    void shouldLeaveOutTermAndDateWhenNotGiven() {
        NewDocument undated = new NewDocument("9130350000000001", DocumentType.INVOICE, "58", null, null,
                new NewDocument.Source(40213377L, "DEAL", "301", "ap-1-2-3"),
                List.of(new SalesLine("2", "Annual Subscription", BigDecimal.ONE, new BigDecimal("10.00"))));

        Invoice invoice = builder.build(undated, null);

        assertNull(invoice.salesTermRef());
        assertNull(invoice.txnDate());
        assertThat(QboJson.createBody(invoice), allOf(not(containsString("SalesTermRef")), not(containsString("TxnDate"))));
    }

    @Test
    void shouldRefuseALineWhoseAmountIsNotAWholeNumberOfCents() {
        DocumentRefusedException refusal = assertThrows(DocumentRefusedException.class, () -> builder.build(document(List.of(
                new SalesLine("2", "Widget", new BigDecimal("3"), new BigDecimal("0.333")))), null));

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

    private static NewDocument document(List<SalesLine> lines) {
        return new NewDocument("9130350000000001", DocumentType.INVOICE, "58", "Net 30", LocalDate.of(2026, 11, 26),
                new NewDocument.Source(40213377L, "DEAL", "301", "ap-1-2-3"), lines);
    }
}
