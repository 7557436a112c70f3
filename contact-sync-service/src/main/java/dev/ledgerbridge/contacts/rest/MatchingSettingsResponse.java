package dev.ledgerbridge.contacts.rest;

import dev.ledgerbridge.contacts.MatchingMode;
import dev.ledgerbridge.contacts.MatchingSettings;
import dev.ledgerbridge.contacts.SyncFilterGroup;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * A company's matching settings.
 *
 * @param realmId      QBO company
 * @param mode         LEGACY or SYNC_FILTERS
 * @param filterGroups the sync filters (kept but not applied in LEGACY mode)
 * @param version      0 for the defaults; the {@code expectedVersion} of the next change
 * @param updatedAt    last change, null for the defaults
 * @param updatedBy    who made it, null for the defaults
 */
public record MatchingSettingsResponse(String realmId, MatchingMode mode, List<SyncFilterGroup> filterGroups,
        long version, OffsetDateTime updatedAt, String updatedBy) {

    static MatchingSettingsResponse from(MatchingSettings settings) {
        return new MatchingSettingsResponse(settings.realmId(), settings.mode(), settings.filterGroups(),
                settings.version(), settings.updatedAt(), settings.updatedBy());
    }
}
