package dev.ledgerbridge.sandbox.hubspot;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * CRM v3 batch upsert ({@code POST /crm/v3/objects/{type}/batch/upsert}): each input names a unique-value property
 * ({@code idProperty}) and its value ({@code id}); the object holding that value is updated, else one is created.
 * As in HubSpot, only a property defined with unique values may serve (the portal's custom {@code qbo_item_id} of
 * products, which the product sync's setup creates once), and a batch may name each value only once.
 */
@ApplicationScoped
public class CrmUpsertService {

    /** Unique-value properties of the seeded portal per object type (HubSpot: {@code hasUniqueValue: true}). */
    static final Map<HubSpotObjectType, Set<String>> UNIQUE_PROPERTIES = Map.of(
            HubSpotObjectType.PRODUCTS, Set.of("qbo_item_id"));

    private final CrmStore store;
    private final CrmObjectService objects;
    private final HubSpotSandboxConfig config;

    public CrmUpsertService(CrmStore store, CrmObjectService objects, HubSpotSandboxConfig config) {
        this.store = store;
        this.objects = objects;
        this.config = config;
    }

    /** Validates the whole batch first (nothing is written when any input is refused), then applies it in order. */
    public Map<String, Object> upsert(HubSpotObjectType type, JsonNode request) {
        JsonNode inputs = request.path("inputs");
        if (!inputs.isArray() || inputs.isEmpty()) {
            throw HubSpotApiException.validation("Invalid input JSON: inputs must be a non-empty array.");
        }
        if (inputs.size() > CrmObjectService.BATCH_LIMIT) {
            throw HubSpotApiException.validation("Batch input limit exceeded: " + inputs.size() + " inputs (maximum "
                    + CrmObjectService.BATCH_LIMIT + ").");
        }
        Set<String> values = new LinkedHashSet<>();
        Set<String> duplicates = new LinkedHashSet<>();
        for (JsonNode in : inputs) {
            String idProperty = in.path("idProperty").asText("");
            String id = in.path("id").asText("");
            if (idProperty.isEmpty() || !UNIQUE_PROPERTIES.getOrDefault(type, Set.of()).contains(idProperty)) {
                throw HubSpotApiException.validation("Unable to perform update/upsert by non-unique " + type.typeId()
                        + " property " + (idProperty.isEmpty() ? "hs_object_id" : idProperty) + " in portal ID "
                        + config.portalId());
            }
            if (id.isBlank()) {
                throw HubSpotApiException.validation("Invalid input JSON: id is required for every upsert input.");
            }
            if (!values.add(idProperty + "\u0000" + id)) {
                duplicates.add(id);
            }
        }
        if (!duplicates.isEmpty()) {
            throw HubSpotApiException.validation("Duplicate IDs found in batch input: " + duplicates
                    + ". IDs must be unique");
        }
        Instant started = Instant.now();
        List<Object> results = new ArrayList<>();
        for (JsonNode in : inputs) {
            String idProperty = in.path("idProperty").asText();
            String id = in.path("id").asText();
            Map<String, String> properties = propertyMap(in.path("properties"));
            // The input's id is the unique value: it wins over a different value in properties.
            properties.put(idProperty, id);
            CrmRecord existing = store.all(type).stream()
                    .filter(r -> id.equals(r.properties().get(idProperty))).findFirst().orElse(null);
            CrmRecord written;
            if (existing == null) {
                // An empty value on create sets nothing (on update it clears the property).
                Map<String, String> set = new LinkedHashMap<>(properties);
                set.values().removeIf(String::isEmpty);
                written = store.create(type, set);
            } else {
                written = store.update(type, existing.id(), properties);
            }
            Map<String, Object> view = objects.view(written, List.copyOf(properties.keySet()));
            view.put("new", existing == null);
            results.add(view);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", "COMPLETE");
        body.put("results", results);
        body.put("startedAt", HubSpotTime.format(started));
        body.put("completedAt", HubSpotTime.format(Instant.now()));
        return body;
    }

    private static Map<String, String> propertyMap(JsonNode node) {
        Map<String, String> out = new LinkedHashMap<>();
        node.fields().forEachRemaining(e -> out.put(e.getKey(), e.getValue().isNull() ? "" : e.getValue().asText()));
        return out;
    }
}
