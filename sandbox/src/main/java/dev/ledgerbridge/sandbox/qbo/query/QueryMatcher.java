package dev.ledgerbridge.sandbox.qbo.query;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ledgerbridge.sandbox.qbo.query.QboQuery.Condition;
import dev.ledgerbridge.sandbox.qbo.query.QboQuery.Literal;
import dev.ledgerbridge.sandbox.qbo.query.QboQuery.Order;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Evaluates parsed conditions against stored entities. The case rule (documented choice): string {@code =},
 * {@code IN}, {@code LIKE} and range comparisons ignore case (Locale.ROOT lower-casing), as real QBO appears to for
 * names; no Unicode normalisation is applied, so NFC and NFD spellings differ, and clients must normalise and
 * confirm candidates themselves. Numbers compare as BigDecimal, timestamps as instants, references by their
 * {@code value}, e-mail objects by their {@code Address}.
 */
public final class QueryMatcher {

    /** Zone used to read date-only and offset-less timestamps: QBO's servers report Pacific time. */
    private static final ZoneId PACIFIC = ZoneId.of("America/Los_Angeles");

    private QueryMatcher() {
    }

    /** Whether {@code entity} satisfies every condition. */
    public static boolean matchesAll(ObjectNode entity, List<Condition> conditions) {
        return conditions.stream().allMatch(c -> matches(entity, c));
    }

    /** Whether {@code entity} satisfies {@code condition}; a missing property never matches. */
    public static boolean matches(ObjectNode entity, Condition condition) {
        JsonNode value = valueAt(entity, condition.property());
        if (value == null) {
            return false;
        }
        boolean numericId = condition.property().equals("Id");
        return switch (condition.operator()) {
            case EQ -> compare(value, condition.values().get(0), numericId) == 0;
            case LT -> compare(value, condition.values().get(0), numericId) < 0;
            case GT -> compare(value, condition.values().get(0), numericId) > 0;
            case LE -> compare(value, condition.values().get(0), numericId) <= 0;
            case GE -> compare(value, condition.values().get(0), numericId) >= 0;
            case IN -> condition.values().stream().anyMatch(l -> compare(value, l, numericId) == 0);
            case LIKE -> like(value.asText(), condition.values().get(0).text());
        };
    }

    /** Order for ORDERBY clauses, falling back to numeric Id; missing values sort first. */
    public static Comparator<ObjectNode> ordering(List<Order> orders) {
        Comparator<ObjectNode> result = null;
        for (Order order : orders) {
            boolean numericId = order.property().equals("Id");
            Comparator<ObjectNode> one = (a, b) -> compareNodes(valueAt(a, order.property()),
                    valueAt(b, order.property()), numericId);
            if (order.descending()) {
                one = one.reversed();
            }
            result = result == null ? one : result.thenComparing(one);
        }
        Comparator<ObjectNode> byId = Comparator.comparing(n -> idNumber(n.path("Id").asText()));
        return result == null ? byId : result.thenComparing(byId);
    }

    /** The scalar at a dotted path, unwrapping references ({@code value}) and e-mail objects ({@code Address}). */
    public static JsonNode valueAt(JsonNode entity, String dottedPath) {
        JsonNode node = entity;
        for (String part : dottedPath.split("\\.")) {
            node = node == null ? null : node.get(part);
        }
        if (node == null || node.isNull()) {
            return null;
        }
        if (node.isObject()) {
            if (node.has("value")) {
                return node.get("value");
            }
            if (node.has("Address")) {
                return node.get("Address");
            }
            return null;
        }
        return node;
    }

    private static int compare(JsonNode value, Literal literal, boolean numericId) {
        if (!literal.quoted() && (literal.text().equals("true") || literal.text().equals("false"))) {
            boolean actual = value.isBoolean() ? value.booleanValue() : Boolean.parseBoolean(value.asText());
            return Boolean.compare(actual, Boolean.parseBoolean(literal.text()));
        }
        return compareText(value.isNumber() ? value.decimalValue().toPlainString() : value.asText(), literal.text(),
                value.isNumber() || !literal.quoted() || numericId);
    }

    private static int compareNodes(JsonNode a, JsonNode b, boolean numericId) {
        if (a == null || b == null) {
            return a == null ? (b == null ? 0 : -1) : 1;
        }
        return compareText(a.isNumber() ? a.decimalValue().toPlainString() : a.asText(),
                b.isNumber() ? b.decimalValue().toPlainString() : b.asText(), a.isNumber() || numericId);
    }

    private static int compareText(String actual, String expected, boolean preferNumeric) {
        if (preferNumeric) {
            BigDecimal left = decimal(actual);
            BigDecimal right = decimal(expected);
            if (left != null && right != null) {
                return left.compareTo(right);
            }
        }
        Instant leftTime = instant(actual);
        if (leftTime != null) {
            Instant rightTime = instant(expected);
            if (rightTime != null) {
                return leftTime.compareTo(rightTime);
            }
        }
        return actual.toLowerCase(Locale.ROOT).compareTo(expected.toLowerCase(Locale.ROOT));
    }

    private static boolean like(String actual, String pattern) {
        StringBuilder regex = new StringBuilder();
        String[] pieces = pattern.toLowerCase(Locale.ROOT).split("%", -1);
        for (int i = 0; i < pieces.length; i++) {
            if (i > 0) {
                regex.append(".*");
            }
            regex.append(Pattern.quote(pieces[i]));
        }
        return Pattern.compile(regex.toString(), Pattern.DOTALL).matcher(actual.toLowerCase(Locale.ROOT)).matches();
    }

    private static BigDecimal decimal(String text) {
        if (text == null || text.isEmpty() || !text.matches("-?\\d+(\\.\\d+)?")) {
            return null;
        }
        return new BigDecimal(text);
    }

    private static long idNumber(String id) {
        try {
            return Long.parseLong(id);
        } catch (NumberFormatException e) {
            return Long.MAX_VALUE;
        }
    }

    /** Reads QBO's timestamp spellings: offset date-times, local date-times (Pacific) and dates. */
    public static Instant instant(String text) {
        if (text == null || text.length() < 10 || !Character.isDigit(text.charAt(0))) {
            return null;
        }
        try {
            if (text.length() == 10) {
                return LocalDate.parse(text).atStartOfDay(PACIFIC).toInstant();
            }
            if (text.endsWith("Z") || text.matches(".*[+-]\\d\\d:?\\d\\d$")) {
                return OffsetDateTime.parse(text).toInstant();
            }
            return LocalDateTime.parse(text).atZone(PACIFIC).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
