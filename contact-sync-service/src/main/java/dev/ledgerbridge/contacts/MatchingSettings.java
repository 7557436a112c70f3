package dev.ledgerbridge.contacts;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * A company's customer-matching settings (R8); version 0 is the default a company has before any change.
 *
 * @param realmId      QBO company
 * @param mode         LEGACY or SYNC_FILTERS
 * @param filterGroups the sync filters (kept, but not applied, in LEGACY mode)
 * @param version      incremented by every change; a change must name the version it was based on
 * @param updatedAt    when the settings last changed, null for the defaults
 * @param updatedBy    who changed them last, null for the defaults
 */
public record MatchingSettings(String realmId, MatchingMode mode, List<SyncFilterGroup> filterGroups, long version,
        OffsetDateTime updatedAt, String updatedBy) {

    /** Copies the groups; null is none. */
    public MatchingSettings {
        filterGroups = filterGroups == null ? List.of() : List.copyOf(filterGroups);
    }

    /** The settings of a company that never changed them: LEGACY, no filters, version 0. */
    public static MatchingSettings defaults(String realmId) {
        return new MatchingSettings(realmId, MatchingMode.LEGACY, List.of(), 0, null, null);
    }

    /**
     * The HubSpot contact properties the filters read, sorted and without duplicates; none in LEGACY mode, where
     * no filter applies. The gateway fetches these with the contacts and passes them in the resolve request.
     */
    public List<String> filterProperties() {
        if (mode != MatchingMode.SYNC_FILTERS) {
            return List.of();
        }
        return filterGroups.stream().flatMap(group -> group.filters().stream()).map(SyncFilter::property)
                .distinct().sorted().toList();
    }

    /** The mode and filters without the bookkeeping, as the audit stores them. */
    public SettingsSnapshot snapshot() {
        return new SettingsSnapshot(mode, filterGroups);
    }
}
