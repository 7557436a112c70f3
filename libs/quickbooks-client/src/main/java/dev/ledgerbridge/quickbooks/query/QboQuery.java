package dev.ledgerbridge.quickbooks.query;

import dev.ledgerbridge.quickbooks.QboEntityTypes;
import dev.ledgerbridge.quickbooks.model.QboEntity;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * An immutable statement in QBO's query language ({@code SELECT * | COUNT(*) FROM Entity WHERE ... AND ...
 * ORDERBY ... STARTPOSITION n MAXRESULTS n}) that callers cannot inject into.
 * <p>Entity and property names are checked against a strict pattern and every value is rendered by this class:
 * strings go inside single quotes with {@code \} written as {@code \\} and {@code '} as {@code \'} (the escaping
 * agreed with the sandbox, see contract.md), so no value can close the literal or add a clause (R9). Booleans,
 * numbers and dates are rendered from typed arguments, never from strings. Each method returns a new query.
 */
public final class QboQuery {

    /** QBO's documented upper bound for MAXRESULTS. */
    public static final int MAX_PAGE_SIZE = 1000;

    private static final Pattern ENTITY = Pattern.compile("[A-Za-z]+");
    private static final Pattern PROPERTY = Pattern.compile("[A-Za-z][A-Za-z0-9]*(\\.[A-Za-z][A-Za-z0-9]*)*");

    /** Comparison operators QBO supports besides IN and LIKE. */
    public enum Op {
        EQ("="), LT("<"), GT(">"), LE("<="), GE(">=");

        private final String symbol;

        Op(String symbol) {
            this.symbol = symbol;
        }

        /** The operator as written in a statement. */
        public String symbol() {
            return symbol;
        }
    }

    private final boolean count;
    private final String entity;
    private final List<String> conditions;
    private final String orderBy;
    private final Integer startPosition;
    private final Integer maxResults;

    private QboQuery(boolean count, String entity, List<String> conditions, String orderBy, Integer startPosition,
            Integer maxResults) {
        this.count = count;
        this.entity = entity;
        this.conditions = List.copyOf(conditions);
        this.orderBy = orderBy;
        this.startPosition = startPosition;
        this.maxResults = maxResults;
    }

    /** {@code SELECT * FROM <entity>}; the entity name is case-sensitive in QBO (e.g. {@code Customer}). */
    public static QboQuery selectFrom(String entity) {
        return new QboQuery(false, entityName(entity), List.of(), null, null, null);
    }

    /** {@code SELECT * FROM} the entity the record type maps to. */
    public static QboQuery selectFrom(Class<? extends QboEntity> type) {
        return selectFrom(QboEntityTypes.nameOf(type));
    }

    /** {@code SELECT COUNT(*) FROM <entity>}. */
    public static QboQuery countFrom(String entity) {
        return new QboQuery(true, entityName(entity), List.of(), null, null, null);
    }

    /** {@code SELECT COUNT(*) FROM} the entity the record type maps to. */
    public static QboQuery countFrom(Class<? extends QboEntity> type) {
        return countFrom(QboEntityTypes.nameOf(type));
    }

    /** {@code property op 'value'}. */
    public QboQuery where(String property, Op op, String value) {
        return and(property(property) + " " + Objects.requireNonNull(op, "op").symbol() + " " + quote(value));
    }

    /** {@code property = 'value'}, the usual look-up. */
    public QboQuery whereEquals(String property, String value) {
        return where(property, Op.EQ, value);
    }

    /** {@code property op true|false}. */
    public QboQuery where(String property, Op op, boolean value) {
        return and(property(property) + " " + Objects.requireNonNull(op, "op").symbol() + " " + value);
    }

    /** {@code property op number}; the number is written in plain notation. */
    public QboQuery where(String property, Op op, BigDecimal value) {
        return and(property(property) + " " + Objects.requireNonNull(op, "op").symbol() + " "
                + Objects.requireNonNull(value, "value").toPlainString());
    }

    /** {@code property op number}. */
    public QboQuery where(String property, Op op, long value) {
        return and(property(property) + " " + Objects.requireNonNull(op, "op").symbol() + " " + value);
    }

    /** {@code property op 'yyyy-MM-dd'}. */
    public QboQuery where(String property, Op op, LocalDate value) {
        return where(property, op, DateTimeFormatter.ISO_LOCAL_DATE.format(Objects.requireNonNull(value, "value")));
    }

    /** {@code property op 'yyyy-MM-ddTHH:mm:ss+hh:mm'}, e.g. on {@code MetaData.LastUpdatedTime}. */
    public QboQuery where(String property, Op op, OffsetDateTime value) {
        return where(property, op, DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(Objects.requireNonNull(value, "value")));
    }

    /**
     * {@code property IN (...)}; strings are quoted and escaped, booleans and numbers written bare, and a null
     * element becomes QBO's null literal {@code ' '} (only valid inside IN). Emulates OR, which QBO lacks.
     */
    public QboQuery whereIn(String property, Collection<?> values) {
        Objects.requireNonNull(values, "values");
        if (values.isEmpty()) {
            throw new IllegalArgumentException("IN needs at least one value");
        }
        List<String> rendered = new ArrayList<>(values.size());
        for (Object value : values) {
            rendered.add(inLiteral(value));
        }
        return and(property(property) + " IN (" + String.join(", ", rendered) + ")");
    }

