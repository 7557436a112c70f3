package dev.ledgerbridge.sandbox.workflow;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs action requests as HubSpot does (domain brief §2.5): v3 is Base64 HMAC-SHA256 over
 * method + URI (a fixed set of percent-escapes decoded) + body + timestamp; v2 is hex SHA-256 over
 * secret + method + URI + body.
 */
public final class ActionRequestSigner {

    private static final String[][] DECODED = {{"%3A", ":"}, {"%2F", "/"}, {"%3F", "?"}, {"%40", "@"}, {"%21", "!"},
            {"%24", "$"}, {"%27", "'"}, {"%28", "("}, {"%29", ")"}, {"%2A", "*"}, {"%2C", ","}, {"%3B", ";"}};

    private ActionRequestSigner() {
    }

    public static String v3(String secret, String method, String uri, byte[] body, String timestamp) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            mac.update((method.toUpperCase(Locale.ROOT) + decodeUri(uri)).getBytes(StandardCharsets.UTF_8));
            mac.update(body);
            mac.update(timestamp.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(mac.doFinal());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }

    public static String v2(String secret, String method, String uri, byte[] body) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update((secret + method.toUpperCase(Locale.ROOT) + uri).getBytes(StandardCharsets.UTF_8));
            sha.update(body);
            return HexFormat.of().formatHex(sha.digest());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 unavailable", e);
        }
    }

    /** Decodes only the escapes HubSpot decodes before signing, case-insensitively; all others stay. */
    static String decodeUri(String uri) {
        StringBuilder out = new StringBuilder(uri.length());
        int i = 0;
        while (i < uri.length()) {
            String replacement = null;
            if (uri.charAt(i) == '%' && i + 3 <= uri.length()) {
                String escape = uri.substring(i, i + 3).toUpperCase(Locale.ROOT);
                for (String[] d : DECODED) {
                    if (d[0].equals(escape)) {
                        replacement = d[1];
                        break;
                    }
                }
            }
            if (replacement != null) {
                out.append(replacement);
                i += 3;
            } else {
                out.append(uri.charAt(i));
                i++;
            }
        }
        return out.toString();
    }
}
