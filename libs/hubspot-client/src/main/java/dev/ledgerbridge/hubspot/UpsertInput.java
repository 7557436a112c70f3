package dev.ledgerbridge.hubspot;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One record of a batch upsert: the value of the upsert's unique {@code idProperty} and the properties to write.
 *
 * @param idValue    the record's value of the {@code idProperty} (HubSpot's {@code id} field of the input)
 * @param properties property values to set; HubSpot creates the record with them or updates the one holding idValue
 */
public record UpsertInput(String idValue, Map<String, String> properties) {

    public UpsertInput {
        if (idValue == null || idValue.isBlank()) {
            throw new IllegalArgumentException("idValue must not be blank");
        }
        properties = properties == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(properties));
    }
}
