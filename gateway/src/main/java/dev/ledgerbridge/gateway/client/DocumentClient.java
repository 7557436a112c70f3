package dev.ledgerbridge.gateway.client;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ProcessingException;
import java.io.IOException;
import java.time.temporal.ChronoUnit;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/** Client of document-service: creates the QBO document once per idempotency key (R14, R16). */
@ApplicationScoped
public class DocumentClient {

    private final DocumentApi api;

    public DocumentClient(@RestClient DocumentApi api) {
        this.api = api;
    }

    /**
     * Calls the service with the execution's correlation id. Fails with {@link ServiceRefusalException} on a refusal
     * and {@link DownstreamUnavailableException} on a 5xx/429; the call is idempotent, so a transport failure is
     * retried once.
     */
    // The reactive client surfaces a reset or refused connection as a plain IOException, not a ProcessingException.
    // Refusals are answers, not faults: they neither trip the breaker nor get retried.
    @Retry(maxRetries = 1, delay = 200, retryOn = { ProcessingException.class, IOException.class },
            abortOn = ServiceRefusalException.class)
    @CircuitBreaker(requestVolumeThreshold = 20, failureRatio = 0.5, delay = 5, delayUnit = ChronoUnit.SECONDS,
            skipOn = ServiceRefusalException.class)
    @Timeout(value = 10, unit = ChronoUnit.SECONDS)
    public Uni<CreatedDocument> create(String correlationId, DocumentRequest request) {
        return api.create(correlationId, request);
    }

    /** The document {@link #create} would send to QBO, nothing written (admin preview); failures as create's. */
    @Retry(maxRetries = 1, delay = 200, retryOn = { ProcessingException.class, IOException.class },
            abortOn = ServiceRefusalException.class)
    @CircuitBreaker(requestVolumeThreshold = 20, failureRatio = 0.5, delay = 5, delayUnit = ChronoUnit.SECONDS,
            skipOn = ServiceRefusalException.class)
    @Timeout(value = 10, unit = ChronoUnit.SECONDS)
    public Uni<DocumentPreview> preview(String correlationId, DocumentRequest request) {
        return api.preview(correlationId, request);
    }
}
