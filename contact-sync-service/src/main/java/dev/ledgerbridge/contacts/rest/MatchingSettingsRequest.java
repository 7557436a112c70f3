package dev.ledgerbridge.contacts.rest;

import dev.ledgerbridge.contacts.SyncFilterGroup;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import java.util.List;

/**
 * {@code PUT /v1/companies/{realmId}/matching-settings}: the new mode and filters, based on a version read before.
 * Mode and filters are checked by the service, so each problem is named with its place.
 *
 * @param mode            LEGACY or SYNC_FILTERS
 * @param filterGroups    HubSpot-style filter groups (OR between groups, AND inside); null is none
 * @param expectedVersion the version the change is based on (0 for a company still on the defaults)
 */
public record MatchingSettingsRequest(String mode, List<SyncFilterGroup> filterGroups,
        @NotNull @PositiveOrZero Long expectedVersion) {
}
