package dev.ledgerbridge.gateway.client;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.temporal.ChronoUnit;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * Client of contact-sync-service's matching-settings API (R8) for the admin API: bodies as JSON text, a 4xx answer as
 * {@link ServiceAnswerException} to pass through, a 5xx as {@link DownstreamUnavailableException}.
 */
@ApplicationScoped
public class ContactSyncSettingsClient {

    /** Header naming who changes the settings; contact-sync requires it and writes it to the audit. */
    public static final String ACTOR_HEADER = "X-LedgerBridge-Actor";

    private final ContactSyncSettingsApi api;

    public ContactSyncSettingsClient(@RestClient ContactSyncSettingsApi api) {
        this.api = api;
    }

    /** The company's settings document. */
    @Timeout(value = 10, unit = ChronoUnit.SECONDS)
    public Uni<String> get(String realmId) {
        return api.get(realmId);
    }

    /** Stores a change (not retried: a change is not idempotent once its version moved on). */
    @Timeout(value = 10, unit = ChronoUnit.SECONDS)
    public Uni<String> put(String realmId, String actor, String body) {
        return api.put(realmId, actor, body);
    }

    /** Audited changes, newest first. */
    @Timeout(value = 10, unit = ChronoUnit.SECONDS)
    public Uni<String> history(String realmId, Integer limit) {
        return api.history(realmId, limit);
    }
}
