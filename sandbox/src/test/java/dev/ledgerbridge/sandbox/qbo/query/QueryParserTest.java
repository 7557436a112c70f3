package dev.ledgerbridge.sandbox.qbo.query;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ledgerbridge.sandbox.qbo.QboEntityType;
import dev.ledgerbridge.sandbox.qbo.QboFault;
import dev.ledgerbridge.sandbox.qbo.query.QboQuery.Condition;
import dev.ledgerbridge.sandbox.qbo.query.QboQuery.Literal;
import dev.ledgerbridge.sandbox.qbo.query.QboQuery.Operator;
import java.util.List;
import org.junit.jupiter.api.Test;

class QueryParserTest {

    @Test
    void shouldParseSelectStarWithoutClauses() {
        QboQuery query = QueryParser.parse("select * from Customer");

        assertEquals(QboEntityType.CUSTOMER, query.entity());
        assertFalse(query.count());
        assertTrue(query.conditions().isEmpty());
        assertNull(query.startPosition());
        assertNull(query.maxResults());
    }

    @Test
    void shouldParseCountWithConditions() {
        QboQuery query = QueryParser.parse("SELECT COUNT(*) FROM Invoice WHERE TxnDate >= '2026-01-01'");

        assertTrue(query.count());
        assertEquals(List.of(new Condition("TxnDate", Operator.GE, List.of(new Literal("2026-01-01", true)))),
                query.conditions());
    }

    @Test
    void shouldUnescapeBackslashAndQuoteInsideLiterals() {
        QboQuery query = QueryParser.parse("select * from Customer where DisplayName = 'O\\'Brien \\\\ Sons'");

        assertEquals("O'Brien \\ Sons", query.conditions().get(0).values().get(0).text());
    }

    @Test
    void shouldKeepDoubleQuotesPercentAndAccentsLiteral() {
        QboQuery query = QueryParser.parse("select * from Customer where DisplayName = 'Zoë \"Z\" Ånd 100%'");

        assertEquals("Zoë \"Z\" Ånd 100%", query.conditions().get(0).values().get(0).text());
    }

    @Test
    void shouldParseInLikeAndNestedProperties() {
        QboQuery query = QueryParser.parse("select * from Customer where Active IN (true, false) and "
                + "DisplayName LIKE 'Ada%' AND MetaData.LastUpdatedTime > '2026-01-01T00:00:00-08:00'");

        assertEquals(3, query.conditions().size());
        assertEquals(Operator.IN, query.conditions().get(0).operator());
        assertEquals(List.of(new Literal("true", false), new Literal("false", false)),
                query.conditions().get(0).values());
        assertEquals(Operator.LIKE, query.conditions().get(1).operator());
        assertEquals("MetaData.LastUpdatedTime", query.conditions().get(2).property());
        assertTrue(query.filtersOnActive());
    }

    @Test
    void shouldParseOrderbyAndPaging() {
        QboQuery query = QueryParser.parse("select * from Item where Type = 'Service' ORDERBY Name DESC "
                + "STARTPOSITION 3 MAXRESULTS 2");

        assertEquals(List.of(new QboQuery.Order("Name", true)), query.orderBy());
        assertEquals(3, query.startPosition());
        assertEquals(2, query.maxResults());
    }

    @Test
    void shouldRejectLowerCaseEntityName() {
        QboFault fault = assertThrows(QboFault.class, () -> QueryParser.parse("select * from customer"));

        assertEquals("4000", fault.code());
        assertEquals(400, fault.status());
    }

    @Test
    void shouldRejectOr() {
        QboFault fault = assertThrows(QboFault.class,
                () -> QueryParser.parse("select * from Customer where DisplayName = 'a' or DisplayName = 'b'"));

        assertEquals("4000", fault.code());
    }

    @Test
    void shouldRejectProjections() {
        assertEquals("4000", assertThrows(QboFault.class,
                () -> QueryParser.parse("select DisplayName from Customer")).code());
    }

    @Test
    void shouldRejectUnterminatedLiteralAndEmptyStatement() {
        assertEquals("4000", assertThrows(QboFault.class,
                () -> QueryParser.parse("select * from Customer where DisplayName = 'O\\'Brien")).code());
        assertEquals("4000", assertThrows(QboFault.class, () -> QueryParser.parse("  ")).code());
    }

    @Test
    void shouldRejectUnknownAndNonFilterableProperties() {
        QboFault unknown = assertThrows(QboFault.class,
                () -> QueryParser.parse("select * from Customer where Nickname = 'x'"));
        QboFault notFilterable = assertThrows(QboFault.class,
                () -> QueryParser.parse("select * from Invoice where PrivateNote = 'x'"));

        assertEquals("4001", unknown.code());
        assertThat(unknown.detail(), containsString("Nickname"));
        assertEquals("4001", notFilterable.code());
        assertThat(notFilterable.detail(), containsString("PrivateNote"));
    }

    @Test
    void shouldRejectZeroMaxResults() {
        assertEquals("4000", assertThrows(QboFault.class,
                () -> QueryParser.parse("select * from Item MAXRESULTS 0")).code());
    }
}
