package dev.ledgerbridge.payments.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import dev.ledgerbridge.payments.BridgeUnavailableException;
import dev.ledgerbridge.payments.InvalidPaymentActionException;
import dev.ledgerbridge.payments.SettingsRefusedException;
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

    @ServerExceptionMapper
    public RestResponse<ErrorBody> composite(CompositeException e) {
        return map(e.getCauses().isEmpty() ? e : e.getCauses().get(0));
    }

    @ServerExceptionMapper
    public RestResponse<ErrorBody> refused(SettingsRefusedException e) {
        return map(e);
    }

    @ServerExceptionMapper
    public RestResponse<ErrorBody> unavailable(BridgeUnavailableException e) {
        return map(e);
    }

    @ServerExceptionMapper
    public RestResponse<ErrorBody> invalidAction(InvalidPaymentActionException e) {
        return map(e);
    }

    @ServerExceptionMapper
    public RestResponse<ErrorBody> invalid(ConstraintViolationException e) {
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
        if (failure instanceof SettingsRefusedException e) {
            return respond(422, new ErrorBody(e.code(), e.getMessage(), e.field()));
        }
        if (failure instanceof BridgeUnavailableException e) {
            long seconds = Math.max(1, (e.retryAfter() == null ? Duration.ofSeconds(5) : e.retryAfter()).toSeconds());
            return RestResponse.ResponseBuilder.<ErrorBody>create(e.status()).entity(ErrorBody.of(e.code(),
                    e.getMessage())).header("Retry-After", String.valueOf(seconds)).build();
        }
        if (failure instanceof InvalidPaymentActionException e) {
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
                    field.isEmpty() ? "The request body is not valid for this endpoint."
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
            return respond(status, ErrorBody.of(code, status == 400 ? "The request body is not valid for this endpoint."
                    : e.getMessage()));
        }
        Log.error("Unexpected failure", failure);
        return respond(500, ErrorBody.of("INTERNAL_ERROR", "An unexpected error occurred."));
    }

    private static RestResponse<ErrorBody> respond(int status, ErrorBody body) {
        return RestResponse.ResponseBuilder.<ErrorBody>create(status).entity(body).build();
    }

    // "bridge.request.payment.amount" -> "payment.amount": the method and parameter names mean nothing to callers.
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
            case "correlationId" -> "X-LedgerBridge-Correlation-Id";
            case "realmId" -> "realmId";
            default -> "request body";
        };
    }
}
