package dev.ledgerbridge.sandbox.qbo.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class QueryMatcherTest {

    private final ObjectMapper mapper = new ObjectMapper();

    private ObjectNode customer(String id, String name, String email, String updated) throws Exception {
        return (ObjectNode) mapper.readTree("""
                {"Id":"%s","DisplayName":"%s","PrimaryEmailAddr":{"Address":"%s"},"Balance":12.50,
                 "CustomerRef":{"value":"7"},"MetaData":{"LastUpdatedTime":"%s"}}
                """.formatted(id, name, email, updated));
    }

    private boolean matches(ObjectNode entity, String where) {
        QboQuery query = QueryParser.parse("select * from Customer where " + where);
        return QueryMatcher.matchesAll(entity, query.conditions());
    }

    @Test
    void shouldCompareStringsIgnoringCase() throws Exception {
        ObjectNode ada = customer("1", "Ada Lovelace", "ada@example.com", "2026-03-02T09:00:00-08:00");

        assertTrue(matches(ada, "DisplayName = 'ADA lovelace'"));
        assertTrue(matches(ada, "DisplayName LIKE '%love%'"));
        assertTrue(matches(ada, "DisplayName LIKE 'ada%'"));
        assertFalse(matches(ada, "DisplayName LIKE 'love%'"));
        assertTrue(matches(ada, "DisplayName IN ('Grace Hopper', 'ada lovelace')"));
    }

    @Test
    void shouldNotNormaliseUnicode() throws Exception {
        ObjectNode composed = customer("1", "Zo\u00eb", "z@example.com", "2026-03-02T09:00:00-08:00");

        assertTrue(matches(composed, "DisplayName = 'Zo\u00eb'"));
        assertFalse(matches(composed, "DisplayName = 'Zoe\u0308'"));
    }

    @Test
    void shouldCompareEmailObjectsNumbersAndTimestamps() throws Exception {
        ObjectNode ada = customer("1", "Ada Lovelace", "ada@example.com", "2026-03-02T09:00:00-08:00");

        assertTrue(matches(ada, "PrimaryEmailAddr = 'Ada@Example.com'"));
        assertTrue(matches(ada, "Balance > 12"));
        assertTrue(matches(ada, "Balance = 12.5"));
        assertTrue(matches(ada, "MetaData.LastUpdatedTime > '2026-03-02T16:59:59Z'"));
        assertFalse(matches(ada, "MetaData.LastUpdatedTime > '2026-03-02T17:00:00Z'"));
        assertTrue(matches(ada, "MetaData.LastUpdatedTime >= '2026-03-02'"));
    }

    @Test
    void shouldOrderByPropertyThenNumericId() throws Exception {
        List<ObjectNode> rows = new ArrayList<>(List.of(
                customer("10", "b", "b@x.io", "2026-03-02T09:00:00-08:00"),
                customer("9", "A", "a@x.io", "2026-03-02T09:00:00-08:00"),
                customer("2", "c", "c@x.io", "2026-03-02T09:00:00-08:00")));

        rows.sort(QueryMatcher.ordering(List.of()));
        assertEquals(List.of("2", "9", "10"), rows.stream().map(r -> r.get("Id").asText()).toList());

        rows.sort(QueryMatcher.ordering(List.of(new QboQuery.Order("DisplayName", true))));
        assertEquals(List.of("c", "b", "A"), rows.stream().map(r -> r.get("DisplayName").asText()).toList());
    }
}
