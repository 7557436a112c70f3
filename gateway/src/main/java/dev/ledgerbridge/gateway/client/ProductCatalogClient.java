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

/** Client of product-catalog-service: resolves each line item to a QBO item (R10, R11). */
@ApplicationScoped
public class ProductCatalogClient {

    private final ProductCatalogApi api;

    public ProductCatalogClient(@RestClient ProductCatalogApi api) {
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
    public Uni<ResolvedLineItems> resolve(String correlationId, LineItemResolveRequest request) {
        return api.resolve(correlationId, request);
    }

    /** What {@link #resolve} would do, writing nothing (admin preview); failures as {@link #resolve}. */
    @Retry(maxRetries = 1, delay = 200, retryOn = { ProcessingException.class, IOException.class },
            abortOn = ServiceRefusalException.class)
    @CircuitBreaker(requestVolumeThreshold = 20, failureRatio = 0.5, delay = 5, delayUnit = ChronoUnit.SECONDS,
            skipOn = ServiceRefusalException.class)
    @Timeout(value = 10, unit = ChronoUnit.SECONDS)
    public Uni<PreviewedLineItems> preview(String correlationId, LineItemResolveRequest request) {
        return api.preview(correlationId, request);
    }
}
