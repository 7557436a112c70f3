package dev.ledgerbridge.contacts.rest;

import dev.ledgerbridge.contacts.MatchingSettingsChange;
import dev.ledgerbridge.contacts.SettingsSnapshot;
import java.time.OffsetDateTime;

/**
 * One entry of {@code GET /v1/companies/{realmId}/matching-settings/history}.
 *
 * @param version   the version the change produced
 * @param actor     who made it
 * @param changedAt when
 * @param before    mode and filters before
 * @param after     mode and filters after
 */
public record MatchingSettingsChangeResponse(long version, String actor, OffsetDateTime changedAt,
        SettingsSnapshot before, SettingsSnapshot after) {

    static MatchingSettingsChangeResponse from(MatchingSettingsChange change) {
        return new MatchingSettingsChangeResponse(change.version(), change.actor(), change.changedAt(), change.before(),
                change.after());
    }
}
