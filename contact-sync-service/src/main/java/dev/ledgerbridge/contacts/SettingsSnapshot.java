package dev.ledgerbridge.contacts;

import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.List;

/**
 * Mode and filters of a company at one version: the before and after of an audit entry.
 *
 * @param mode         LEGACY or SYNC_FILTERS
 * @param filterGroups the sync filters
 */
// Serialised to the audit's JSONB columns with Jackson outside Quarkus REST.
@RegisterForReflection
public record SettingsSnapshot(MatchingMode mode, List<SyncFilterGroup> filterGroups) {

    /** Copies the groups; null is none. */
    public SettingsSnapshot {
        filterGroups = filterGroups == null ? List.of() : List.copyOf(filterGroups);
    }
}
