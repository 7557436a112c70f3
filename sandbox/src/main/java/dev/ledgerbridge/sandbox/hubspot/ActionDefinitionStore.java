package dev.ledgerbridge.sandbox.hubspot;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ledgerbridge.sandbox.Reseedable;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Custom workflow action definitions of the seeded app (automation v4), with revisions and archiving. */
@ApplicationScoped
public class ActionDefinitionStore implements Reseedable {

    private static final List<String> PATCHABLE = List.of("actionUrl", "published", "objectTypes", "objectRequestOptions",
            "inputFields", "inputFieldDependencies", "outputFields", "labels", "executionRules");

    private final HubSpotSandboxConfig config;
    private final Map<String, ObjectNode> definitions = new LinkedHashMap<>();
    private long nextId;

    public ActionDefinitionStore(HubSpotSandboxConfig config) {
        this.config = config;
        reset();
    }

    @Override
    public synchronized void reset() {
        definitions.clear();
        nextId = 1_000_001;
    }

    public synchronized ObjectNode create(long appId, JsonNode egg) {
        requireApp(appId);
        if (egg.path("actionUrl").asText("").isBlank()) {
            throw HubSpotApiException.validation("actionUrl is required.");
        }
        if (!egg.path("objectTypes").isArray() || egg.path("objectTypes").isEmpty()) {
            throw HubSpotApiException.validation("objectTypes must list at least one object type.");
        }
        if (!egg.path("labels").isObject() || egg.path("labels").isEmpty()) {
            throw HubSpotApiException.validation("labels must contain at least one locale with an actionName.");
        }
        ObjectNode d = JsonNodeFactory.instance.objectNode();
        String id = Long.toString(nextId++);
        d.put("id", id);
        d.put("revisionId", "1");
        d.put("actionUrl", egg.path("actionUrl").asText());
        d.put("published", egg.path("published").asBoolean(false));
        for (String field : PATCHABLE) {
            if (!d.has(field) && egg.has(field)) {
                d.set(field, egg.get(field).deepCopy());
            }
        }
        if (!d.has("inputFields")) {
            d.putArray("inputFields");
        }
        d.putArray("functions");
        normalise(d);
        definitions.put(id, d);
        return d.deepCopy();
    }

    /** The definition, or null when unknown (or archived and {@code archived} is false). */
    public synchronized ObjectNode get(long appId, String definitionId, boolean archived) {
        requireApp(appId);
        return find(definitionId, archived);
    }

    /** For the workflow engine: any live definition by id, or null. */
    public synchronized ObjectNode get(String definitionId) {
        return find(definitionId, false);
    }

    private ObjectNode find(String definitionId, boolean archived) {
        ObjectNode d = definitions.get(definitionId);
        if (d == null || d.has("archivedAt") != archived) {
            return null;
        }
        return d.deepCopy();
    }

    public synchronized List<ObjectNode> list(long appId, boolean archived) {
        requireApp(appId);
        List<ObjectNode> out = new ArrayList<>();
        definitions.values().stream().filter(d -> d.has("archivedAt") == archived).forEach(d -> out.add(d.deepCopy()));
        return out;
    }

    public synchronized ObjectNode patch(long appId, String definitionId, JsonNode patch) {
        requireApp(appId);
        ObjectNode d = definitions.get(definitionId);
        if (d == null || d.has("archivedAt")) {
            return null;
        }
        for (String field : PATCHABLE) {
            if (patch.has(field)) {
                d.set(field, patch.get(field).deepCopy());
            }
        }
        d.put("revisionId", Long.toString(Long.parseLong(d.path("revisionId").asText("1")) + 1));
        normalise(d);
        return d.deepCopy();
    }

    public synchronized boolean archive(long appId, String definitionId) {
        requireApp(appId);
        ObjectNode d = definitions.get(definitionId);
        if (d == null || d.has("archivedAt")) {
            return false;
        }
        d.put("archivedAt", Instant.now().toEpochMilli());
        return true;
    }

    private void requireApp(long appId) {
        if (appId != config.appId()) {
            throw HubSpotApiException.notFound("App " + appId + " does not exist.");
        }
    }

    /**
     * Fills the fields HubSpot's response schema requires even when the caller left them out
     * (typeDefinition.options, and for output fields externalOptions/useChirp/schema).
     */
    private static void normalise(ObjectNode d) {
        for (JsonNode f : d.path("inputFields")) {
            if (f.isObject()) {
                ObjectNode o = (ObjectNode) f;
                if (!o.has("isRequired")) {
                    o.put("isRequired", false);
                }
                ObjectNode td = o.has("typeDefinition") && o.get("typeDefinition").isObject()
                        ? (ObjectNode) o.get("typeDefinition") : o.putObject("typeDefinition");
                if (!td.has("options")) {
                    td.putArray("options");
                }
            }
        }
        for (JsonNode f : d.path("outputFields")) {
            if (f.isObject()) {
                ObjectNode o = (ObjectNode) f;
                ObjectNode td = o.has("typeDefinition") && o.get("typeDefinition").isObject()
                        ? (ObjectNode) o.get("typeDefinition") : o.putObject("typeDefinition");
                if (!td.has("options")) {
                    td.putArray("options");
                } else {
                    for (JsonNode opt : td.withArray("options")) {
                        fillOption(opt);
                    }
                }
                if (!td.has("externalOptions")) {
                    td.put("externalOptions", false);
                }
                if (!td.has("useChirp")) {
                    td.put("useChirp", false);
                }
                if (!td.has("schema")) {
                    td.putObject("schema").put("type", "STRING");
                }
            }
        }
    }

    private static void fillOption(JsonNode opt) {
        if (opt instanceof ObjectNode o) {
            if (!o.has("description")) {
                o.put("description", "");
            }
            if (!o.has("displayOrder")) {
                o.put("displayOrder", -1);
            }
            if (!o.has("doubleData")) {
                o.put("doubleData", 0);
            }
            if (!o.has("hidden")) {
                o.put("hidden", false);
            }
            if (!o.has("readOnly")) {
                o.put("readOnly", false);
            }
        }
    }

    static ArrayNode array(List<ObjectNode> nodes) {
        ArrayNode a = JsonNodeFactory.instance.arrayNode();
        nodes.forEach(a::add);
        return a;
    }
}
