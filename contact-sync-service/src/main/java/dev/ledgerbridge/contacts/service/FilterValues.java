package dev.ledgerbridge.contacts.service;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.regex.Pattern;

/** Reads HubSpot property values and filter operands as numbers or dates, for GREATER_THAN and LESS_THAN. */
final class FilterValues {

    private static final Pattern NUMBER = Pattern.compile("[+-]?([0-9]+(\\.[0-9]*)?|\\.[0-9]+)([eE][+-]?[0-9]+)?");
    // HubSpot sends datetime properties as ISO instants in v3, and as epoch milliseconds in older payloads.
    private static final Pattern EPOCH_MILLIS = Pattern.compile("[0-9]{12,14}");

    private FilterValues() {
    }

    /** A number or a date, compared within its own kind only. */
    sealed interface Operand permits NumberValue, DateValue {
    }

    /** A decimal number (never a double: "0.1" must stay 0.1). */
    record NumberValue(BigDecimal value) implements Operand {
    }

    /** A moment; an ISO date means 00:00 UTC of that day. */
    record DateValue(Instant value, boolean dayOnly) implements Operand {
    }

    /** The operand as a number or a date, or null when it is neither. */
    static Operand operand(String text) {
        if (text == null) {
            return null;
        }
        String value = text.strip();
        if (NUMBER.matcher(value).matches()) {
            return new NumberValue(new BigDecimal(value));
        }
        return date(value);
    }

    /** A property value read as the same kind as the operand: a number, or a date (epoch millis allowed); else null. */
    static Operand sameKind(String propertyValue, Operand operand) {
        if (propertyValue == null) {
            return null;
        }
        String value = propertyValue.strip();
        if (operand instanceof NumberValue) {
            return NUMBER.matcher(value).matches() ? new NumberValue(new BigDecimal(value)) : null;
        }
        if (EPOCH_MILLIS.matcher(value).matches()) {
            return new DateValue(Instant.ofEpochMilli(Long.parseLong(value)), false);
        }
        return date(value);
    }

    /** Negative, zero or positive as {@code left} is below, equal to or above {@code right} (same kind). */
    static int compare(Operand left, Operand right) {
        if (left instanceof NumberValue l && right instanceof NumberValue r) {
            return l.value().compareTo(r.value());
        }
        DateValue l = (DateValue) left;
        DateValue r = (DateValue) right;
        // "after 2026-03-01" means after that day, so a moment on that day compares equal to it, not above.
        if (l.dayOnly() || r.dayOnly()) {
            return l.value().truncatedTo(ChronoUnit.DAYS).compareTo(r.value().truncatedTo(ChronoUnit.DAYS));
        }
        return l.value().compareTo(r.value());
    }

    private static DateValue date(String value) {
        try {
            return new DateValue(LocalDate.parse(value).atStartOfDay().toInstant(ZoneOffset.UTC), true);
        } catch (DateTimeParseException notADate) {
            // fall through: maybe a moment
        }
        try {
            return new DateValue(OffsetDateTime.parse(value).toInstant(), false);
        } catch (DateTimeParseException notAMoment) {
            return null;
        }
    }
}
