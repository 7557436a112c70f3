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

/** Client of contact-sync-service: resolves the QBO customer for the record's contacts (R3, R6). */
@ApplicationScoped
public class ContactSyncClient {

    private final ContactSyncApi api;

    public ContactSyncClient(@RestClient ContactSyncApi api) {
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
    public Uni<ResolvedCustomer> resolve(String correlationId, CustomerResolveRequest request) {
        return api.resolve(correlationId, request);
    }

    /** What {@link #resolve} would do, without any write (admin preview); failures as {@link #resolve}. */
    @Retry(maxRetries = 1, delay = 200, retryOn = { ProcessingException.class, IOException.class },
            abortOn = ServiceRefusalException.class)
    @CircuitBreaker(requestVolumeThreshold = 20, failureRatio = 0.5, delay = 5, delayUnit = ChronoUnit.SECONDS,
            skipOn = ServiceRefusalException.class)
    @Timeout(value = 10, unit = ChronoUnit.SECONDS)
    public Uni<CustomerPreview> preview(String correlationId, CustomerResolveRequest request) {
        return api.preview(correlationId, request);
    }

    /** The contact properties the company's sync filters read (one database read in the service, no vendor call). */
    @Retry(maxRetries = 1, delay = 200, retryOn = { ProcessingException.class, IOException.class },
            abortOn = ServiceRefusalException.class)
    @CircuitBreaker(requestVolumeThreshold = 20, failureRatio = 0.5, delay = 5, delayUnit = ChronoUnit.SECONDS,
            skipOn = ServiceRefusalException.class)
    @Timeout(value = 5, unit = ChronoUnit.SECONDS)
    public Uni<FilterProperties> filterProperties(String realmId) {
        return api.filterProperties(realmId);
    }
}
