package dev.ledgerbridge.contacts;

import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.List;

/**
 * Conditions that must all hold (AND); a contact is eligible when any one group holds (OR), as in HubSpot.
 *
 * @param filters the conditions of the group
 */
// Serialised to the JSONB column with Jackson outside Quarkus REST.
@RegisterForReflection
public record SyncFilterGroup(List<SyncFilter> filters) {

    /** A null filter list is an empty one (which validation refuses). */
    public SyncFilterGroup {
        filters = filters == null ? List.of() : filters.stream().toList();
    }
}
