package dev.ledgerbridge.quickbooks;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Objects;

/**
 * QBO {@code requestid} values: deterministic derivation from the ids of a workflow step, so a retried step
 * replays QBO's stored response instead of writing a second document (domain brief 1.4 and 4.2, R16).
 */
public final class RequestIds {

    /** QBO's limit for a requestid outside batch requests. */
    public static final int MAX_LENGTH = 50;

    private static final char[] BASE32 = "abcdefghijklmnopqrstuvwxyz234567".toCharArray();

    private RequestIds() {
    }

    /**
     * Lower-case base32 of SHA-256 over the parts joined by {@code |}, cut to 50 characters (250 bits of the
     * hash, so collisions are not a practical concern). The same parts always give the same id; parts must not
     * contain {@code |} themselves, otherwise ("a|b", "c") and ("a", "b|c") would collide.
     */
    public static String derive(String... parts) {
        Objects.requireNonNull(parts, "parts");
        if (parts.length == 0) {
            throw new IllegalArgumentException("derive needs at least one part");
        }
        for (String part : parts) {
            if (part == null || part.isEmpty() || part.indexOf('|') >= 0) {
                throw new IllegalArgumentException("requestid parts must be non-empty and must not contain '|'");
            }
        }
        byte[] hash = sha256(String.join("|", parts).getBytes(StandardCharsets.UTF_8));
        return base32(hash).substring(0, MAX_LENGTH);
    }

    /** Returns the id if QBO accepts it (1 to 50 printable ASCII characters, no spaces), else throws. */
    public static String requireValid(String requestId) {
        if (requestId == null || requestId.isEmpty() || requestId.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("a QBO requestid must have 1 to " + MAX_LENGTH + " characters");
        }
        for (int i = 0; i < requestId.length(); i++) {
            char c = requestId.charAt(i);
            if (c <= ' ' || c > '~') {
                throw new IllegalArgumentException("a QBO requestid must be printable ASCII without spaces");
            }
        }
        return requestId;
    }

    private static byte[] sha256(byte[] input) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(input);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is mandatory in every JRE", e);
        }
    }

    private static String base32(byte[] data) {
        StringBuilder sb = new StringBuilder((data.length * 8 + 4) / 5);
        int buffer = 0;
        int bits = 0;
        for (byte b : data) {
            buffer = (buffer << 8) | (b & 0xff);
            bits += 8;
            while (bits >= 5) {
                sb.append(BASE32[(buffer >> (bits - 5)) & 31]);
                bits -= 5;
            }
        }
        if (bits > 0) {
            sb.append(BASE32[(buffer << (5 - bits)) & 31]);
        }
        return sb.toString();
    }
}
