package dev.ledgerbridge.documents.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import dev.ledgerbridge.documents.DocumentRefusedException;
import dev.ledgerbridge.documents.UpstreamUnavailableException;
import dev.ledgerbridge.documents.config.QuickBooksConfig;
import dev.ledgerbridge.quickbooks.QboError;
import dev.ledgerbridge.quickbooks.QboException;
import dev.ledgerbridge.quickbooks.QboFaultException;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.CompositeException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import org.jboss.resteasy.reactive.RestResponse;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** The one place where failures become HTTP answers with an {@link ErrorBody} (style guide 9); never 500 for the expected. */
public class ErrorMappers {

    private final QuickBooksConfig quickBooks;

    ErrorMappers(QuickBooksConfig quickBooks) {
        this.quickBooks = quickBooks;
    }

    @ServerExceptionMapper
    public RestResponse<ErrorBody> composite(CompositeException e) {
        return map(e.getCauses().isEmpty() ? e : e.getCauses().get(0));
    }

    @ServerExceptionMapper
    public RestResponse<ErrorBody> refused(DocumentRefusedException e) {
        return map(e);
    }

    @ServerExceptionMapper
    public RestResponse<ErrorBody> unavailable(UpstreamUnavailableException e) {
        return map(e);
    }

    @ServerExceptionMapper
    public RestResponse<ErrorBody> qbo(QboException e) {
        return map(e);
    }

    @ServerExceptionMapper
    public RestResponse<ErrorBody> notFound(DocumentNotFoundException e) {
        return map(e);
    }

    @ServerExceptionMapper
    public RestResponse<ErrorBody> invalid(ConstraintViolationException e) {
        return map(e);
    }

    @ServerExceptionMapper
    public RestResponse<ErrorBody> invalidForType(InvalidRequestException e) {
        return map(e);
    }

    // Both Jackson types are listed so this mapper wins over Quarkus REST's built-in one for MismatchedInputException.
    @ServerExceptionMapper({MismatchedInputException.class, JsonProcessingException.class})
    public RestResponse<ErrorBody> unreadable(Exception e) {
        return map(e);
    }

    // Quarkus REST's own 4xx answers (unreadable body, unknown path, wrong media type) get the same body shape.
    @ServerExceptionMapper
    public RestResponse<ErrorBody> web(WebApplicationException e) {
        return map(e);
    }

    private RestResponse<ErrorBody> map(Throwable failure) {
        if (failure instanceof DocumentRefusedException e) {
            return respond(422, ErrorBody.of(e.code(), e.getMessage()));
        }
        if (failure instanceof UpstreamUnavailableException e) {
            return unavailable(e.code(), e.getMessage(), e.retryAfter());
        }
        if (failure instanceof QboFaultException e && e.isThrottled()) {
            return unavailable(UpstreamUnavailableException.QBO_THROTTLED,
                    "QuickBooks is limiting requests for this company; try again later.", quickBooks.throttleBackoff());
        }
        if (failure instanceof QboException e) {
            return qboError(e);
        }
        if (failure instanceof DocumentNotFoundException e) {
            return respond(404, ErrorBody.of("DOCUMENT_NOT_FOUND", e.getMessage()));
        }
        if (failure instanceof InvalidRequestException e) {
            return respond(400, ErrorBody.of("INVALID_REQUEST", e.getMessage()));
        }
        if (failure instanceof ConstraintViolationException e) {
            return respond(400, ErrorBody.of("INVALID_REQUEST", describe(e)));
        }
        if (failure instanceof JsonMappingException e) {
            String field = e.getPath().stream()
                    .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                    .collect(Collectors.joining(".")).replace(".[", "[");
            return respond(400, ErrorBody.of("INVALID_REQUEST",
                    field.isEmpty() ? "The request body is not a valid document request."
                            : "Field " + field + " has an invalid value."));
        }
        if (failure instanceof JsonProcessingException) {
            return respond(400, ErrorBody.of("INVALID_REQUEST", "The request body is not valid JSON."));
        }
        if (failure instanceof WebApplicationException e && e.getResponse().getStatus() < 500) {
            int status = e.getResponse().getStatus();
            String code = switch (status) {
                case 400 -> "INVALID_REQUEST";
                case 404 -> "NOT_FOUND";
                case 405 -> "METHOD_NOT_ALLOWED";
                case 406, 415 -> "UNSUPPORTED_MEDIA_TYPE";
                default -> "HTTP_" + status;
            };
            return respond(status, ErrorBody.of(code, status == 400 ? "The request body is not a valid document request."
                    : e.getMessage()));
        }
        Log.error("Unexpected failure", failure);
        return respond(500, ErrorBody.of("INTERNAL_ERROR", "An unexpected error occurred."));
    }

    private static RestResponse<ErrorBody> qboError(QboException e) {
        String qboCode = null;
        String qboMessage = null;
        if (e instanceof QboFaultException fault && !fault.errors().isEmpty()) {
            QboError first = fault.errors().get(0);
            qboCode = first.code();
            qboMessage = first.detail() == null || first.detail().isBlank() ? first.message()
                    : first.message() + ": " + first.detail();
        }
        String message = "QuickBooks rejected the request"
                + (qboCode == null ? " (HTTP " + e.httpStatus() + ")" : " with error " + qboCode)
                + (qboMessage == null ? "." : ": " + qboMessage);
        // A 4xx fault (validation such as 6070, a missing reference such as 610) fails the same way on every
        // retry: a refusal (422, FAIL_CONTINUE in HubSpot). A 5xx is QBO's trouble and worth retrying (502).
        boolean permanent = e instanceof QboFaultException && e.httpStatus() >= 400 && e.httpStatus() < 500
                && e.httpStatus() != 401;
        return respond(permanent ? 422 : 502, new ErrorBody(permanent ? "QBO_REJECTED" : "QBO_ERROR", message,
                qboCode == null ? "HTTP_" + e.httpStatus() : qboCode, qboMessage));
    }

    private static RestResponse<ErrorBody> unavailable(String code, String message, Duration retryAfter) {
        long seconds = Math.max(1, retryAfter.toSeconds());
        return RestResponse.ResponseBuilder.<ErrorBody>create(503).entity(ErrorBody.of(code, message))
                .header("Retry-After", String.valueOf(seconds))
                .build();
    }

    private static RestResponse<ErrorBody> respond(int status, ErrorBody body) {
        return RestResponse.ResponseBuilder.<ErrorBody>create(status).entity(body).build();
    }

    // "create.request.lines[0].quantity" -> "lines[0].quantity": the method and parameter names mean nothing to callers.
    private static String describe(ConstraintViolationException e) {
        List<String> problems = new ArrayList<>();
        for (ConstraintViolation<?> violation : e.getConstraintViolations()) {
            problems.add(fieldOf(violation.getPropertyPath()) + " " + violation.getMessage());
        }
        problems.sort(Comparator.naturalOrder());
        return "Invalid request: " + String.join("; ", problems) + ".";
    }

    private static String fieldOf(Path path) {
        String[] parts = path.toString().split("\\.", 3);
        if (parts.length == 3) {
            return parts[2].replace(".<list element>", "");
        }
        String last = parts[parts.length - 1];
        return switch (last) {
            case "correlationId" -> DocumentResource.CORRELATION_HEADER;
            case "realmId" -> "realmId";
            default -> "request body";
        };
    }
}
