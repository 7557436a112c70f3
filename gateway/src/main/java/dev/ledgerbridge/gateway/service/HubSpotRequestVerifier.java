package dev.ledgerbridge.gateway.service;

import dev.ledgerbridge.gateway.config.GatewayConfig;
import dev.ledgerbridge.hubspot.signature.HubSpotSignatures;
import dev.ledgerbridge.hubspot.signature.SignatureCheck;
import dev.ledgerbridge.hubspot.signature.SignatureHeaders;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.function.UnaryOperator;

/**
 * Checks that an action request comes from HubSpot (signature v3, v2 fallback, 5-minute window) on the exact URL
 * HubSpot called, rebuilt from the configured public base URL or the forwarded headers.
 */
@ApplicationScoped
public class HubSpotRequestVerifier {

    private final GatewayConfig config;
    private final Clock clock = Clock.systemUTC();

    public HubSpotRequestVerifier(GatewayConfig config) {
        this.config = config;
    }

    /**
     * Verifies the request or throws {@link InvalidSignatureException}.
     *
     * @param pathAndQuery the request target as received (raw path and query, still percent-encoded)
     * @param header       case-insensitive header lookup
     */
    public void verify(String method, String requestScheme, String requestHost, String pathAndQuery, byte[] body,
            UnaryOperator<String> header) {
        // A chunked body has no Content-Length for PublicRequestGuard to refuse up front: refused here, before the HMAC.
        long limit = maxBodyBytes();
        if (body != null && body.length > limit) {
            throw new BodyTooLargeException(limit);
        }
        String uri = publicUri(requestScheme, requestHost, pathAndQuery, header);
        SignatureCheck check = HubSpotSignatures.verify(method, uri, body, SignatureHeaders.from(header),
                config.hubspot().clientSecret(), clock);
        if (!check.isValid()) {
            Log.warnf("signature rejected: %s (%s) for %s", check.outcome(), check.reason(), pathAndQuery);
            throw new InvalidSignatureException(check.outcome() + ": " + check.reason());
        }
    }

    /** Largest body a public HubSpot endpoint accepts ({@code ledgerbridge.gateway.hubspot.max-body-size}). */
    public long maxBodyBytes() {
        return config.hubspot().maxBodySize().asLongValue();
    }

    /** The URL HubSpot called: configured base URL, else X-Forwarded-Proto/-Host, else the request's own. */
    String publicUri(String requestScheme, String requestHost, String pathAndQuery, UnaryOperator<String> header) {
        if (config.publicBaseUrl().isPresent() && !config.publicBaseUrl().get().isBlank()) {
            String base = config.publicBaseUrl().get().trim();
            return (base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + pathAndQuery;
        }
        String scheme = firstValue(header.apply("X-Forwarded-Proto"), requestScheme);
        String host = firstValue(header.apply("X-Forwarded-Host"), requestHost);
        return scheme + "://" + host + pathAndQuery;
    }

    /** A proxy chain sends "a, b": the first entry is what the client (HubSpot) used. */
    private static String firstValue(String forwarded, String fallback) {
        if (forwarded == null || forwarded.isBlank()) {
            return fallback;
        }
        int comma = forwarded.indexOf(',');
        return (comma >= 0 ? forwarded.substring(0, comma) : forwarded).trim();
    }

    /** The request is not signed by HubSpot with our app's secret (answered 401, nothing else happens). */
    public static class InvalidSignatureException extends RuntimeException {

        public InvalidSignatureException(String message) {
            super(message, null, false, false);
        }
    }

    /** The body is larger than a public endpoint accepts (answered 413, nothing else happens). */
    public static class BodyTooLargeException extends RuntimeException {

        private final long limitBytes;

        public BodyTooLargeException(long limitBytes) {
            super("the request body is larger than " + limitBytes + " bytes", null, false, false);
            this.limitBytes = limitBytes;
        }

        /** The limit the body exceeded, in bytes. */
        public long limitBytes() {
            return limitBytes;
        }
    }
}
