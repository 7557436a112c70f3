package dev.ledgerbridge.catalog.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import dev.ledgerbridge.catalog.AmbiguousLineItem;
import dev.ledgerbridge.catalog.CatalogSettingsRefusal;
import dev.ledgerbridge.catalog.LineItemRefusal;
import dev.ledgerbridge.catalog.SyncInProgressException;
import dev.ledgerbridge.catalog.client.AccessTokenUnavailableException;
import dev.ledgerbridge.catalog.client.CompanyNotConnectedException;
import dev.ledgerbridge.catalog.client.QboUnavailableException;
import dev.ledgerbridge.catalog.config.CatalogConfig;
import dev.ledgerbridge.quickbooks.QboError;
import dev.ledgerbridge.quickbooks.QboException;
import dev.ledgerbridge.quickbooks.QboFaultException;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.CompositeException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.math.BigDecimal;
import java.util.List;

/**
 * Turns every expected failure into an {@link ErrorBody} (style guide 9): refusals 422, bad requests 400, QBO
 * faults 422 (QBO said no: 4xx) or 502 (QBO failed: 5xx), QBO throttling 503 with Retry-After, an unavailable token 503. Nothing expected becomes a 500.
 */
public class ErrorMappers {

    static final String INVALID_REQUEST = "INVALID_REQUEST";
    static final String COMPANY_NOT_CONNECTED = "COMPANY_NOT_CONNECTED";
    static final String QBO_ERROR = "QBO_ERROR";
    static final String QBO_REJECTED = "QBO_REJECTED";
    static final String QBO_THROTTLED = "QBO_THROTTLED";
    static final String TOKEN_UNAVAILABLE = "TOKEN_UNAVAILABLE";
    static final String SYNC_IN_PROGRESS = "SYNC_IN_PROGRESS";

    private final long throttledRetryAfterSeconds;

    /** CDI constructor. */
    public ErrorMappers(CatalogConfig config) {
        this.throttledRetryAfterSeconds = Math.max(1, config.lookup().throttledRetryAfter().toSeconds());
    }

    @ServerExceptionMapper
    public Response refusal(LineItemRefusal refusal) {
        List<ErrorBody.UnmatchedLineItem> unmatched = refusal.unmatched().isEmpty() ? null : refusal.unmatched().stream()
                .map(l -> new ErrorBody.UnmatchedLineItem(l.lineItemId(), l.name(), l.sku(), l.quantity()))
                .toList();
        List<ErrorBody.AmbiguousLineItem> ambiguous = refusal.ambiguous().isEmpty() ? null : refusal.ambiguous().stream()
                .map(ErrorMappers::ambiguous)
                .toList();
        return json(422, new ErrorBody(refusal.code(), refusal.getMessage(), unmatched, ambiguous, null, null));
    }

    @ServerExceptionMapper
    public Response invalidSettings(CatalogSettingsRefusal refusal) {
        return json(422, ErrorBody.of(CatalogSettingsRefusal.CODE, refusal.getMessage()));
    }

    @ServerExceptionMapper
    public Response syncInProgress(SyncInProgressException failure) {
        return json(409, ErrorBody.of(SYNC_IN_PROGRESS, failure.getMessage()));
    }

    @ServerExceptionMapper
    public Response companyNotConnected(CompanyNotConnectedException failure) {
        return json(422, ErrorBody.of(COMPANY_NOT_CONNECTED, failure.getMessage()));
    }

    @ServerExceptionMapper
    public Response invalidRequest(ConstraintViolationException failure) {
        String message = failure.getConstraintViolations().stream()
                .map(v -> field(v) + " " + v.getMessage())
                .sorted()
                .reduce((a, b) -> a + "; " + b)
                .orElse("the request is invalid");
        return json(400, ErrorBody.of(INVALID_REQUEST, message));
    }