    /**
     * {@code property LIKE 'prefix%'}. QBO has no way to escape {@code %} inside LIKE, so a prefix containing
     * {@code %} is refused rather than silently turned into a wider pattern.
     */
    public QboQuery whereStartsWith(String property, String prefix) {
        return and(property(property) + " LIKE " + quote(likeFragment(prefix) + "%"));
    }

    /** {@code property LIKE '%fragment%'}; refuses a fragment containing {@code %} for the same reason. */
    public QboQuery whereContains(String property, String fragment) {
        return and(property(property) + " LIKE " + quote("%" + likeFragment(fragment) + "%"));
    }

    /** {@code ORDERBY property} ascending; a later call replaces an earlier one. */
    public QboQuery orderBy(String property) {
        return new QboQuery(count, entity, conditions, property(property), startPosition, maxResults);
    }

    /** {@code ORDERBY property DESC}. */
    public QboQuery orderByDescending(String property) {
        return new QboQuery(count, entity, conditions, property(property) + " DESC", startPosition, maxResults);
    }

    /** {@code STARTPOSITION n}, 1-based. */
    public QboQuery startPosition(int position) {
        if (position < 1) {
            throw new IllegalArgumentException("STARTPOSITION is 1-based, got " + position);
        }
        return new QboQuery(count, entity, conditions, orderBy, position, maxResults);
    }

    /** {@code MAXRESULTS n}, 1 to {@value #MAX_PAGE_SIZE}. */
    public QboQuery maxResults(int max) {
        if (max < 1 || max > MAX_PAGE_SIZE) {
            throw new IllegalArgumentException("MAXRESULTS must be between 1 and " + MAX_PAGE_SIZE + ", got " + max);
        }
        return new QboQuery(count, entity, conditions, orderBy, startPosition, max);
    }

    /** The entity this query reads. */
    public String entity() {
        return entity;
    }

    /** True for {@code SELECT COUNT(*)}. */
    public boolean isCount() {
        return count;
    }

    /** STARTPOSITION if set, else null. */
    public Integer startPositionOrNull() {
        return startPosition;
    }

    /** MAXRESULTS if set, else null. */
    public Integer maxResultsOrNull() {
        return maxResults;
    }

    /** The statement as QBO receives it (before URL encoding). */
    public String statement() {
        StringBuilder sb = new StringBuilder("SELECT ").append(count ? "COUNT(*)" : "*").append(" FROM ").append(entity);
        if (!conditions.isEmpty()) {
            sb.append(" WHERE ").append(String.join(" AND ", conditions));
        }
        if (orderBy != null) {
            sb.append(" ORDERBY ").append(orderBy);
        }
        if (startPosition != null) {
            sb.append(" STARTPOSITION ").append(startPosition);
        }
        if (maxResults != null) {
            sb.append(" MAXRESULTS ").append(maxResults);
        }
        return sb.toString();
    }

    @Override
    public String toString() {
        return statement();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof QboQuery other && statement().equals(other.statement());
    }

    @Override
    public int hashCode() {
        return statement().hashCode();
    }

    /**
     * The value as a single-quoted QBO literal: backslash and quote are backslash-escaped, everything else
     * (double quotes, %, accents, control characters) stays literal inside the quotes.
     */
    public static String quote(String value) {
        Objects.requireNonNull(value, "value");
        StringBuilder sb = new StringBuilder(value.length() + 2).append('\'');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\\' || c == '\'') {
                sb.append('\\');
            }
            sb.append(c);
        }
        return sb.append('\'').toString();
    }

    private QboQuery and(String condition) {
        List<String> next = new ArrayList<>(conditions);
        next.add(condition);
        return new QboQuery(count, entity, next, orderBy, startPosition, maxResults);
    }

    private static String inLiteral(Object value) {
        if (value == null) {
            return "' '";
        }
        if (value instanceof String s) {
            return quote(s);
        }
        if (value instanceof Boolean b) {
            return b.toString();
        }
        if (value instanceof BigDecimal d) {
            return d.toPlainString();
        }
        if (value instanceof Integer || value instanceof Long || value instanceof Short) {
            return value.toString();
        }
        if (value instanceof LocalDate d) {
            return quote(DateTimeFormatter.ISO_LOCAL_DATE.format(d));
        }
        throw new IllegalArgumentException("unsupported IN value type " + value.getClass().getName());
    }

    private static String likeFragment(String value) {
        Objects.requireNonNull(value, "value");
        if (value.indexOf('%') >= 0) {
            throw new IllegalArgumentException("QBO's LIKE cannot escape '%', so a LIKE value must not contain it;"
                    + " query with '=' or filter the results in code instead");
        }
        return value;
    }

    private static String entityName(String entity) {
        if (entity == null || !ENTITY.matcher(entity).matches()) {
            throw new IllegalArgumentException("invalid QBO entity name: " + entity);
        }
        return entity;
    }

    private static String property(String property) {
        if (property == null || !PROPERTY.matcher(property).matches()) {
            throw new IllegalArgumentException("invalid QBO property name (letters, digits and dots only): " + property);
        }
        return property;
    }
}
