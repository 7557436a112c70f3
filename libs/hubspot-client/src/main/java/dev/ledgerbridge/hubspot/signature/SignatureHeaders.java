package dev.ledgerbridge.hubspot.signature;

import java.util.function.UnaryOperator;

/**
 * The signature-related headers of an incoming HubSpot request, any of which may be null.
 *
 * @param signatureV3      {@code X-HubSpot-Signature-v3}
 * @param requestTimestamp {@code X-HubSpot-Request-Timestamp} (epoch milliseconds, as sent)
 * @param signature        {@code X-HubSpot-Signature} (v1 or v2)
 * @param signatureVersion {@code X-HubSpot-Signature-Version} ({@code v1} or {@code v2})
 */
public record SignatureHeaders(String signatureV3, String requestTimestamp, String signature,
        String signatureVersion) {

    public static final String SIGNATURE_V3 = "X-HubSpot-Signature-v3";
    public static final String REQUEST_TIMESTAMP = "X-HubSpot-Request-Timestamp";
    public static final String SIGNATURE = "X-HubSpot-Signature";
    public static final String SIGNATURE_VERSION = "X-HubSpot-Signature-Version";

    /** Reads the four headers through {@code header}, which must look names up case-insensitively. */
    public static SignatureHeaders from(UnaryOperator<String> header) {
        return new SignatureHeaders(header.apply(SIGNATURE_V3), header.apply(REQUEST_TIMESTAMP),
                header.apply(SIGNATURE), header.apply(SIGNATURE_VERSION));
    }
}
