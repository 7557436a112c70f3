package dev.ledgerbridge.contacts.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.ledgerbridge.contacts.CustomerResolutionRefusal;
import dev.ledgerbridge.contacts.FilterPropertiesMissingException;
import dev.ledgerbridge.contacts.InvalidMatchingSettingsException;
import dev.ledgerbridge.contacts.MatchingSettingsConflictException;
import dev.ledgerbridge.contacts.client.AccessTokenUnavailableException;
import dev.ledgerbridge.contacts.config.ContactSyncConfig;
import dev.ledgerbridge.quickbooks.QboError;
import dev.ledgerbridge.quickbooks.QboException;
import dev.ledgerbridge.quickbooks.QboFaultException;
import dev.ledgerbridge.quickbooks.QuickBooksClient;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.CompositeException;
import io.vertx.core.VertxException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.ConnectException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Turns every expected failure into an {@link ErrorBody} with a stable code (style guide 9); never a 500. */
public class ErrorMapper {

    private final long throttledRetryAfterSeconds;

    ErrorMapper(ContactSyncConfig config) {
        this.throttledRetryAfterSeconds = Math.max(1, config.throttledRetryAfter().toSeconds());
    }

    @ServerExceptionMapper
    public Response refusal(CustomerResolutionRefusal refusal) {
        Log.infof("Refused: %s", refusal.code());
        return json(422, ErrorBody.of(refusal.code().name(), refusal.getMessage()));
    }

    @ServerExceptionMapper
    public Response propertiesMissing(FilterPropertiesMissingException missing) {
        Log.infof("Resolve request without the filter properties %s", missing.missing());
        return json(409, ErrorBody.of("FILTER_PROPERTIES_MISSING", missing.getMessage()));
    }

    @ServerExceptionMapper
    public Response invalidSettings(InvalidMatchingSettingsException invalid) {
        return json(400, ErrorBody.of("INVALID_REQUEST", invalid.getMessage()));
    }

    @ServerExceptionMapper
    public Response settingsConflict(MatchingSettingsConflictException conflict) {
        Log.info("Matching settings change refused: stale expectedVersion");
        return json(409, ErrorBody.of("VERSION_CONFLICT", conflict.getMessage()));
    }

    @ServerExceptionMapper
    public Response invalid(ConstraintViolationException invalid) {
        String message = invalid.getConstraintViolations().stream()
                .map(v -> fieldName(v) + " " + v.getMessage())
                .sorted()
                .collect(Collectors.joining("; "));
        return json(400, ErrorBody.of("INVALID_REQUEST", message));
    }

    @ServerExceptionMapper
    public Response unreadable(JsonProcessingException unreadable) {
        return json(400, ErrorBody.of("INVALID_REQUEST", "The request body is not valid JSON for this endpoint: "
                + unreadable.getOriginalMessage()));
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException web) {
        int status = web.getResponse().getStatus();
        if (status >= 500) {
            return map(web.getCause() == null ? web : web.getCause());
        }
        String code = status == 400 ? "INVALID_REQUEST"
                : Response.Status.fromStatusCode(status) == null ? "HTTP_" + status
                : Response.Status.fromStatusCode(status).name();
        return json(status, ErrorBody.of(code, web.getMessage()));
    }

    @ServerExceptionMapper
    public Response qbo(QboException failure) {
        return map(failure);
    }

    @ServerExceptionMapper
    public Response tokenUnavailable(AccessTokenUnavailableException failure) {
        return map(failure);
    }

    @ServerExceptionMapper
    public Response transport(VertxException failure) {
        return map(failure);
    }

    @ServerExceptionMapper
    public Response connect(ConnectException failure) {
        return map(failure);
    }

    @ServerExceptionMapper
    public Response timeout(TimeoutException failure) {
        return map(failure);
    }

    @ServerExceptionMapper
    public Response composite(CompositeException composite) {
        return map(composite.getCause());
    }

