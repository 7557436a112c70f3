package dev.ledgerbridge.quickbooks.query;

import dev.ledgerbridge.quickbooks.model.Customer;
import dev.ledgerbridge.quickbooks.model.Invoice;
import dev.ledgerbridge.quickbooks.query.QboQuery.Op;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class QboQueryTest {

    @Test
    void shouldEscapeBackslashAndApostropheInsideTheLiteral() {
        QboQuery query = QboQuery.selectFrom(Customer.class).whereEquals("DisplayName", "O'Brien \\ Sons");

        assertEquals("SELECT * FROM Customer WHERE DisplayName = 'O\\'Brien \\\\ Sons'", query.statement());
    }

    @Test
    void shouldKeepDoubleQuotesAndAccentsLiteral() {
        QboQuery query = QboQuery.selectFrom("Customer").whereEquals("DisplayName", "Zo\u00eb \"Z\" \u00c5nd");

        assertEquals("SELECT * FROM Customer WHERE DisplayName = 'Zo\u00eb \"Z\" \u00c5nd'", query.statement());
    }

    @Test
    void shouldKeepAnInjectionAttemptInsideOneLiteral() {
        QboQuery query = QboQuery.selectFrom("Customer").whereEquals("DisplayName", "x' OR Name = 'y");

        assertEquals("SELECT * FROM Customer WHERE DisplayName = 'x\\' OR Name = \\'y'", query.statement());
        assertEquals(List.of("x' OR Name = 'y"), literals(query.statement()));
    }

    @Test
    void shouldNotLetATrailingBackslashEscapeTheClosingQuote() {
        QboQuery query = QboQuery.selectFrom("Customer").whereEquals("DisplayName", "ends with \\")
                .whereEquals("GivenName", "Ada");

        assertEquals("SELECT * FROM Customer WHERE DisplayName = 'ends with \\\\' AND GivenName = 'Ada'",
                query.statement());
        assertEquals(List.of("ends with \\", "Ada"), literals(query.statement()));
    }

    @Test
    void shouldKeepANewlineInsideTheLiteral() {
        QboQuery query = QboQuery.selectFrom("Customer").whereEquals("Notes", "a\nSELECT * FROM Item");

        assertEquals("SELECT * FROM Customer WHERE Notes = 'a\nSELECT * FROM Item'", query.statement());
        assertEquals(List.of("a\nSELECT * FROM Item"), literals(query.statement()));
    }

    @Test
    void shouldRoundTripHostileValuesThroughTheSandboxUnescapingRule() {
        for (String value : List.of("'", "\\", "\\'", "''", "a\\\\'b", "%_\"", "\u00e9\u00e8\u2603", "x' AND '1'='1")) {
            String statement = QboQuery.selectFrom("Item").whereEquals("Name", value).statement();
            assertEquals(List.of(value), literals(statement), statement);
            assertTrue(statement.startsWith("SELECT * FROM Item WHERE Name = '"), statement);
        }
    }

    @Test
    void shouldRenderAllComparisonOperatorsAndTypedValues() {
        QboQuery query = QboQuery.countFrom(Invoice.class)
                .where("TxnDate", Op.GE, LocalDate.of(2026, 1, 1))
                .where("TxnDate", Op.LT, LocalDate.of(2026, 2, 1))
                .where("Balance", Op.GT, new BigDecimal("10.50"))
                .where("Balance", Op.LE, 1000L)
                .where("MetaData.LastUpdatedTime", Op.GT, OffsetDateTime.of(2026, 1, 1, 0, 0, 0, 0, ZoneOffset.ofHours(-8)))
                .where("Active", Op.EQ, true);

        assertEquals("SELECT COUNT(*) FROM Invoice WHERE TxnDate >= '2026-01-01' AND TxnDate < '2026-02-01'"
                + " AND Balance > 10.50 AND Balance <= 1000"
                + " AND MetaData.LastUpdatedTime > '2026-01-01T00:00:00-08:00' AND Active = true", query.statement());
    }

    @Test
    void shouldRenderInWithQuotedStringsBareBooleansAndTheNullLiteral() {
        QboQuery query = QboQuery.selectFrom("Customer")
                .whereIn("Active", List.of(true, false))
                .whereIn("DisplayName", Arrays.asList("O'Brien", "Ada", null));

        assertEquals("SELECT * FROM Customer WHERE Active IN (true, false) AND DisplayName IN ('O\\'Brien', 'Ada', ' ')",
                query.statement());
    }

    @Test
    void shouldRenderLikeAsPrefixAndContains() {
        assertEquals("SELECT * FROM Item WHERE Name LIKE 'O\\'Bri%'",
                QboQuery.selectFrom("Item").whereStartsWith("Name", "O'Bri").statement());
        assertEquals("SELECT * FROM Item WHERE Name LIKE '%pack%'",
                QboQuery.selectFrom("Item").whereContains("Name", "pack").statement());
    }

    @Test
    void shouldRefuseALikeValueContainingPercent() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> QboQuery.selectFrom("Item").whereStartsWith("Name", "50% off"));
        assertTrue(e.getMessage().contains("cannot escape '%'"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> QboQuery.selectFrom("Item").whereContains("Name", "%"));
    }

    @Test
    void shouldRenderOrderingAndPaging() {
        QboQuery query = QboQuery.selectFrom("Account").whereEquals("AccountType", "Bank")
                .orderByDescending("MetaData.LastUpdatedTime").startPosition(101).maxResults(100);

        assertEquals("SELECT * FROM Account WHERE AccountType = 'Bank' ORDERBY MetaData.LastUpdatedTime DESC"
                + " STARTPOSITION 101 MAXRESULTS 100", query.statement());
        assertEquals("SELECT * FROM Item ORDERBY Name", QboQuery.selectFrom("Item").orderBy("Name").statement());
    }

    @Test
    void shouldRefusePagingOutsideQboLimits() {
        QboQuery query = QboQuery.selectFrom("Item");
        assertThrows(IllegalArgumentException.class, () -> query.maxResults(1001));
        assertThrows(IllegalArgumentException.class, () -> query.maxResults(0));
        assertThrows(IllegalArgumentException.class, () -> query.startPosition(0));
        assertEquals("SELECT * FROM Item MAXRESULTS 1000", query.maxResults(1000).statement());
    }

    @Test
    void shouldRefusePropertyAndEntityNamesThatCouldChangeTheStatement() {
        QboQuery query = QboQuery.selectFrom("Customer");
        for (String property : List.of("Name = 'x' OR Id", "Name'", "Name ", "", "1Name", "Meta..Data", "Name;", "Na-me")) {
            assertThrows(IllegalArgumentException.class, () -> query.whereEquals(property, "v"), property);
            assertThrows(IllegalArgumentException.class, () -> query.orderBy(property), property);
        }
        assertThrows(IllegalArgumentException.class, () -> QboQuery.selectFrom("Customer WHERE Id = '1'"));
        assertThrows(IllegalArgumentException.class, () -> QboQuery.selectFrom("Customer1"));
    }

    @Test
    void shouldLeaveTheOriginalQueryUnchangedWhenDerivingANewOne() {
        QboQuery base = QboQuery.selectFrom("Customer");
        base.whereEquals("DisplayName", "Ada").maxResults(5);

        assertEquals("SELECT * FROM Customer", base.statement());
    }

    /** Extracts the single-quoted literals the way the sandbox parser reads them: backslash escapes the next char. */
    private static List<String> literals(String statement) {
        List<String> result = new java.util.ArrayList<>();
        int i = 0;
        while (i < statement.length()) {
            if (statement.charAt(i) == '\'') {
                StringBuilder literal = new StringBuilder();
                i++;
                while (statement.charAt(i) != '\'') {
                    if (statement.charAt(i) == '\\') {
                        i++;
                    }
                    literal.append(statement.charAt(i));
                    i++;
                }
                result.add(literal.toString());
            }
            i++;
        }
        return result;
    }
}
