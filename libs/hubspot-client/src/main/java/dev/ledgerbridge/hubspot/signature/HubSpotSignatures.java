package dev.ledgerbridge.hubspot.signature;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;
import java.util.regex.Pattern;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signing and verification of HubSpot request signatures v1, v2 and v3 (domain brief 2.5), as pure functions of the
 * request parts, the app's client secret and a clock. Comparisons are constant-time.
 */
public final class HubSpotSignatures {

    /** v3 requests older (or further in the future) than this are rejected, in milliseconds. */
    public static final long MAX_TIMESTAMP_SKEW_MILLIS = 300_000L;

    private static final Pattern MILLIS = Pattern.compile("\\d{1,18}");
    private static final HexFormat HEX = HexFormat.of();

    private HubSpotSignatures() {
    }

    /**
     * The URI as HubSpot signs it for v3: these escapes are decoded (case-insensitively), all others stay as sent:
     * {@code %3A : %2F / %3F ? %40 @ %21 ! %24 $ %27 ' %28 ( %29 ) %2A * %2C , %3B ;}. Single pass, so an already
     * decoded URI comes out unchanged.
     */
    public static String canonicalV3Uri(String uri) {
        StringBuilder sb = new StringBuilder(uri.length());
        int i = 0;
        while (i < uri.length()) {
            char c = uri.charAt(i);
            if (c == '%' && i + 2 < uri.length()) {
                char decoded = decodedV3(uri.charAt(i + 1), uri.charAt(i + 2));
                if (decoded != 0) {
                    sb.append(decoded);
                    i += 3;
                    continue;
                }
            }
            sb.append(c);
            i++;
        }
        return sb.toString();
    }

    private static char decodedV3(char high, char low) {
        String escape = ("" + high + low).toUpperCase(Locale.ROOT);
        return switch (escape) {
            case "3A" -> ':';
            case "2F" -> '/';
            case "3F" -> '?';
            case "40" -> '@';
            case "21" -> '!';
            case "24" -> '$';
            case "27" -> '\'';
            case "28" -> '(';
            case "29" -> ')';
            case "2A" -> '*';
            case "2C" -> ',';
            case "3B" -> ';';
            default -> 0;
        };
    }