    private Response map(Throwable failure) {
        if (failure instanceof CompositeException composite) {
            return map(composite.getCause());
        }
        if (failure instanceof CustomerResolutionRefusal refusal) {
            return refusal(refusal);
        }
        if (failure instanceof FilterPropertiesMissingException missing) {
            return propertiesMissing(missing);
        }
        if (failure instanceof InvalidMatchingSettingsException invalid) {
            return invalidSettings(invalid);
        }
        if (failure instanceof MatchingSettingsConflictException conflict) {
            return settingsConflict(conflict);
        }
        if (failure instanceof QboException qbo && qbo.isThrottled()) {
            Log.warnf("QBO still throttled after the client's retries (intuit_tid=%s)", qbo.intuitTid());
            return Response.status(503).type(MediaType.APPLICATION_JSON)
                    .header(HttpHeaders.RETRY_AFTER, Long.toString(throttledRetryAfterSeconds))
                    .entity(ErrorBody.of("QBO_THROTTLED", "QuickBooks is receiving too many requests for this company"
                            + " right now. The action will be retried."))
                    .build();
        }
        if (failure instanceof QboFaultException fault) {
            QboError first = fault.errors().isEmpty() ? null : fault.errors().get(0);
            String qboMessage = first == null ? null : first.message();
            Log.warnf("QBO fault: %s", fault.getMessage());
            // A 4xx fault (validation, business rule, missing reference) fails the same way on every retry: a
            // refusal (422, FAIL_CONTINUE in HubSpot). A 5xx is QBO's trouble and worth retrying (502).
            boolean permanent = fault.httpStatus() >= 400 && fault.httpStatus() < 500 && fault.httpStatus() != 401;
            return json(permanent ? 422 : 502, new ErrorBody(permanent ? "QBO_REJECTED" : "QBO_ERROR",
                    "QuickBooks refused the request"
                    + (qboMessage == null ? " (HTTP " + fault.httpStatus() + ")" : ": " + qboMessage)
                    + (fault.firstCode() == null ? "" : " (QuickBooks error " + fault.firstCode() + ")") + ".",
                    fault.firstCode(), qboMessage));
        }
        if (failure instanceof QboException qbo) {
            Log.warnf("QBO answered unexpectedly: %s", qbo.getMessage());
            return json(502, ErrorBody.of("QBO_ERROR", "QuickBooks gave an answer LedgerBridge could not read (HTTP "
                    + qbo.httpStatus() + ")."));
        }
        if (failure instanceof AccessTokenUnavailableException) {
            return json(503, ErrorBody.of("QBO_TOKEN_UNAVAILABLE", "LedgerBridge could not get access to QuickBooks"
                    + " for this company right now. The action will be retried."));
        }
        if (failure instanceof VertxException || failure instanceof ConnectException
                || failure instanceof TimeoutException) {
            Log.warnf("QBO unreachable: %s", failure.toString());
            return json(503, ErrorBody.of("QBO_UNAVAILABLE", "QuickBooks could not be reached. The action will be"
                    + " retried."));
        }
        Log.errorf(failure, "Unexpected failure");
        return json(500, ErrorBody.of("INTERNAL_ERROR", "An unexpected error occurred in LedgerBridge."));
    }

    private static Response json(int status, ErrorBody body) {
        return Response.status(status).type(MediaType.APPLICATION_JSON).entity(body).build();
    }

    // "resolve.request.contacts[0].id" -> "contacts[0].id"; the header parameter is named as the header.
    private static String fieldName(ConstraintViolation<?> violation) {
        List<String> nodes = new ArrayList<>();
        for (Path.Node node : violation.getPropertyPath()) {
            String name = node.getName();
            if (node.getIndex() != null && !nodes.isEmpty()) {
                int last = nodes.size() - 1;
                nodes.set(last, nodes.get(last) + "[" + node.getIndex() + "]");
            }
            if (name != null && !name.startsWith("<")) {
                nodes.add(name);
            }
        }
        if (nodes.size() > 1) {
            nodes = nodes.subList(1, nodes.size()); // the resource method
        }
        if (nodes.size() > 1 && nodes.get(0).equals("request")) {
            nodes = nodes.subList(1, nodes.size());
        }
        String field = String.join(".", nodes);
        if (field.equals("actor")) {
            return MatchingSettingsResource.ACTOR_HEADER;
        }
        return field.equals("correlationId") ? QuickBooksClient.CORRELATION_HEADER
                : field.isEmpty() ? "request" : field.toLowerCase(Locale.ROOT).equals("request") ? "request body" : field;
    }
}
