package dev.ledgerbridge.actions;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ledgerbridge.actions.ActionDefinitions.Definition;
import dev.ledgerbridge.hubspot.ActionDefinitionPage;
import dev.ledgerbridge.hubspot.HubSpotActionDefinitions;
import io.smallrye.mutiny.Uni;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Registers the definitions for one app idempotently: an action whose definition HubSpot does not hold yet is
 * created, one whose stored definition differs is updated (PATCH), and one that matches is left alone. An existing
 * definition belongs to an action when its {@code actionUrl} ends with {@code /hubspot/actions/<action>}, so a new
 * gateway base URL updates the definitions instead of adding a second set.
 */
public final class ActionRegistrar {

    private final HubSpotActionDefinitions hubspot;

    /** A registrar for the app behind {@code hubspot}. */
    public ActionRegistrar(HubSpotActionDefinitions hubspot) {
        this.hubspot = hubspot;
    }

    /**
     * What one registration run did, per action slug.
     *
     * @param created   actions HubSpot had no definition for
     * @param updated   actions whose stored definition differed (definition id in parentheses)
     * @param unchanged actions already registered as shipped
     */
    public record Report(List<String> created, List<String> updated, List<String> unchanged) {

        /** True when the run changed nothing in HubSpot. */
        public boolean changedNothing() {
            return created.isEmpty() && updated.isEmpty();
        }
    }

    /** Lists the app's definitions, then creates or updates each shipped one as needed, one after another. */
    public Uni<Report> register(List<Definition> definitions) {
        return listAll(null, new ArrayList<>()).chain(existing -> {
            Report report = new Report(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
            Uni<Void> chain = Uni.createFrom().voidItem();
            for (Definition wanted : definitions) {
                chain = chain.chain(() -> registerOne(wanted, existing, report));
            }
            return chain.replaceWith(report);
        });
    }

    private Uni<Void> registerOne(Definition wanted, List<JsonNode> existing, Report report) {
        JsonNode stored = existing.stream()
                .filter(d -> d.path("actionUrl").asText("").endsWith("/hubspot/actions/" + wanted.action()))
                .findFirst().orElse(null);
        if (stored == null) {
            return hubspot.create(wanted.definition()).invoke(created -> report.created()
                    .add(wanted.action() + " (" + created.path("id").asText() + ")")).replaceWithVoid();
        }
        String id = stored.path("id").asText();
        // HubSpot fills defaults into what it stores (empty options, revision ids), so "same" means: every field we
        // ship is stored with our value.
        if (contains(stored, wanted.definition())) {
            report.unchanged().add(wanted.action() + " (" + id + ")");
            return Uni.createFrom().voidItem();
        }
        ObjectNode patch = wanted.definition().deepCopy();
        patch.remove("functions"); // not part of PublicActionDefinitionPatch; functions have their own endpoints
        return hubspot.update(id, patch).invoke(updated -> report.updated().add(wanted.action() + " (" + id + ")"))
                .replaceWithVoid();
    }

    private Uni<List<JsonNode>> listAll(String after, List<JsonNode> collected) {
        return hubspot.list(after).chain((ActionDefinitionPage page) -> {
            collected.addAll(page.results());
            String next = page.paging() == null ? null : page.paging().nextAfter();
            return next == null ? Uni.createFrom().item(collected) : listAll(next, collected);
        });
    }

    /** Whether {@code actual} holds everything in {@code expected}: objects by field, arrays element by element. */
    static boolean contains(JsonNode actual, JsonNode expected) {
        if (expected.isObject()) {
            if (!actual.isObject()) {
                return false;
            }
            Iterator<Map.Entry<String, JsonNode>> fields = expected.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                if (!actual.has(field.getKey()) || !contains(actual.get(field.getKey()), field.getValue())) {
                    return false;
                }
            }
            return true;
        }
        if (expected.isArray()) {
            if (!actual.isArray() || actual.size() != expected.size()) {
                return false;
            }
            for (int i = 0; i < expected.size(); i++) {
                if (!contains(actual.get(i), expected.get(i))) {
                    return false;
                }
            }
            return true;
        }
        return expected.isNumber() && actual.isNumber() ? expected.decimalValue().compareTo(actual.decimalValue()) == 0
                : expected.equals(actual);
    }
}
