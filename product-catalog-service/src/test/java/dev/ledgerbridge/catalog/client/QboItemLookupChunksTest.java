package dev.ledgerbridge.catalog.client;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** How look-up values are split into IN lists. */
class QboItemLookupChunksTest {

    @Test
    void shouldKeepAShortListInOneQuery() {
        assertEquals(List.of(List.of("A", "B", "C")), QboItemLookup.chunks(List.of("A", "B", "C"), 100, 4000));
    }

    @Test
    void shouldSplitByNumberOfValuesKeepingOrder() {
        assertEquals(List.of(List.of("A", "B"), List.of("C", "D"), List.of("E")),
                QboItemLookup.chunks(List.of("A", "B", "C", "D", "E"), 2, 4000));
    }

    @Test
    void shouldSplitByCharactersOfTheQuotedValues() {
        String forty = "x".repeat(40);
        // Each value costs 40 + 2 quotes + 2 for the separator = 44 characters.
        assertEquals(List.of(List.of(forty, forty), List.of(forty)),
                QboItemLookup.chunks(List.of(forty, forty, forty), 100, 100));
    }

    @Test
    void shouldCountEscapesInTheCharacterBudget() {
        String quotes = "'".repeat(20);
        // 20 escaped quotes are 40 characters, + 4 = 44 each: two do not fit in 80.
        assertEquals(List.of(List.of(quotes), List.of(quotes)), QboItemLookup.chunks(List.of(quotes, quotes), 100, 80));
    }
}
