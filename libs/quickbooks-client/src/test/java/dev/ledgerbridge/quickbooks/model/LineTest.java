package dev.ledgerbridge.quickbooks.model;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LineTest {

    @Test
    void shouldComputeTheAmountAsQtyTimesUnitPriceAtScaleTwo() {
        Line line = Line.salesItem(Ref.of("21"), new BigDecimal("3"), new BigDecimal("19.99"), "Widget");

        assertEquals(new BigDecimal("59.97"), line.amount());
        assertEquals(2, line.amount().scale());
        assertEquals(new BigDecimal("3"), line.salesItemLineDetail().qty());
        assertEquals(new BigDecimal("19.99"), line.salesItemLineDetail().unitPrice());
        assertEquals(Line.SALES_ITEM_LINE_DETAIL, line.detailType());
    }

    @Test
    void shouldAcceptFractionalInputsWhoseProductFitsTwoDecimals() {
        Line line = Line.salesItem(Ref.of("21"), new BigDecimal("0.5"), new BigDecimal("10.1000"), null);

        assertEquals(new BigDecimal("5.05"), line.amount());
    }

    @Test
    void shouldRefuseAProductThatWouldNeedRounding() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Line.salesItem(Ref.of("21"), new BigDecimal("3"), new BigDecimal("0.333"), "x"));

        assertTrue(e.getMessage().contains("6070"), e.getMessage());
    }

    @Test
    void shouldRefuseMoneyWithMoreThanTwoDecimals() {
        assertThrows(IllegalArgumentException.class,
                () -> Line.accountBasedExpense(Ref.of("91"), new BigDecimal("1.005"), null));
        assertThrows(IllegalArgumentException.class, () -> Line.payment(new BigDecimal("1.001"), LinkedTxn.invoice("1")));
    }

    @Test
    void shouldRequireALinkedTransactionOnAPaymentLine() {
        assertThrows(IllegalArgumentException.class, () -> Line.payment(BigDecimal.TEN));
    }

    @Test
    void shouldBuildPercentAndAmountDiscounts() {
        Line percent = Line.discountPercent(new BigDecimal("10"), Ref.of("86"));
        Line amount = Line.discountAmount(new BigDecimal("5"), null);

        assertEquals(Boolean.TRUE, percent.discountLineDetail().percentBased());
        assertEquals(null, percent.amount());
        assertEquals(new BigDecimal("5.00"), amount.amount());
        assertEquals(Boolean.FALSE, amount.discountLineDetail().percentBased());
    }
}
