package dev.ledgerbridge.contacts;

import java.util.List;

/**
 * A change of a company's matching settings, not yet validated.
 *
 * @param realmId         QBO company
 * @param mode            "LEGACY" or "SYNC_FILTERS" as received
 * @param filterGroups    the new filters
 * @param expectedVersion the version the change is based on (0 when the company has only the defaults)
 * @param actor           who makes the change, recorded in the audit
 */
public record UpdateMatchingSettingsCommand(String realmId, String mode, List<SyncFilterGroup> filterGroups,
        long expectedVersion, String actor) {

    /** Copies the groups; null is none. */
    public UpdateMatchingSettingsCommand {
        filterGroups = filterGroups == null ? List.of() : filterGroups.stream().toList();
    }
}
