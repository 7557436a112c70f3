package dev.ledgerbridge.gateway.client;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.temporal.ChronoUnit;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * Client of payments-bridge-service's payment settings per company (contract C) for the admin API: bodies as JSON
 * text, a 4xx answer as {@link ServiceAnswerException} to pass through, a 5xx or 429 as
 * {@link DownstreamUnavailableException}.
 */
@ApplicationScoped
public class PaymentSettingsClient {

    private final PaymentSettingsApi api;

    public PaymentSettingsClient(@RestClient PaymentSettingsApi api) {
        this.api = api;
    }

    /** The company's payment settings document. */
    @Timeout(value = 10, unit = ChronoUnit.SECONDS)
    public Uni<String> get(String realmId) {
        return api.get(realmId);
    }

    /** Stores the settings after the service checked them against the company's QBO accounts and vendors. */
    @Timeout(value = 10, unit = ChronoUnit.SECONDS)
    public Uni<String> put(String realmId, String body) {
        return api.put(realmId, body);
    }
}
