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

/** CRM v3 object operations (read, batch read, list, create, update, search) shaped as HubSpot answers them. */
@ApplicationScoped
public class CrmObjectService {

    static final int BATCH_LIMIT = 100;

    private static final Map<HubSpotObjectType, List<String>> DEFAULT_PROPERTIES = Map.of(
            HubSpotObjectType.CONTACTS, List.of("firstname", "lastname", "email"),
            HubSpotObjectType.DEALS, List.of("dealname", "amount", "closedate", "pipeline", "dealstage"),
            HubSpotObjectType.LINE_ITEMS, List.of("name", "quantity", "price", "amount", "hs_product_id"),
            HubSpotObjectType.PRODUCTS, List.of("name", "price", "description"),
            HubSpotObjectType.QUOTES, List.of("hs_title", "hs_expiration_date", "hs_status"),
            HubSpotObjectType.COMMERCE_PAYMENTS, List.of("hs_initial_amount", "hs_currency_code", "hs_latest_status"),
            HubSpotObjectType.NOTES, List.of("hs_timestamp", "hs_note_body"));

    private final CrmStore store;

    public CrmObjectService(CrmStore store) {
        this.store = store;
    }

    /** GET one: null when the object does not exist. */
    public Map<String, Object> read(HubSpotObjectType type, String id, List<String> properties, List<String> associations) {
        CrmRecord r = store.get(type, id);
        if (r == null) {
            return null;
        }
        Map<String, Object> view = view(r, properties);
        Map<String, Object> assoc = associationsV3(r, associations);
        if (!assoc.isEmpty()) {
            view.put("associations", assoc);
        }
        return view;
    }

