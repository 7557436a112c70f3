package dev.ledgerbridge.gateway.client;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.temporal.ChronoUnit;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/** Client of document-service's document settings, for the gateway's admin API. */
@ApplicationScoped
public class DocumentSettingsClient {

    private final DocumentSettingsApi api;

    public DocumentSettingsClient(@RestClient DocumentSettingsApi api) {
        this.api = api;
    }

    /** The settings; defaults (nulls and the default pattern) when none were saved. */
    @Timeout(value = 10, unit = ChronoUnit.SECONDS)
    public Uni<DocumentSettings> get(String realmId) {
        return api.get(realmId);
    }

    /**
     * Checks the settings against QBO and replaces the stored ones; fails with {@link ServiceRefusalException} (422
     * INVALID_DEPOSIT_ACCOUNT, UNKNOWN_PAYMENT_METHOD, INVALID_DOC_NUMBER_PATTERN; 400) when refused.
     */
    @Timeout(value = 10, unit = ChronoUnit.SECONDS)
    public Uni<DocumentSettings> put(String realmId, DocumentSettings update) {
        return api.put(realmId, update);
    }
}
