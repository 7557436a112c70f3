package dev.ledgerbridge.contacts.service;

import dev.ledgerbridge.contacts.MatchingMode;
import dev.ledgerbridge.contacts.MatchingSettings;
import dev.ledgerbridge.contacts.MatchingSettingsChange;
import dev.ledgerbridge.contacts.SettingsSnapshot;
import dev.ledgerbridge.contacts.SyncFilterGroup;
import dev.ledgerbridge.contacts.UpdateMatchingSettingsCommand;
import dev.ledgerbridge.contacts.repository.MatchingSettingsRepository;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** A company's customer-matching settings (R8): read with defaults, changed with validation, versioning and audit. */
@ApplicationScoped
public class MatchingSettingsService {

    private final MatchingSettingsRepository repository;

    MatchingSettingsService(MatchingSettingsRepository repository) {
        this.repository = repository;
    }

    /** The company's settings; LEGACY without filters at version 0 when it never changed them. */
    public Uni<MatchingSettings> settings(String realmId) {
        return repository.find(realmId).map(found -> found != null ? found : MatchingSettings.defaults(realmId));
    }

    /**
     * Validates and stores a change; fails with {@code InvalidMatchingSettingsException} (nothing stored) or
     * {@code MatchingSettingsConflictException} when the settings are no longer at the expected version.
     */
    public Uni<MatchingSettings> update(UpdateMatchingSettingsCommand command) {
        return Uni.createFrom().item(() -> {
                    MatchingMode mode = SyncFilterValidation.mode(command.mode());
                    List<SyncFilterGroup> groups = SyncFilterValidation.validate(command.filterGroups());
                    return new SettingsSnapshot(mode, groups);
                })
                .chain(after -> repository.replace(command.realmId(), command.expectedVersion(), after, command.actor()))
                .invoke(stored -> Log.infof("Matching settings of realm %s changed to version %d (mode %s, %d filter"
                        + " groups)", stored.realmId(), stored.version(), stored.mode(), stored.filterGroups().size()));
    }

    /** The company's audited changes, newest first. */
    public Uni<List<MatchingSettingsChange>> history(String realmId, int limit) {
        return repository.history(realmId, limit);
    }
}