    /** GET list page: results after the {@code after} cursor (an offset). */
    public Map<String, Object> list(HubSpotObjectType type, int limit, String after, List<String> properties,
                                    List<String> associations) {
        List<CrmRecord> all = store.all(type);
        int from = parseCursor(after);
        List<Object> results = new ArrayList<>();
        for (int i = from; i < Math.min(all.size(), from + limit); i++) {
            Map<String, Object> v = view(all.get(i), properties);
            Map<String, Object> assoc = associationsV3(all.get(i), associations);
            if (!assoc.isEmpty()) {
                v.put("associations", assoc);
            }
            results.add(v);
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("results", results);
        if (from + limit < all.size()) {
            out.put("paging", paging(Integer.toString(from + limit)));
        }
        return out;
    }

    /** Result of a batch read: the body and whether some ids were missing (207). */
    public record BatchResult(Map<String, Object> body, boolean partial) {
    }

    public BatchResult batchRead(HubSpotObjectType type, JsonNode request) {
        JsonNode inputs = request.path("inputs");
        if (inputs.size() > BATCH_LIMIT) {
            throw HubSpotApiException.validation("Batch input limit exceeded: " + inputs.size() + " inputs (maximum " + BATCH_LIMIT + ").");
        }
        List<String> properties = strings(request.path("properties"));
        String idProperty = request.path("idProperty").asText("");
        Instant started = Instant.now();
        List<Object> results = new ArrayList<>();
        Set<String> missing = new LinkedHashSet<>();
        Set<String> seen = new LinkedHashSet<>();
        for (JsonNode in : inputs) {
            String id = in.path("id").asText();
            CrmRecord r = idProperty.isEmpty() ? store.get(type, id) : findByProperty(type, idProperty, id);
            if (r == null) {
                missing.add(id);
            } else if (seen.add(r.id())) {
                results.add(view(r, properties));
            }
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", "COMPLETE");
        body.put("results", results);
        if (!missing.isEmpty()) {
            body.put("numErrors", 1);
            Map<String, Object> error = new LinkedHashMap<>();
            error.put("status", "error");
            error.put("category", "OBJECT_NOT_FOUND");
            error.put("message", "Could not get some " + type.workflowName() + " objects, they may be deleted or not exist. Check that ids are valid.");
            error.put("context", Map.of("ids", List.copyOf(missing)));
            error.put("errors", List.of());
            error.put("links", Map.of());
            body.put("errors", List.of(error));
        }
        body.put("startedAt", HubSpotTime.format(started));
        body.put("completedAt", HubSpotTime.format(Instant.now()));
        return new BatchResult(body, !missing.isEmpty());
    }

    private CrmRecord findByProperty(HubSpotObjectType type, String property, String value) {
        return store.all(type).stream()
                .filter(r -> r.properties().get(property) != null && CrmSearch.compare(r.properties().get(property), value) == 0)
                .findFirst().orElse(null);
    }

    /** POST create with optional associations; returns the new object. */
    public Map<String, Object> create(HubSpotObjectType type, JsonNode request) {
        Map<String, String> properties = propertyMap(request.path("properties"));
        if (type == HubSpotObjectType.NOTES && !properties.containsKey("hs_timestamp")) {
            throw HubSpotApiException.validation("Property values were not valid: hs_timestamp is required for notes.");
        }
        // Validate every association before storing anything, so a bad link leaves no half-created object.
        List<PendingLink> links = new ArrayList<>();
        for (JsonNode a : request.path("associations")) {
            String toId = a.path("to").path("id").asText();
            for (JsonNode t : a.path("types")) {
                int typeId = t.path("associationTypeId").asInt();
                String category = t.path("associationCategory").asText("HUBSPOT_DEFINED");
                AssociationTypes.Type assocType = AssociationTypes.byId(type, typeId).orElseThrow(() ->
                        HubSpotApiException.validation("Invalid association type id " + typeId + " for " + type.pathName() + "."));
                if (store.get(assocType.to(), toId) == null) {
                    throw HubSpotApiException.validation("Association target " + assocType.to().pathName() + " " + toId + " does not exist.");
                }
                links.add(new PendingLink(assocType, toId, category));
            }
        }
        CrmRecord created = store.create(type, properties);
        for (PendingLink l : links) {
            store.associate(type, created.id(), l.type().to(), l.toId(), new AssociationSpec(l.category(), l.type().typeId(), null));
        }
        return view(store.get(type, created.id()), List.copyOf(properties.keySet()));
    }

    private record PendingLink(AssociationTypes.Type type, String toId, String category) {
    }

    /** PATCH: null when the object does not exist. */
    public Map<String, Object> update(HubSpotObjectType type, String id, JsonNode request) {
        Map<String, String> properties = propertyMap(request.path("properties"));
        CrmRecord r = store.update(type, id, properties);
        return r == null ? null : view(r, new ArrayList<>(r.properties().keySet()));
    }

    /**
     * POST batch/update: sets each input's properties on the record with its id (or its {@code idProperty} value);
     * every input is checked before anything is written (at most 100, no id twice), unknown ids are reported as
     * 207 errors and the others are still updated, as HubSpot does.
     */
    public BatchResult batchUpdate(HubSpotObjectType type, JsonNode request) {
        JsonNode inputs = request.path("inputs");
        if (!inputs.isArray() || inputs.isEmpty()) {
            throw HubSpotApiException.validation("inputs must hold at least one object to update.");
        }
        if (inputs.size() > BATCH_LIMIT) {
            throw HubSpotApiException.validation("Batch input limit exceeded: " + inputs.size() + " inputs (maximum " + BATCH_LIMIT + ").");
        }
        Set<String> seen = new LinkedHashSet<>();
        Set<String> duplicates = new LinkedHashSet<>();
        for (JsonNode in : inputs) {
            String id = in.path("id").asText("");
            if (id.isEmpty()) {
                throw HubSpotApiException.validation("Every input needs an id.");
            }
            if (!seen.add(in.path("idProperty").asText("") + "\u0000" + id)) {
                duplicates.add(id);
            }
        }
        if (!duplicates.isEmpty()) {
            throw HubSpotApiException.validation("Duplicate IDs found in batch input: " + duplicates + ". IDs must be unique");
        }
        Instant started = Instant.now();
        List<Object> results = new ArrayList<>();
        Set<String> missing = new LinkedHashSet<>();
        for (JsonNode in : inputs) {
            String id = in.path("id").asText();
            String idProperty = in.path("idProperty").asText("");
            CrmRecord target = idProperty.isEmpty() ? store.get(type, id) : findByProperty(type, idProperty, id);
            Map<String, String> properties = propertyMap(in.path("properties"));
            CrmRecord r = target == null ? null : store.update(type, target.id(), properties);
            if (r == null) {
                missing.add(id);
            } else {
                results.add(view(r, List.copyOf(properties.keySet())));
            }
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", "COMPLETE");
        body.put("results", results);
        if (!missing.isEmpty()) {
            body.put("numErrors", 1);
            Map<String, Object> error = new LinkedHashMap<>();
            error.put("status", "error");
            error.put("category", "OBJECT_NOT_FOUND");
            error.put("message", "Could not update some " + type.workflowName() + " objects, they may be deleted or not exist. Check that ids are valid.");
            error.put("context", Map.of("ids", List.copyOf(missing)));
            error.put("errors", List.of());
            error.put("links", Map.of());
            body.put("errors", List.of(error));
        }
        body.put("startedAt", HubSpotTime.format(started));
        body.put("completedAt", HubSpotTime.format(Instant.now()));
        return new BatchResult(body, !missing.isEmpty());
    }

    public Map<String, Object> search(HubSpotObjectType type, JsonNode request) {
        CrmSearch.validate(request);
        List<CrmRecord> hits = store.all(type).stream()
                .filter(r -> CrmSearch.matches(request, r))
                .sorted(CrmSearch.order(request))
                .toList();
        int limit = request.path("limit").asInt(10);
        int from = parseCursor(request.path("after").asText(null));
        List<String> properties = strings(request.path("properties"));
        List<Object> results = new ArrayList<>();
        for (int i = from; i < Math.min(hits.size(), from + limit); i++) {
            results.add(view(hits.get(i), properties));
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("total", hits.size());
        out.put("results", results);
        if (from + limit < hits.size()) {
            out.put("paging", paging(Integer.toString(from + limit)));
        }
        return out;
    }

    Map<String, Object> view(CrmRecord r, List<String> requested) {
        List<String> names = requested == null || requested.isEmpty()
                ? DEFAULT_PROPERTIES.getOrDefault(r.type(), List.of()) : requested;
        Map<String, String> props = new LinkedHashMap<>();
        // HubSpot always adds the object id and the create/modify dates to the requested properties.
        String modified = r.type() == HubSpotObjectType.CONTACTS ? "lastmodifieddate" : "hs_lastmodifieddate";
        for (String n : concat(names, List.of("createdate", modified, "hs_object_id"))) {
            String v = r.properties().get(n);
            if (v != null) {
                props.put(n, v);
            }
        }
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", r.id());
        view.put("properties", props);
        view.put("createdAt", HubSpotTime.format(r.createdAt()));
        view.put("updatedAt", HubSpotTime.format(r.updatedAt()));
        view.put("archived", false);
        return view;
    }

    private Map<String, Object> associationsV3(CrmRecord r, List<String> associations) {
        Map<String, Object> out = new LinkedHashMap<>();
        if (associations == null) {
            return out;
        }
        for (String name : associations) {
            HubSpotObjectType to = HubSpotObjectType.parse(name).orElse(null);
            if (to == null) {
                continue;
            }
            List<Object> results = new ArrayList<>();
            for (CrmStore.Link link : store.links(r.type(), r.id(), to)) {
                results.add(Map.of("id", link.toId(), "type", AssociationTypes.v3Name(r.type(), to)));
            }
            if (!results.isEmpty()) {
                out.put(name, Map.of("results", results));
            }
        }
        return out;
    }

    static Map<String, Object> paging(String after) {
        return Map.of("next", Map.of("after", after, "link", "?after=" + after));
    }

    static int parseCursor(String after) {
        if (after == null || after.isBlank()) {
            return 0;
        }
        try {
            return Math.max(0, Integer.parseInt(after.trim()));
        } catch (NumberFormatException e) {
            throw HubSpotApiException.validation("Invalid paging cursor: " + after);
        }
    }

    static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    private static Map<String, String> propertyMap(JsonNode node) {
        Map<String, String> out = new LinkedHashMap<>();
        node.fields().forEachRemaining(e -> out.put(e.getKey(), e.getValue().isNull() ? "" : e.getValue().asText()));
        return out;
    }

    private static List<String> concat(List<String> a, List<String> b) {
        LinkedHashSet<String> s = new LinkedHashSet<>(a);
        s.addAll(b);
        return List.copyOf(s);
    }
}
