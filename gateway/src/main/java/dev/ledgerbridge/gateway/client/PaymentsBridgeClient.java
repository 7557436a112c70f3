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

/**
 * Client of payments-bridge-service (issue 7, contract B): runs a payment action (A4-A7) once per (portal, payment,
 * action), whatever workflow or delivery asks.
 */
@ApplicationScoped
public class PaymentsBridgeClient {

    private final PaymentsBridgeApi api;

    public PaymentsBridgeClient(@RestClient PaymentsBridgeApi api) {
        this.api = api;
    }

    /**
     * Calls the service with the execution's correlation id. Every business outcome (created, replayed, refused,
     * no-op) is an answer; fails with {@link DownstreamUnavailableException} on a 5xx/429 (e.g. 429
     * {@code BRIDGE_IN_PROGRESS} while another caller bridges the same payment and action) and with
     * {@link ServiceRefusalException} on another 4xx (a malformed request no retry cures). The service's ledger
     * makes the call idempotent, so a transport failure is retried once.
     */
    // The bridge calls up to three services in turn (customer, items, document), so it gets more time than one hop.
    @Retry(maxRetries = 1, delay = 200, retryOn = { ProcessingException.class, IOException.class },
            abortOn = ServiceRefusalException.class)
    @CircuitBreaker(requestVolumeThreshold = 20, failureRatio = 0.5, delay = 5, delayUnit = ChronoUnit.SECONDS,
            skipOn = ServiceRefusalException.class)
    @Timeout(value = 15, unit = ChronoUnit.SECONDS)
    public Uni<PaymentActionResult> execute(String correlationId, PaymentActionRequest request) {
        return api.execute(correlationId, request);
    }
}
