package dev.ledgerbridge.hubspot;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * A CRM v3 record ({@code SimplePublicObject[WithAssociations]}): id, string properties, the associations asked for
 * with {@code associations=}, timestamps and archived flag.
 *
 * @param properties   property values as HubSpot sends them (strings; a value may be null)
 * @param associations keyed by the target type name HubSpot uses in the response, e.g. {@code contacts}
 */
@RegisterForReflection // Jackson (de)serialises it inside this library, outside Quarkus REST.
public record CrmObject(String id, Map<String, String> properties, Map<String, CrmAssociations> associations,
        Instant createdAt, Instant updatedAt, boolean archived) {

    public CrmObject {
        // LinkedHashMap rather than Map.copyOf: HubSpot sends null property values, which Map.copyOf rejects.
        properties = properties == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(properties));
        associations = associations == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(associations));
    }

    /** The value of {@code name}, or null when it is absent or empty-valued. */
    public String property(String name) {
        return properties.get(name);
    }

    /**
     * Ids of associated records of {@code type}, de-duplicated (HubSpot lists a record once per association type) and
     * in response order. Only the first page HubSpot embeds is seen; use the v4 association list for completeness.
     */
    public List<String> associatedIds(CrmObjectType type) {
        LinkedHashSet<String> ids = new LinkedHashSet<>();
        associations.forEach((key, value) -> {
            // Lenient key match: some responses spell multi-word types with a space ("line items").
            if (normalise(key).equals(type.pathName()) && value != null) {
                value.results().forEach(ref -> ids.add(ref.id()));
            }
        });
        return new ArrayList<>(ids);
    }

    private static String normalise(String key) {
        return key.trim().toLowerCase(Locale.ROOT).replace(' ', '_');
    }
}
