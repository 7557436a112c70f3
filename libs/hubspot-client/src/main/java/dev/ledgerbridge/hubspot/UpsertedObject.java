package dev.ledgerbridge.hubspot;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonProperty;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * A record written by a batch upsert ({@code SimplePublicUpsertObject}): HubSpot's id, the properties, and whether
 * the upsert created it ({@code new}) or updated an existing one.
 */
@RegisterForReflection // Jackson (de)serialises it inside this library, outside Quarkus REST.
public record UpsertedObject(String id, Map<String, String> properties, Instant createdAt, Instant updatedAt,
        boolean archived, @JsonProperty("new") boolean created) {

    public UpsertedObject {
        // LinkedHashMap rather than Map.copyOf: HubSpot sends null property values, which Map.copyOf rejects.
        properties = properties == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(properties));
    }

    /** The value of {@code name}, or null. */
    public String property(String name) {
        return properties.get(name);
    }
}
