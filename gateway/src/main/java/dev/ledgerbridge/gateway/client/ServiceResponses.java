package dev.ledgerbridge.gateway.client;

import jakarta.ws.rs.core.Response;
import java.time.Duration;

/** Turns a non-2xx answer of a LedgerBridge service into the gateway's refusal or transient-failure exception. */
final class ServiceResponses {

    private ServiceResponses() {
    }

    static RuntimeException toException(String service, Response response) {
        int status = response.getStatus();
        ServiceErrorBody body = readBody(response);
        String code = body == null || body.code() == null ? "HTTP_" + status : body.code();
        String message = body == null || body.message() == null
                ? service + " answered HTTP " + status : body.message();
        if (status == 429 || status >= 500) {
            return new DownstreamUnavailableException(service, code, message, retryAfter(response), null);
        }
        // 422 is the contract's refusal; any other 4xx is a request no retry will fix, so it must not loop in HubSpot.
        return new ServiceRefusalException(service, status, code, message, body == null ? null : body.qboCode());
    }

    private static ServiceErrorBody readBody(Response response) {
        try {
            return response.hasEntity() ? response.readEntity(ServiceErrorBody.class) : null;
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
}
