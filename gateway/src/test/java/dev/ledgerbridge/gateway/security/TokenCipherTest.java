package dev.ledgerbridge.gateway.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.runtime.LaunchMode;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

/** AES-256-GCM of the stored tokens: round trip, tampering, places, key rotation, the production key rule. */
class TokenCipherTest {

    private static final String KEY_2025 = "k2025:" + Base64.getEncoder().encodeToString(new byte[32]);
    private static final String KEY_2026 = "k2026:" + Base64.getEncoder().encodeToString(filled((byte) 7));
    private static final TokenPlace REFRESH = new TokenPlace("quickbooks_connection", "refresh_token", "9130350000000001");

    @Test
    void shouldRoundTripWithAFreshIvEachTime() {
        TokenCipher cipher = new TokenCipher(KEY_2026, List.of());
        String first = cipher.encrypt("RT1-secret-value", REFRESH);
        String second = cipher.encrypt("RT1-secret-value", REFRESH);

        assertTrue(first.startsWith("v1:k2026:"), first);
        assertFalse(first.contains("RT1-secret-value"));
        assertNotEquals(first, second, "a random IV per value");
        assertEquals("RT1-secret-value", cipher.decrypt(first, REFRESH));
        assertEquals("RT1-secret-value", cipher.decrypt(second, REFRESH));
        assertNull(cipher.encrypt(null, REFRESH));
        assertNull(cipher.decrypt(null, REFRESH));
    }

    @Test
    void shouldRefuseATamperedValue() {
        TokenCipher cipher = new TokenCipher(KEY_2026, List.of());
        String stored = cipher.encrypt("RT1-secret-value", REFRESH);
        String[] parts = stored.split(":");
        byte[] sealed = Base64.getUrlDecoder().decode(parts[3]);
        sealed[0] ^= 1;
        String tampered = parts[0] + ":" + parts[1] + ":" + parts[2] + ":"
                + Base64.getUrlEncoder().withoutPadding().encodeToString(sealed);

        TokenDecryptionException refused = assertThrows(TokenDecryptionException.class,
                () -> cipher.decrypt(tampered, REFRESH));
        assertFalse(refused.getMessage().contains(parts[3]), "the message names no ciphertext");
        assertThrows(TokenDecryptionException.class, () -> cipher.decrypt("plaintext-token", REFRESH));
    }

    @Test
    void shouldRefuseAValueMovedToAnotherRowOrColumn() {
        TokenCipher cipher = new TokenCipher(KEY_2026, List.of());
        String stored = cipher.encrypt("RT1-secret-value", REFRESH);

        assertThrows(TokenDecryptionException.class, () -> cipher.decrypt(stored,
                new TokenPlace("quickbooks_connection", "refresh_token", "9130350000000003")));
        assertThrows(TokenDecryptionException.class, () -> cipher.decrypt(stored,
                new TokenPlace("quickbooks_connection", "access_token", "9130350000000001")));
    }

    @Test
    void shouldDecryptWithAPreviousKeyAfterRotationAndEncryptWithTheActiveOne() {
        String underOld = new TokenCipher(KEY_2025, List.of()).encrypt("RT1-secret-value", REFRESH);
        TokenCipher rotated = new TokenCipher(KEY_2026, List.of(KEY_2025));

        assertEquals("RT1-secret-value", rotated.decrypt(underOld, REFRESH));
        assertFalse(rotated.isUnderActiveKey(underOld));
        assertTrue(rotated.isUnderActiveKey(rotated.encrypt("x", REFRESH)));
        // Once the previous key is dropped from the configuration, old values no longer decrypt.
        TokenDecryptionException refused = assertThrows(TokenDecryptionException.class,
                () -> new TokenCipher(KEY_2026, List.of()).decrypt(underOld, REFRESH));
        assertTrue(refused.getMessage().contains("k2025"), refused.getMessage());
    }

    @Test
    void shouldRefuseMalformedKeys() {
        assertThrows(IllegalArgumentException.class, () -> new TokenCipher("no-colon", List.of()));
        assertThrows(IllegalArgumentException.class,
                () -> new TokenCipher("short:" + Base64.getEncoder().encodeToString(new byte[16]), List.of()));
        assertThrows(IllegalArgumentException.class, () -> new TokenCipher(KEY_2026, List.of(KEY_2026)));
    }

    @Test
    void shouldRefuseTheLocalKeyInProductionOnly() {
        IllegalStateException refused = assertThrows(IllegalStateException.class,
                () -> TokenCipher.refuseLocalKeyOutsideDevelopment(LaunchMode.NORMAL, TokenCipher.LOCAL_DEVELOPMENT_KEY,
                        List.of()));
        assertTrue(refused.getMessage().contains("local development"), refused.getMessage());
        // Also as a previous key, and under another id: the material decides.
        String renamed = "renamed:" + TokenCipher.LOCAL_DEVELOPMENT_KEY.substring("local-dev:".length());
        assertThrows(IllegalStateException.class,
                () -> TokenCipher.refuseLocalKeyOutsideDevelopment(LaunchMode.NORMAL, KEY_2026, List.of(renamed)));

        TokenCipher.refuseLocalKeyOutsideDevelopment(LaunchMode.NORMAL, KEY_2026, List.of(KEY_2025));
        TokenCipher.refuseLocalKeyOutsideDevelopment(LaunchMode.TEST, TokenCipher.LOCAL_DEVELOPMENT_KEY, List.of());
        TokenCipher.refuseLocalKeyOutsideDevelopment(LaunchMode.DEVELOPMENT, TokenCipher.LOCAL_DEVELOPMENT_KEY, List.of());
    }

    private static byte[] filled(byte value) {
        byte[] bytes = new byte[32];
        java.util.Arrays.fill(bytes, value);
        return bytes;
    }
}