    /** v3 signature: Base64(HMAC-SHA256(secret, method + canonical URI + body + timestamp)). */
    public static String signV3(String method, String uri, byte[] body, String timestamp, String clientSecret) {
        requireSecret(clientSecret);
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(clientSecret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            mac.update(utf8(method.toUpperCase(Locale.ROOT) + canonicalV3Uri(uri)));
            mac.update(body == null ? new byte[0] : body);
            mac.update(utf8(timestamp));
            return Base64.getEncoder().encodeToString(mac.doFinal());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }

    /**
     * Verifies {@code X-HubSpot-Signature-v3}. {@code uri} is the full URL HubSpot called (scheme, host, path, query
     * in original order), raw or already decoded; {@code body} the exact bytes received.
     */
    public static SignatureCheck verifyV3(String method, String uri, byte[] body, String timestampHeader,
            String signatureHeader, String clientSecret, Clock clock) {
        if (isBlank(signatureHeader)) {
            return SignatureCheck.of(SignatureOutcome.MISSING, SignatureVersion.V3, "no X-HubSpot-Signature-v3");
        }
        if (isBlank(timestampHeader)) {
            return SignatureCheck.of(SignatureOutcome.MISSING, SignatureVersion.V3, "no X-HubSpot-Request-Timestamp");
        }
        String timestamp = timestampHeader.trim();
        if (!MILLIS.matcher(timestamp).matches()) {
            return SignatureCheck.of(SignatureOutcome.MALFORMED, SignatureVersion.V3, "timestamp is not epoch millis");
        }
        long skew = clock.millis() - Long.parseLong(timestamp);
        // The official clients only reject old requests; a far-future timestamp would extend a replay window too.
        if (Math.abs(skew) > MAX_TIMESTAMP_SKEW_MILLIS) {
            return SignatureCheck.of(SignatureOutcome.EXPIRED, SignatureVersion.V3,
                    skew > 0 ? "timestamp older than 5 minutes" : "timestamp more than 5 minutes ahead");
        }
        String expected = signV3(method, uri, body, timestamp, clientSecret);
        return compare(expected, signatureHeader.trim(), SignatureVersion.V3);
    }

    /** v2 signature: hex(SHA-256(secret + method + URI + body)); the URI is used exactly as given. */
    public static String signV2(String method, String uri, byte[] body, String clientSecret) {
        requireSecret(clientSecret);
        return sha256Hex(utf8(clientSecret + method.toUpperCase(Locale.ROOT) + uri), body);
    }

    /** Verifies a v2 {@code X-HubSpot-Signature}; {@code uri} must be the URL exactly as HubSpot called it. */
    public static SignatureCheck verifyV2(String method, String uri, byte[] body, String signatureHeader,
            String clientSecret) {
        if (isBlank(signatureHeader)) {
            return SignatureCheck.of(SignatureOutcome.MISSING, SignatureVersion.V2, "no X-HubSpot-Signature");
        }
        return compare(signV2(method, uri, body, clientSecret), signatureHeader.trim().toLowerCase(Locale.ROOT),
                SignatureVersion.V2);
    }

    /** v1 signature (CRM webhooks): hex(SHA-256(secret + body)). */
    public static String signV1(byte[] body, String clientSecret) {
        requireSecret(clientSecret);
        return sha256Hex(utf8(clientSecret), body);
    }

    /** Verifies a v1 {@code X-HubSpot-Signature}. */
    public static SignatureCheck verifyV1(byte[] body, String signatureHeader, String clientSecret) {
        if (isBlank(signatureHeader)) {
            return SignatureCheck.of(SignatureOutcome.MISSING, SignatureVersion.V1, "no X-HubSpot-Signature");
        }
        return compare(signV1(body, clientSecret), signatureHeader.trim().toLowerCase(Locale.ROOT),
                SignatureVersion.V1);
    }

    /**
     * Verifies a workflow-action request: v3 when {@code X-HubSpot-Signature-v3} is present (no fallback if it fails,
     * so a stale v3 request cannot be replayed as v2), otherwise v2 when {@code X-HubSpot-Signature-Version} is
     * {@code v2} or absent. A v1-only request is MISSING here: v1 does not cover method and URI.
     */
    public static SignatureCheck verify(String method, String uri, byte[] body, SignatureHeaders headers,
            String clientSecret, Clock clock) {
        if (!isBlank(headers.signatureV3())) {
            return verifyV3(method, uri, body, headers.requestTimestamp(), headers.signatureV3(), clientSecret, clock);
        }
        if (isBlank(headers.signature())) {
            return SignatureCheck.of(SignatureOutcome.MISSING, null, "no X-HubSpot-Signature-v3 or X-HubSpot-Signature");
        }
        String version = headers.signatureVersion() == null ? "v2" : headers.signatureVersion().trim();
        if (version.equalsIgnoreCase("v2")) {
            return verifyV2(method, uri, body, headers.signature(), clientSecret);
        }
        if (version.equalsIgnoreCase("v1")) {
            return SignatureCheck.of(SignatureOutcome.MISSING, SignatureVersion.V1,
                    "only a v1 signature, which does not cover method and URI");
        }
        return SignatureCheck.of(SignatureOutcome.MALFORMED, null, "unknown X-HubSpot-Signature-Version");
    }

    private static SignatureCheck compare(String expected, String actual, SignatureVersion version) {
        boolean equal = MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
                actual.getBytes(StandardCharsets.US_ASCII));
        return equal ? SignatureCheck.valid(version)
                : SignatureCheck.of(SignatureOutcome.MISMATCH, version, "signature does not match");
    }

    private static String sha256Hex(byte[] prefix, byte[] body) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(prefix);
            digest.update(body == null ? new byte[0] : body);
            return HEX.formatHex(digest.digest());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 unavailable", e);
        }
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }

    private static void requireSecret(String clientSecret) {
        if (isBlank(clientSecret)) {
            throw new IllegalArgumentException("client secret must not be blank");
        }
    }
}