    @ServerExceptionMapper
    public Response mismatchedBody(MismatchedInputException failure) {
        // Declared apart from JsonProcessingException so it takes precedence over Quarkus's built-in mapper.
        // The message names the field and the expected type; Jackson's own text would echo the value.
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference reference : failure.getPath()) {
            if (reference.getFieldName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(reference.getFieldName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        String type = failure.getTargetType() == null ? "another type"
                : failure.getTargetType() == BigDecimal.class || Number.class.isAssignableFrom(failure.getTargetType())
                        ? "a number" : failure.getTargetType().getSimpleName();
        return json(400, ErrorBody.of(INVALID_REQUEST, (path.isEmpty() ? "the body" : path.toString())
                + " must be " + type));
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException failure) {
        // Quarkus REST reports a body it cannot parse as a bare 400 wrapping the parser's exception.
        if (failure.getResponse().getStatus() == 400) {
            if (failure.getCause() instanceof MismatchedInputException mismatch) {
                return mismatchedBody(mismatch);
            }
            if (failure.getCause() instanceof JsonProcessingException json) {
                return unreadableBody(json);
            }
            return json(400, ErrorBody.of(INVALID_REQUEST, "the request is invalid: " + failure.getMessage()));
        }
        return failure.getResponse();
    }

    @ServerExceptionMapper
    public Response unreadableBody(JsonProcessingException failure) {
        if (failure instanceof MismatchedInputException mismatch) {
            return mismatchedBody(mismatch);
        }
        String where = failure.getLocation() == null ? ""
                : " at line " + failure.getLocation().getLineNr() + ", column " + failure.getLocation().getColumnNr();
        return json(400, ErrorBody.of(INVALID_REQUEST, "the body is not valid JSON" + where));
    }

    @ServerExceptionMapper
    public Response qboFault(QboFaultException fault) {
        QboError first = fault.errors().isEmpty() ? null : fault.errors().get(0);
        String qboCode = first == null ? null : first.code();
        String qboMessage = first == null ? null : first.message();
        if (fault.isThrottled()) {
            Log.warnf("QBO still throttled after the client's retries: %s", fault.getMessage());
            return Response.status(503)
                    .header("Retry-After", throttledRetryAfterSeconds)
                    .type(MediaType.APPLICATION_JSON)
                    .entity(new ErrorBody(QBO_THROTTLED, "QuickBooks is limiting requests for this company right now."
                            + " Try again in a minute.", null, null, qboCode, qboMessage))
                    .build();
        }
        Log.warnf("QBO fault during item look-up: %s", fault.getMessage());
        String reason = qboMessage == null ? "HTTP " + fault.httpStatus() : qboMessage;
        // A 4xx fault fails the same way on every retry: a refusal (422, FAIL_CONTINUE in HubSpot), not a 5xx
        // that HubSpot would retry for days. A 5xx is QBO's trouble and worth retrying (502).
        boolean permanent = fault.httpStatus() >= 400 && fault.httpStatus() < 500 && fault.httpStatus() != 401;
        return json(permanent ? 422 : 502, new ErrorBody(permanent ? QBO_REJECTED : QBO_ERROR,
                "QuickBooks could not look up products: " + reason
                + (qboCode == null ? "" : " (QuickBooks error " + qboCode + ")") + ".", null, null, qboCode, qboMessage));
    }

    @ServerExceptionMapper
    public Response qboFailure(QboException failure) {
        if (failure instanceof QboFaultException fault) {
            return qboFault(fault);
        }
        Log.warnf("unreadable QBO answer during item look-up: %s", failure.getMessage());
        return json(502, ErrorBody.of(QBO_ERROR, "QuickBooks gave an answer that could not be read (HTTP "
                + failure.httpStatus() + ")."));
    }

    @ServerExceptionMapper
    public Response qboUnavailable(QboUnavailableException failure) {
        Log.warnf("QBO unreachable: %s (%s)", failure.getMessage(), String.valueOf(failure.getCause()));
        return json(502, ErrorBody.of(QBO_ERROR, "QuickBooks could not be reached. Try again later."));
    }

    @ServerExceptionMapper
    public Response tokenUnavailable(AccessTokenUnavailableException failure) {
        Log.warnf("%s (%s)", failure.getMessage(), String.valueOf(failure.getCause()));
        return json(503, ErrorBody.of(TOKEN_UNAVAILABLE, "The QuickBooks connection could not be used right now."
                + " Try again later."));
    }

    @ServerExceptionMapper
    public Response composite(CompositeException failure) {
        // Mutiny wraps a failure and a failing recovery together; the first cause is the one the client should see.
        Throwable first = failure.getCauses().isEmpty() ? failure : failure.getCauses().get(0);
        if (first instanceof LineItemRefusal refusal) {
            return refusal(refusal);
        }
        if (first instanceof CatalogSettingsRefusal settings) {
            return invalidSettings(settings);
        }
        if (first instanceof SyncInProgressException inProgress) {
            return syncInProgress(inProgress);
        }
        if (first instanceof CompanyNotConnectedException notConnected) {
            return companyNotConnected(notConnected);
        }
        if (first instanceof QboException qbo) {
            return qboFailure(qbo);
        }
        if (first instanceof QboUnavailableException unavailable) {
            return qboUnavailable(unavailable);
        }
        if (first instanceof AccessTokenUnavailableException tokens) {
            return tokenUnavailable(tokens);
        }
        Log.error("unexpected failure", failure);
        return json(500, ErrorBody.of("INTERNAL_ERROR", "An unexpected error occurred."));
    }

    private static ErrorBody.AmbiguousLineItem ambiguous(AmbiguousLineItem ambiguity) {
        return new ErrorBody.AmbiguousLineItem(ambiguity.lineItem().lineItemId(), ambiguity.lineItem().name(),
                ambiguity.lineItem().sku(), ambiguity.matchedBy().name(), ambiguity.candidates().stream()
                        .map(c -> new ErrorBody.Candidate(c.itemId(), c.name(), c.sku()))
                        .toList());
    }

    /** The field a violation is about, as the client wrote it: {@code lineItems[0].id}, or the header's name. */
    private static String field(ConstraintViolation<?> violation) {
        StringBuilder path = new StringBuilder();
        String parameter = null;
        for (Path.Node node : violation.getPropertyPath()) {
            if (node.getKind() == ElementKind.METHOD) {
                continue;
            }
            if (node.getKind() == ElementKind.PARAMETER) {
                parameter = node.getName();
                continue;
            }
            if (node.isInIterable() && node.getIndex() != null) {
                path.append('[').append(node.getIndex()).append(']');
            }
            if (node.getKind() == ElementKind.PROPERTY && node.getName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(node.getName());
            }
        }
        if (!path.isEmpty()) {
            return path.toString();
        }
        if ("correlationId".equals(parameter)) {
            return "header " + LineItemResource.CORRELATION_HEADER;
        }
        return "request body";
    }

    private static Response json(int status, ErrorBody body) {
        return Response.status(status).type(MediaType.APPLICATION_JSON).entity(body).build();
    }
}
