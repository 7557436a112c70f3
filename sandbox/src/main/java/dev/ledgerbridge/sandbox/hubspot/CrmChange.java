package dev.ledgerbridge.sandbox.hubspot;

import java.util.Map;

/**
 * A record created or updated through the sandbox's CRM API (create, PATCH, batch update, batch upsert): what the
 * workflow engine's enrollment triggers look at. Seeding and resets are not changes.
 *
 * @param type     the object type
 * @param objectId the record's id
 * @param before   the properties before the write; null when the record was created by it
 * @param after    the properties after the write
 */
public record CrmChange(HubSpotObjectType type, String objectId, Map<String, String> before, Map<String, String> after) {

    /** Whether the write created the record. */
    public boolean created() {
        return before == null;
    }
}
