package dev.ledgerbridge.sandbox.hubspot;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Associations v4: listing in stored order with paging, batch read, default and labelled links, labels. */
@ApplicationScoped
public class AssociationService {

    static final int MAX_PAGE = 500;

    private final CrmStore store;

    public AssociationService(CrmStore store) {
        this.store = store;
    }

    public Map<String, Object> list(HubSpotObjectType from, String fromId, HubSpotObjectType to, int limit, String after) {
        List<CrmStore.Link> links = store.links(from, fromId, to);
        int start = CrmObjectService.parseCursor(after);
        List<Object> results = new ArrayList<>();
        for (int i = start; i < Math.min(links.size(), start + limit); i++) {
            results.add(linkView(links.get(i)));
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("results", results);
        if (start + limit < links.size()) {
            out.put("paging", CrmObjectService.paging(Integer.toString(start + limit)));
        }
        return out;
    }

    public Map<String, Object> batchRead(HubSpotObjectType from, HubSpotObjectType to, JsonNode request) {
        JsonNode inputs = request.path("inputs");
        if (inputs.size() > 1000) {
            throw HubSpotApiException.validation("Batch input limit exceeded: " + inputs.size() + " inputs (maximum 1000).");
        }
        Instant started = Instant.now();
        List<Object> results = new ArrayList<>();
        for (JsonNode in : inputs) {
            String id = in.path("id").asText();
            List<CrmStore.Link> links = store.links(from, id, to);
            int start = CrmObjectService.parseCursor(in.path("after").asText(null));
            List<Object> toList = new ArrayList<>();
            for (int i = start; i < Math.min(links.size(), start + MAX_PAGE); i++) {
                toList.add(linkView(links.get(i)));
            }
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("from", Map.of("id", id));
            r.put("to", toList);
            if (start + MAX_PAGE < links.size()) {
                r.put("paging", CrmObjectService.paging(Integer.toString(start + MAX_PAGE)));
            }
            results.add(r);
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("status", "COMPLETE");
        out.put("results", results);
        out.put("startedAt", HubSpotTime.format(started));
        out.put("completedAt", HubSpotTime.format(Instant.now()));
        return out;
    }

    /** PUT .../associations/default/...: links with the HubSpot-defined default type of the pair. */
    public Map<String, Object> associateDefault(HubSpotObjectType from, String fromId, HubSpotObjectType to, String toId) {
        requireExists(from, fromId);
        requireExists(to, toId);
        AssociationTypes.Type t = AssociationTypes.defaultType(from, to).orElseThrow(() ->
                HubSpotApiException.validation("No default association type between " + from.pathName() + " and " + to.pathName() + "."));
        Instant started = Instant.now();
        store.associate(from, fromId, to, toId, new AssociationSpec("HUBSPOT_DEFINED", t.typeId(), null));
        List<Object> results = new ArrayList<>();
        results.add(defaultResult(fromId, toId, t.typeId()));
        AssociationTypes.inverse(t).ifPresent(inv -> results.add(defaultResult(toId, fromId, inv.typeId())));
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("status", "COMPLETE");
        out.put("results", results);
        out.put("startedAt", HubSpotTime.format(started));
        out.put("completedAt", HubSpotTime.format(Instant.now()));
        return out;
    }

    /** PUT .../associations/{toType}/{toId} with a list of {@code associationCategory, associationTypeId}. */
    public Map<String, Object> associateLabelled(HubSpotObjectType from, String fromId, HubSpotObjectType to, String toId,
                                                 JsonNode specs) {
        requireExists(from, fromId);
        requireExists(to, toId);
        if (!specs.isArray() || specs.isEmpty()) {
            throw HubSpotApiException.validation("The body must be a non-empty array of association specs.");
        }
        for (JsonNode s : specs) {
            String category = s.path("associationCategory").asText("");
            int typeId = s.path("associationTypeId").asInt(-1);
            if ("HUBSPOT_DEFINED".equals(category)) {
                AssociationTypes.Type t = AssociationTypes.byId(from, typeId)
                        .filter(x -> x.to() == to)
                        .orElseThrow(() -> HubSpotApiException.validation("Association type " + typeId
                                + " is not valid from " + from.pathName() + " to " + to.pathName() + "."));
                store.associate(from, fromId, to, toId, new AssociationSpec(category, t.typeId(), null));
            } else if ("USER_DEFINED".equals(category) || "INTEGRATOR_DEFINED".equals(category)) {
                if (typeId < 0) {
                    throw HubSpotApiException.validation("associationTypeId is required.");
                }
                String label = "USER_DEFINED".equals(category) ? AssociationTypes.userLabel(from, to, typeId)
                        .map(AssociationTypes.UserLabel::label).orElse(null) : null;
                store.associate(from, fromId, to, toId, new AssociationSpec(category, typeId, label));
            } else {
                throw HubSpotApiException.validation("Invalid associationCategory: '" + category + "'.");
            }
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("fromObjectTypeId", from.typeId());
        out.put("fromObjectId", fromId);
        out.put("toObjectTypeId", to.typeId());
        out.put("toObjectId", toId);
        out.put("labels", List.of());
        return out;
    }

    public void remove(HubSpotObjectType from, String fromId, HubSpotObjectType to, String toId) {
        store.dissociate(from, fromId, to, toId);
    }

    /** The association types between two object types: the HubSpot-defined one and the portal's own labels. */
    public Map<String, Object> labels(HubSpotObjectType from, HubSpotObjectType to) {
        List<Object> results = new ArrayList<>();
        AssociationTypes.defaultType(from, to).ifPresent(t -> {
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("category", "HUBSPOT_DEFINED");
            r.put("typeId", t.typeId());
            r.put("label", null);
            results.add(r);
        });
        for (AssociationTypes.UserLabel label : AssociationTypes.userLabels(from, to)) {
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("category", "USER_DEFINED");
            r.put("typeId", label.typeId());
            r.put("label", label.label());
            results.add(r);
        }
        return Map.of("results", results);
    }

    private void requireExists(HubSpotObjectType type, String id) {
        if (store.get(type, id) == null) {
            throw HubSpotApiException.notFound("No " + type.singular() + " with id " + id + " exists.");
        }
    }

    private static Map<String, Object> defaultResult(String fromId, String toId, int typeId) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("from", Map.of("id", fromId));
        r.put("to", Map.of("id", toId));
        r.put("associationSpec", Map.of("associationCategory", "HUBSPOT_DEFINED", "associationTypeId", typeId));
        return r;
    }

    private static Map<String, Object> linkView(CrmStore.Link link) {
        List<Object> types = new ArrayList<>();
        for (AssociationSpec s : link.types()) {
            Map<String, Object> t = new LinkedHashMap<>();
            t.put("category", s.category());
            t.put("typeId", s.typeId());
            if (s.label() != null) {
                t.put("label", s.label());
            }
            types.add(t);
        }
        Map<String, Object> v = new LinkedHashMap<>();
        // The spec types toObjectId as a string; the live API has been seen sending a number. We follow the spec.
        v.put("toObjectId", link.toId());
        v.put("associationTypes", types);
        return v;
    }
}
