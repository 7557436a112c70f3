package dev.ledgerbridge.sandbox.hubspot;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** One stored CRM object: its type, id, string-valued properties and timestamps. */
public final class CrmRecord {

    private final HubSpotObjectType type;
    private final String id;
    private final Map<String, String> properties = new LinkedHashMap<>();
    private final Instant createdAt;
    private Instant updatedAt;

    public CrmRecord(HubSpotObjectType type, String id, Instant createdAt) {
        this.type = type;
        this.id = id;
        this.createdAt = createdAt;
        this.updatedAt = createdAt;
    }

    public HubSpotObjectType type() {
        return type;
    }

    public String id() {
        return id;
    }

    public Map<String, String> properties() {
        return properties;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }

    public void touch(Instant at) {
        this.updatedAt = at;
    }
}
