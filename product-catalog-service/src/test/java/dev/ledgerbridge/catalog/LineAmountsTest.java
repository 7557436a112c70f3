package dev.ledgerbridge.catalog;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The line amount rule: Amount = Qty x UnitPrice exactly, whatever HubSpot's quantity, price and discount. */
class LineAmountsTest {

    @ParameterizedTest(name = "{0} x {1} (discount {2}, {3}%) -> {4} x {5} = {6}")
    @CsvSource(nullValues = "-", value = {
            // quantity, price, discount, discount %, sent qty, sent unit price, amount, note
            "1,      12000.00, -,    -,   1,    12000,    12000.00, -",
            "2,      1500,     -,    -,   2,    1500,     3000.00,  -",
            "2.5,    10.00,    -,    -,   2.5,  10,       25.00,    -",
            "0.5,    19.99,    -,    -,   0.5,  20,       10.00,    -",
            "3,      9.999,    -,    -,   3,    10,       30.00,    -",
            "4,      2.125,    -,    -,   4,    2.125,    8.50,     -",
            "2,      2.125,    -,    -,   2,    2.125,    4.25,     -",
            "3,      2.125,    -,    -,   3,    2.125,    6.38,     3 x 2.125",
            "10,     100.00,   -,    15,  10,   85,       850.00,   -",
            "3,      33.33,    -,    10,  1,    89.99,    89.99,    3 x 29.997",
            "1,      99.99,    -,    12.5, 1,   87.49,    87.49,    -",
            "5,      100.00,   7.50, -,   5,    92.5,     462.50,   -",
            "1.5,    40.00,    0.01, -,   1.5,  39.99,    59.99,    1.5 x 39.99",
            "2,      0,        -,    -,   2,    0,        0.00,     -",
            "1,      50.00,    -,    100, 1,    0,        0.00,     -",
            "0.333,  3,        -,    -,   1,    1.00,     1.00,     0.333 x 3",
    })
    void shouldSendAnAmountThatIsExactlyQuantityTimesUnitPrice(String quantity, String price, String discount,
            String percentage, String sentQuantity, String sentPrice, String amount, String note) {
        LineItem line = new LineItem("1", "Widget", null, null, new BigDecimal(quantity), new BigDecimal(price), null,
                null, discount == null ? null : new BigDecimal(discount),
                percentage == null ? null : new BigDecimal(percentage));

        LineAmount result = LineAmounts.of(line);

        assertEquals(new BigDecimal(amount), result.amount(), "amount");
        assertEquals(0, result.quantity().multiply(result.unitPrice()).compareTo(result.amount()),
                "qty x unit price must equal the amount exactly");
        assertEquals(note, result.note(), "note");
        if (note == null) {
            assertEquals(0, new BigDecimal(sentQuantity).compareTo(result.quantity()), "quantity");
            assertEquals(0, new BigDecimal(sentPrice).compareTo(result.unitPrice()), "unit price");
        } else {
            assertEquals(BigDecimal.ONE, result.quantity(), "a line that cannot be exact is sent as quantity 1");
        }
        assertTrue(result.unitPrice().scale() <= LineAmounts.MAX_UNIT_PRICE_SCALE, "QBO keeps 5 decimals");
    }

    @Test
    void shouldPriceALineWithoutPriceAtZeroAsHubSpotShowsIt() {
        LineAmount result = LineAmounts.of(new LineItem("1", "Free", null, null, BigDecimal.ONE, null));

        assertEquals(new BigDecimal("0.00"), result.amount());
    }

    @Test
    void shouldRefuseNamingEveryLineQuickBooksCannotTake() {
        List<LineItem> lines = List.of(
                new LineItem("1", "Zero", null, null, BigDecimal.ZERO, BigDecimal.TEN),
                new LineItem("2", "Fine", null, null, BigDecimal.ONE, BigDecimal.TEN),
                new LineItem("3", "Negative", null, null, BigDecimal.ONE, new BigDecimal("-1")),
                new LineItem("4", "Too much off", null, null, BigDecimal.ONE, BigDecimal.TEN, null, null,
                        new BigDecimal("11"), null),
                new LineItem("5", "Odd percent", null, null, BigDecimal.ONE, BigDecimal.TEN, null, null, null,
                        new BigDecimal("120")));

        LineItemRefusal refusal = assertThrows(LineItemRefusal.class, () -> LineAmounts.of(lines));

        assertEquals(LineItemRefusal.INVALID_LINE_AMOUNTS, refusal.code());
        assertEquals("QuickBooks cannot take these line items: Zero: quantity 0 must be greater than zero;"
                + " Negative: unit price -1 must not be negative; Too much off: discount 11 must be between 0 and"
                + " the unit price 10; Odd percent: discount 120% must be between 0 and 100. Correct the line items"
                + " in HubSpot.", refusal.getMessage());
    }
}
