package dev.ledgerbridge.gateway.rest;

import dev.ledgerbridge.gateway.service.HubSpotRequestVerifier;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The first check of every request to the public endpoints ({@code /hubspot/**}), before Quarkus' own filters:
 * <ul>
 * <li>a body larger than {@code ledgerbridge.gateway.hubspot.max-body-size} is refused by its {@code Content-Length}
 * before a byte of it is read: 413 with the usual ErrorBody, and the connection closed so the rest of the upload is not
 * waited for. A chunked body (no Content-Length) is counted when read and refused by {@link HubSpotRequestVerifier}
 * before its signature is computed; Quarkus' {@code quarkus.http.limits.max-body-size} bounds what is read at all;</li>
 * <li>a path that starts with {@code /hubspot/} as sent but not once dot segments are resolved
 * ({@code /hubspot/actions/../../admin/...}, also percent-encoded) is refused 400: a proxy that routes by the raw
 * prefix must not be able to reach the admin or internal API through the public route;</li>
 * <li>a path with a malformed percent-escape (a {@code %} without two hex digits), as sent or once normalised, or
 * with an encoded percent sign ({@code %25}) is refused 400 before anything decodes it (twice).</li>
 * </ul>
 */
@ApplicationScoped
public class PublicRequestGuard {

    /** ErrorBody code of the 413. */
    public static final String CODE = "BODY_TOO_LARGE";

    private static final String PUBLIC_PREFIX = "/hubspot/";
    private static final Pattern MALFORMED_ESCAPE = Pattern.compile("%(?![0-9A-Fa-f]{2})");
    // Before Quarkus' own filters (CORS at 100, metrics, ...): nothing needs to run for a request refused here.
    private static final int PRIORITY = 1_000;

    private final HubSpotRequestVerifier verifier;

    public PublicRequestGuard(HubSpotRequestVerifier verifier) {
        this.verifier = verifier;
    }

    void register(@Observes Filters filters) {
        filters.register(this::check, PRIORITY);
    }

    /** The ErrorBody message of the 413. */
    public static String message(long limitBytes) {
        return "The request body is larger than the " + limitBytes + " bytes this endpoint accepts";
    }

    private void check(RoutingContext context) {
        String raw = context.request().path();
        String path = context.normalizedPath();
        if (raw != null && raw.startsWith(PUBLIC_PREFIX) && (path == null || !path.startsWith(PUBLIC_PREFIX))) {
            refuse(context, 400, "INVALID_REQUEST", "The request path leaves /hubspot/ through dot segments");
            return;
        }
        if (raw != null && raw.startsWith(PUBLIC_PREFIX) && (MALFORMED_ESCAPE.matcher(raw).find()
                || MALFORMED_ESCAPE.matcher(path).find() || raw.toUpperCase(Locale.ROOT).contains("%25"))) {
            // A '%' without two hex digits cannot be decoded; an encoded '%' in the path failed in JAX-RS' UriInfo,
            // which decodes an already decoded path again (/hubspot/options/zz%3b%25%2C;x was a 500). HubSpot calls
            // the fixed URLs of the action definitions, whose paths never need a '%'.
            refuse(context, 400, "INVALID_REQUEST", "The request path has an encoded or malformed percent sign");
            return;
        }
        String length = context.request().getHeader(HttpHeaders.CONTENT_LENGTH);
        long limit = verifier.maxBodyBytes();
        if (path == null || !path.startsWith(PUBLIC_PREFIX) || length == null || !exceeds(length, limit)) {
            context.next();
            return;
        }
        refuse(context, 413, CODE, message(limit));
    }

    // Constant texts only, so the JSON needs no escaping.
    private static void refuse(RoutingContext context, int status, String code, String message) {
        context.response().setStatusCode(status)
                .putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
                .putHeader(HttpHeaders.CONNECTION, "close")
                .end("{\"code\":\"" + code + "\",\"message\":\"" + message + "\"}");
    }

    // A Content-Length that is not a number is left to the HTTP codec, which refuses it with 400.
    private static boolean exceeds(String contentLength, long limit) {
        String value = contentLength.trim();
        if (value.isEmpty() || value.length() > 18 || !value.chars().allMatch(Character::isDigit)) {
            return false;
        }
        return Long.parseLong(value) > limit;
    }
}
