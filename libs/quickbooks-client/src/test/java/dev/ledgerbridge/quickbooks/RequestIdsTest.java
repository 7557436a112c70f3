package dev.ledgerbridge.quickbooks;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RequestIdsTest {

    @Test
    void shouldDeriveTheSameFiftyCharacterIdFromTheSameParts() {
        String first = RequestIds.derive("40213377", "ap-1-2-3-0", "invoice");
        String second = RequestIds.derive("40213377", "ap-1-2-3-0", "invoice");

        assertEquals(first, second);
        assertEquals(50, first.length());
        assertTrue(first.matches("[a-z2-7]{50}"), first);
    }

    @Test
    void shouldMatchBase32OfSha256OverThePipeJoinedParts() throws Exception {
        // sha256("a|b") computed independently of RequestIds, then RFC 4648 base32 (lower case) by hand.
        byte[] hash = java.security.MessageDigest.getInstance("SHA-256")
                .digest("a|b".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        StringBuilder bits = new StringBuilder();
        for (byte b : hash) {
            bits.append(String.format("%8s", Integer.toBinaryString(b & 0xff)).replace(' ', '0'));
        }
        StringBuilder expected = new StringBuilder();
        for (int i = 0; i < 250; i += 5) {
            expected.append("abcdefghijklmnopqrstuvwxyz234567".charAt(Integer.parseInt(bits.substring(i, i + 5), 2)));
        }

        assertEquals(expected.toString(), RequestIds.derive("a", "b"));
    }

    @Test
    void shouldDeriveDifferentIdsForDifferentSteps() {
        assertNotEquals(RequestIds.derive("40213377", "ap-1", "invoice"), RequestIds.derive("40213377", "ap-1", "payment"));
    }

    @Test
    void shouldRefusePartsThatWouldMakeTheJoinAmbiguous() {
        assertThrows(IllegalArgumentException.class, () -> RequestIds.derive("a|b", "c"));
        assertThrows(IllegalArgumentException.class, () -> RequestIds.derive("a", ""));
        assertThrows(IllegalArgumentException.class, () -> RequestIds.derive());
    }

    @Test
    void shouldAcceptOneToFiftyPrintableCharacters() {
        assertEquals("x", RequestIds.requireValid("x"));
        assertEquals("a".repeat(50), RequestIds.requireValid("a".repeat(50)));
        assertEquals("123e4567-e89b-12d3-a456-426614174000", RequestIds.requireValid("123e4567-e89b-12d3-a456-426614174000"));
    }

    @Test
    void shouldRefuseEmptyTooLongOrNonPrintableRequestIds() {
        assertThrows(IllegalArgumentException.class, () -> RequestIds.requireValid(null));
        assertThrows(IllegalArgumentException.class, () -> RequestIds.requireValid(""));
        assertThrows(IllegalArgumentException.class, () -> RequestIds.requireValid("a".repeat(51)));
        assertThrows(IllegalArgumentException.class, () -> RequestIds.requireValid("has space"));
        assertThrows(IllegalArgumentException.class, () -> RequestIds.requireValid("caf\u00e9"));
    }
}
