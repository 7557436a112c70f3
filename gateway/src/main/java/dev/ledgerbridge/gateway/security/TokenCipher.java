package dev.ledgerbridge.gateway.security;

import dev.ledgerbridge.gateway.config.GatewayConfig;
import io.quarkus.runtime.LaunchMode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Encrypts vendor tokens before they reach the database: AES-256-GCM with a random 12-byte IV per value and the value's
 * place (table, column, row) as additional authenticated data, so a ciphertext copied to another row or column does
 * not decrypt. Stored as {@code v1:<key id>:<iv base64url>:<ciphertext+tag base64url>}: the key id lets a value written
 * under a previous key still be read after a rotation until {@code TokenKeyRotation} re-encrypts it.
 */
@ApplicationScoped
public class TokenCipher {

    /**
     * The development key that application.properties sets for %dev and %test. It is public (it is in the repository),
     * so a production gateway refuses to start with it ({@link #refuseLocalKeyOutsideDevelopment}).
     */
    public static final String LOCAL_DEVELOPMENT_KEY = "local-dev:OAhqm8TluLWVDR8iBqr6VDL/yM0hTka676b5MCXSpVg=";

    private static final String VERSION = "v1";
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final Pattern KEY_ID = Pattern.compile("[A-Za-z0-9._-]{1,40}");

    private final String activeKeyId;
    private final Map<String, SecretKeySpec> keys;
    private final SecureRandom random = new SecureRandom();

    @Inject
    public TokenCipher(GatewayConfig config) {
        this(config.connections().tokenEncryption().activeKey(),
                config.connections().tokenEncryption().previousKeys().orElse(List.of()));
        refuseLocalKeyOutsideDevelopment(LaunchMode.current(), config.connections().tokenEncryption().activeKey(),
                config.connections().tokenEncryption().previousKeys().orElse(List.of()));
    }

    /**
     * A cipher with the active key and the previous keys it may still decrypt with, each {@code <key id>:<base64 of
     * 32 bytes>}.
     */
    public TokenCipher(String activeKey, List<String> previousKeys) {
        Map<String, SecretKeySpec> all = new LinkedHashMap<>();
        String active = null;
        List<String> specs = new ArrayList<>();
        specs.add(activeKey);
        specs.addAll(previousKeys);
        for (String spec : specs) {
            ParsedKey parsed = ParsedKey.parse(spec);
            if (all.putIfAbsent(parsed.id(), new SecretKeySpec(parsed.material(), "AES")) != null) {
                throw new IllegalArgumentException("token encryption key id " + parsed.id() + " is configured twice");
            }
            if (active == null) {
                active = parsed.id();
            }
        }
        this.activeKeyId = active;
        this.keys = Map.copyOf(all);
    }

    /**
     * Fails the start of a production gateway (or one started by {@code java -jar} without a profile) that would use the
     * public development key, active or previous: tokens "encrypted" with it are readable by anyone with the repository.
     */
    public static void refuseLocalKeyOutsideDevelopment(LaunchMode mode, String activeKey, List<String> previousKeys) {
        if (mode.isDevOrTest()) {
            return;
        }
        byte[] local = ParsedKey.parse(LOCAL_DEVELOPMENT_KEY).material();
        List<String> all = new ArrayList<>(previousKeys);
        all.add(activeKey);
        for (String spec : all) {
            if (MessageDigest.isEqual(ParsedKey.parse(spec).material(), local)) {
                throw new IllegalStateException("The gateway refuses to start in production with the local development"
                        + " token encryption key: set ledgerbridge.gateway.connections.token-encryption.active-key"
                        + " (env LEDGERBRIDGE_GATEWAY_CONNECTIONS_TOKEN_ENCRYPTION_ACTIVE_KEY) from a Kubernetes Secret");
            }
        }
    }

    /** The id of the key new values are encrypted with. */
    public String activeKeyId() {
        return activeKeyId;
    }

    /** Encrypts a token for one place ({@link TokenPlace#aad()}); null stays null (a wiped token). */
    public String encrypt(String plaintext, TokenPlace place) {
        if (plaintext == null) {
            return null;
        }
        byte[] iv = new byte[IV_BYTES];
        random.nextBytes(iv);
        byte[] sealed = run(Cipher.ENCRYPT_MODE, keys.get(activeKeyId), iv, place,
                plaintext.getBytes(StandardCharsets.UTF_8));
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        return VERSION + ":" + activeKeyId + ":" + b64.encodeToString(iv) + ":" + b64.encodeToString(sealed);
    }

    /**
     * Decrypts a stored value for the place it was encrypted for; null stays null. A value that was changed, belongs to
     * another place, or names a key this gateway does not have is refused with {@link TokenDecryptionException} (whose
     * message never contains the value).
     */
    public String decrypt(String stored, TokenPlace place) {
        if (stored == null) {
            return null;
        }
        String[] parts = stored.split(":", -1);
        if (parts.length != 4 || !VERSION.equals(parts[0])) {
            throw new TokenDecryptionException("stored token of " + place.aad() + " is not in the v1 format");
        }
        SecretKeySpec key = keys.get(parts[1]);
        if (key == null) {
            throw new TokenDecryptionException("stored token of " + place.aad() + " was encrypted with key " + parts[1]
                    + ", which is not configured (active or previous)");
        }
        try {
            Base64.Decoder b64 = Base64.getUrlDecoder();
            byte[] iv = b64.decode(parts[2]);
            if (iv.length != IV_BYTES) {
                throw new TokenDecryptionException("stored token of " + place.aad() + " has a malformed IV");
            }
            return new String(run(Cipher.DECRYPT_MODE, key, iv, place, b64.decode(parts[3])), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw new TokenDecryptionException("stored token of " + place.aad() + " does not decrypt (changed, or"
                    + " moved from another row or column)");
        }
    }

    /** Whether a stored value was encrypted with the active key (a rotation re-encrypts the others). */
    public boolean isUnderActiveKey(String stored) {
        return stored != null && stored.startsWith(VERSION + ":" + activeKeyId + ":");
    }

    private static byte[] run(int mode, SecretKeySpec key, byte[] iv, TokenPlace place, byte[] input) {
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, iv));
            cipher.updateAAD(place.aad().getBytes(StandardCharsets.UTF_8));
            return cipher.doFinal(input);
        } catch (GeneralSecurityException e) {
            // AEADBadTagException on a tampered value or wrong AAD: the caller reports it without any detail.
            throw new IllegalStateException("AES-GCM failed", e);
        }
    }

    /** A configured key: id and 32 bytes of material. */
    private record ParsedKey(String id, byte[] material) {

        static ParsedKey parse(String spec) {
            int colon = spec == null ? -1 : spec.indexOf(':');
            if (colon <= 0) {
                throw new IllegalArgumentException("a token encryption key must be <key id>:<base64 of 32 bytes>");
            }
            String id = spec.substring(0, colon);
            if (!KEY_ID.matcher(id).matches()) {
                throw new IllegalArgumentException("token encryption key id must be 1-40 of [A-Za-z0-9._-]");
            }
            byte[] material;
            try {
                material = Base64.getDecoder().decode(spec.substring(colon + 1).trim());
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("token encryption key " + id + " is not base64");
            }
            if (material.length != 32) {
                throw new IllegalArgumentException("token encryption key " + id + " must be 32 bytes (AES-256), not "
                        + material.length);
            }
            return new ParsedKey(id, material);
        }
    }
}
