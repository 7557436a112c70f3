package dev.ledgerbridge.catalog;

import org.junit.jupiter.api.Test;

import java.text.Normalizer;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** The normalisation every name and SKU comparison goes through. */
class MatchKeyTest {

    @Test
    void shouldIgnoreCaseAndSurroundingWhitespace() {
        assertEquals(MatchKey.of("Annual Subscription"), MatchKey.of("  annual SUBSCRIPTION\t"));
    }

    @Test
    void shouldTreatComposedAndDecomposedAccentsAlike() {
        String composed = "Zoë Ånd";
        String decomposed = Normalizer.normalize(composed, Normalizer.Form.NFD);

        assertNotEquals(composed, decomposed);
        assertEquals(MatchKey.of(composed), MatchKey.of(decomposed.toUpperCase(java.util.Locale.ROOT)));
    }

    @Test
    void shouldFoldSharpS() {
        assertEquals(MatchKey.of("STRASSE"), MatchKey.of("Straße"));
    }

    @Test
    void shouldKeepInnerWhitespaceAndPunctuationSignificant() {
        assertNotEquals(MatchKey.of("Support Hours"), MatchKey.of("Support  Hours"));
        assertNotEquals(MatchKey.of("D'Arcy"), MatchKey.of("DArcy"));
    }

    @Test
    void shouldGiveNoKeyForNullOrBlank() {
        assertNull(MatchKey.of(null));
        assertNull(MatchKey.of(" \t "));
    }

    @Test
    void shouldAskQboForBothUnicodeSpellingsOfTheTrimmedValue() {
        String decomposed = Normalizer.normalize("Zoë", Normalizer.Form.NFD);

        assertEquals(List.of("Zoë", decomposed), List.copyOf(MatchKey.querySpellings(" " + decomposed + " ")));
        assertEquals(List.of("Support Hours"), List.copyOf(MatchKey.querySpellings("Support Hours ")));
        assertEquals(List.of(), List.copyOf(MatchKey.querySpellings("  ")));
    }
}
