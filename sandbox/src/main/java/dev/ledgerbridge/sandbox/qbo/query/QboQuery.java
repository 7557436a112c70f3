package dev.ledgerbridge.sandbox.qbo.query;

import dev.ledgerbridge.sandbox.qbo.QboEntityType;
import java.util.List;

/**
 * A parsed QBO query statement.
 *
 * @param entity the one entity queried
 * @param count true for {@code SELECT COUNT(*)}
 * @param conditions WHERE conditions, all of which must hold (QBO has AND only)
 * @param orderBy ORDERBY clauses in order, empty for the default (by Id)
 * @param startPosition 1-based STARTPOSITION, or null when absent
 * @param maxResults MAXRESULTS, or null when absent
 */
public record QboQuery(QboEntityType entity, boolean count, List<Condition> conditions, List<Order> orderBy,
        Integer startPosition, Integer maxResults) {

    /** Comparison operators of the QBO query language. */
    public enum Operator {
        EQ, LT, GT, LE, GE, IN, LIKE
    }

    /**
     * One WHERE condition.
     *
     * @param property dotted property path, e.g. {@code MetaData.LastUpdatedTime}
     * @param operator the comparison
     * @param values one literal, or several for IN
     */
    public record Condition(String property, Operator operator, List<Literal> values) {
    }

    /**
     * A literal with its lexical kind.
     *
     * @param text the unescaped text (a string's content, or a number/boolean as written)
     * @param quoted true for a single-quoted string
     */
    public record Literal(String text, boolean quoted) {
    }

    /**
     * One ORDERBY clause.
     *
     * @param property dotted property path
     * @param descending true for DESC
     */
    public record Order(String property, boolean descending) {
    }

    /** Whether any condition filters on {@code Active}, which switches off the default active-only filter. */
    public boolean filtersOnActive() {
        return conditions.stream().anyMatch(c -> c.property().equals("Active"));
    }
}
