package dev.ledgerbridge.catalog;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/**
 * Computes each line's QBO quantity, unit price and amount from the HubSpot line item so that
 * {@code Amount = Qty x UnitPrice} holds exactly (QBO error 6070 cannot happen).
 * <ol>
 * <li>Net unit price: {@code price x (100 - hs_discount_percentage) / 100} when a percentage is set, else
 * {@code price - discount} (HubSpot's {@code discount} is an amount off each unit), else {@code price}.</li>
 * <li>Amount: {@code quantity x net unit price}, rounded half-up to cents (HubSpot rounds line totals the same way).</li>
 * <li>Sent as is when {@code quantity x net unit price} is exactly that amount and the net price has at most
 * {@value #MAX_UNIT_PRICE_SCALE} decimals; else with unit price {@code amount / quantity} when that division is exact
 * within {@value #MAX_UNIT_PRICE_SCALE} decimals; else as quantity 1 at the amount, the original
 * "quantity x unit price" going into the description ({@link LineAmount#note()}), so the total never drifts.</li>
 * </ol>
 * A missing price counts as 0, as in HubSpot. A quantity that is missing or not positive, a negative price, a discount above the price or a
 * percentage outside 0-100 is refused, naming the line.
 */
public final class LineAmounts {

    /** Decimals of a unit price QBO keeps. */
    static final int MAX_UNIT_PRICE_SCALE = 5;
    private static final BigDecimal HUNDRED = new BigDecimal("100");

    private LineAmounts() {
    }

    /** The amounts of every line, in order; refuses (INVALID_LINE_AMOUNTS) naming every line that cannot be priced. */
    public static List<LineAmount> of(List<LineItem> lines) {
        List<LineAmount> amounts = new ArrayList<>(lines.size());
        List<String> problems = new ArrayList<>();
        for (LineItem line : lines) {
            String problem = problem(line);
            if (problem != null) {
                problems.add(label(line) + ": " + problem);
            } else {
                amounts.add(of(line));
            }
        }
        if (!problems.isEmpty()) {
            throw LineItemRefusal.invalidAmounts(problems);
        }
        return List.copyOf(amounts);
    }

    /** The amount of one valid line (see the class comment). */
    public static LineAmount of(LineItem line) {
        BigDecimal quantity = line.quantity();
        BigDecimal net = netUnitPrice(line);
        BigDecimal exact = quantity.multiply(net);
        BigDecimal amount = exact.setScale(2, RoundingMode.HALF_UP);
        if (exact.compareTo(amount) == 0 && fitsUnitPrice(net)) {
            return new LineAmount(line.lineItemId(), plain(quantity), plain(net), amount, null);
        }
        BigDecimal divided = divideExactly(amount, quantity);
        if (divided != null && quantity.multiply(divided).compareTo(amount) == 0) {
            return new LineAmount(line.lineItemId(), plain(quantity), divided, amount, null);
        }
        String note = plain(quantity).toPlainString() + " x " + plain(net).toPlainString();
        return new LineAmount(line.lineItemId(), BigDecimal.ONE, amount, amount, note);
    }

    private static BigDecimal netUnitPrice(LineItem line) {
        // HubSpot shows a line without a price as amount 0; the invoice says the same.
        BigDecimal price = line.price() == null ? BigDecimal.ZERO : line.price();
        if (line.discountPercentage() != null && line.discountPercentage().signum() != 0) {
            return price.multiply(HUNDRED.subtract(line.discountPercentage())).divide(HUNDRED);
        }
        if (line.discount() != null) {
            return price.subtract(line.discount());
        }
        return price;
    }

    private static String problem(LineItem line) {
        if (line.quantity() == null) {
            return "it has no quantity";
        }
        if (line.quantity().signum() <= 0) {
            return "quantity " + plain(line.quantity()).toPlainString() + " must be greater than zero";
        }
        BigDecimal price = line.price() == null ? BigDecimal.ZERO : line.price();
        if (price.signum() < 0) {
            return "unit price " + line.price().toPlainString() + " must not be negative";
        }
        BigDecimal percentage = line.discountPercentage();
        if (percentage != null && (percentage.signum() < 0 || percentage.compareTo(HUNDRED) > 0)) {
            return "discount " + percentage.toPlainString() + "% must be between 0 and 100";
        }
        if ((percentage == null || percentage.signum() == 0) && line.discount() != null
                && (line.discount().signum() < 0 || line.discount().compareTo(price) > 0)) {
            return "discount " + line.discount().toPlainString() + " must be between 0 and the unit price "
                    + price.toPlainString();
        }
        return null;
    }

    private static boolean fitsUnitPrice(BigDecimal price) {
        return plain(price).scale() <= MAX_UNIT_PRICE_SCALE;
    }

    private static BigDecimal divideExactly(BigDecimal amount, BigDecimal quantity) {
        try {
            BigDecimal quotient = amount.divide(quantity);
            return fitsUnitPrice(quotient) ? plain(quotient) : null;
        } catch (ArithmeticException nonTerminating) {
            return null;
        }
    }

    /** Without trailing zeros, but never in exponent form with a negative scale (1E+1 stays 10). */
    private static BigDecimal plain(BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }

    private static String label(LineItem item) {
        return item.name() == null || item.name().isBlank() ? "line item " + item.lineItemId() : item.name().strip();
    }
}
