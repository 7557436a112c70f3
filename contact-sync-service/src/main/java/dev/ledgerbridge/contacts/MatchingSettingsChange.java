package dev.ledgerbridge.contacts;

import java.time.OffsetDateTime;

/**
 * One audited change of a company's matching settings.
 *
 * @param realmId   QBO company
 * @param version   the version the change produced
 * @param actor     who made it (header {@code X-LedgerBridge-Actor})
 * @param changedAt when
 * @param before    the settings before (the defaults for the first change)
 * @param after     the settings after
 */
public record MatchingSettingsChange(String realmId, long version, String actor, OffsetDateTime changedAt,
        SettingsSnapshot before, SettingsSnapshot after) {
}
