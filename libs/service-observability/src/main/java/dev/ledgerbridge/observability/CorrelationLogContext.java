package dev.ledgerbridge.observability;

import io.opentelemetry.api.trace.Span;
import jakarta.ws.rs.container.ContainerRequestContext;
import java.util.regex.Pattern;
import org.jboss.logging.MDC;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Puts the HubSpot callbackId of the execution a request belongs to (header {@code X-LedgerBridge-Correlation-Id})
 * into the log context as {@code callbackId} and onto the request's span, so every log line and the trace of one
 * execution can be found by it. Quarkus keeps the MDC on the request's Vert.x context, so it follows the reactive chain.
 */
public class CorrelationLogContext {

    /** The header every internal call carries. */
    public static final String HEADER = "X-LedgerBridge-Correlation-Id";

    /** MDC key (a JSON log field in prod, {@code %X{callbackId}} in the console format). */
    public static final String MDC_KEY = "callbackId";

    // Anything else is not a HubSpot callbackId and must not reach a log line (log injection).
    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9._:-]{1,200}");

    @ServerRequestFilter(preMatching = true)
    public void fromHeader(ContainerRequestContext request) {
        tag(request.getHeaderString(HEADER));
    }

    /** Tags the current request with its execution's callbackId; ignores a missing or malformed value. */
    public static void tag(String callbackId) {
        if (callbackId == null || !SAFE.matcher(callbackId).matches()) {
            return;
        }
        MDC.put(MDC_KEY, callbackId);
        Span.current().setAttribute("ledgerbridge.callback_id", callbackId);
    }
}
