package dev.ledgerbridge.hubspot;

import java.nio.charset.StandardCharsets;

/**
 * RFC 3986 percent-encoding for path segments and query components; {@code URLEncoder} is form encoding and would
 * turn spaces into {@code +} in paths.
 */
final class UriEncoding {

    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private UriEncoding() {
    }

    /** Encodes everything except unreserved characters, so an id can never add a path segment. */
    static String pathSegment(String value) {
        return encode(value, "-._~");
    }

    /** Like {@link #pathSegment} but keeps {@code ,} so {@code properties=a,b} reads as HubSpot documents it. */
    static String queryComponent(String value) {
        return encode(value, "-._~,");
    }

    private static String encode(String value, String keep) {
        StringBuilder sb = new StringBuilder(value.length());
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xFF;
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || keep.indexOf(c) >= 0) {
                sb.append((char) c);
            } else {
                sb.append('%').append(HEX[c >> 4]).append(HEX[c & 0xF]);
            }
        }
        return sb.toString();
    }
}
