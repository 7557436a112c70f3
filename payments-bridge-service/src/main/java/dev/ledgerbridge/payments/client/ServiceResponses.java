package dev.ledgerbridge.payments.client;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import jakarta.ws.rs.core.Response;
import java.time.Duration;

/** Turns a non-2xx answer of a LedgerBridge service into a refusal or a transient failure. */
final class ServiceResponses {

    /** A downstream service answered 401 or 403 to this service's token. */
    static final String INTERNAL_AUTH_REFUSED = "INTERNAL_AUTH_REFUSED";

    private ServiceResponses() {
    }

    static RuntimeException toException(String service, Response response) {
        int status = response.getStatus();
        ErrorAnswer body = readBody(response);
        String code = body == null || body.code() == null ? "HTTP_" + status : body.code();
        String message = body == null || body.message() == null ? service + " answered HTTP " + status
                : body.message();
        if (status == 429 || status >= 500) {
            return new ServiceUnavailableException(service, status, code, message, retryAfter(response));
        }
        if (status == 401 || status == 403) {
            // The service refused this service's own token (issue 8): expired or unknown to its verifier, or not
            // meant for it. An operational fault that a renewed token or a configuration fix clears, never the
            // payment's refusal, so the execution is retried rather than failed for good.
            return new ServiceUnavailableException(service, status, INTERNAL_AUTH_REFUSED,
                    "The LedgerBridge " + service + " service refused the payments bridge's credentials (HTTP "
                            + status + "); try again shortly.", null);
        }
        // 422 is the contract's refusal; any other 4xx is a request no retry will fix, so it must not loop either.
        return new ServiceRefusalException(service, status, code, message);
    }

    private static ErrorAnswer readBody(Response response) {
        try {
            return response.hasEntity() ? response.readEntity(ErrorAnswer.class) : null;
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static Duration retryAfter(Response response) {
        String header = response.getHeaderString("Retry-After");
        if (header == null || !header.trim().matches("\\d{1,9}")) {
            return null;
        }
        return Duration.ofSeconds(Long.parseLong(header.trim()));
    }

    /** The error body every LedgerBridge service answers with; other fields are ignored. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record ErrorAnswer(String code, String message) {
    }
}
