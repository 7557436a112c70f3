package dev.ledgerbridge.sandbox.qbo.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ledgerbridge.sandbox.qbo.QboClock;
import dev.ledgerbridge.sandbox.qbo.QboEntityType;
import dev.ledgerbridge.sandbox.qbo.QboFault;
import dev.ledgerbridge.sandbox.qbo.QboTime;
import dev.ledgerbridge.sandbox.qbo.config.QboSandboxConfig;
import dev.ledgerbridge.sandbox.qbo.query.QboQuery;
import dev.ledgerbridge.sandbox.qbo.query.QueryMatcher;
import dev.ledgerbridge.sandbox.qbo.query.QueryParser;
import dev.ledgerbridge.sandbox.qbo.repository.QboCompany;
import dev.ledgerbridge.sandbox.qbo.repository.QboStore;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * QBO's entity operations for one realm: create, read, sparse/full update, delete, query and CDC. Each call
 * works under the company's monitor so a realm's writes are serialised. Returns the entity JSON; the resource
 * wraps it in QBO's envelope.
 */
@ApplicationScoped
public class QboEntityService {

    private static final JsonNodeFactory JSON = JsonNodeFactory.withExactBigDecimals(true);
    private static final List<String> SYSTEM_FIELDS =
            List.of("Id", "SyncToken", "MetaData", "domain", "sparse", "status");

    private final QboStore store;
    private final QboClock clock;
    private final QboSandboxConfig config;
    private final QboRequestLog requestLog;

    public QboEntityService(QboStore store, QboClock clock, QboSandboxConfig config, QboRequestLog requestLog) {
        this.store = store;
        this.clock = clock;
        this.config = config;
        this.requestLog = requestLog;
    }

    /**
     * Runs {@code work} unless the realm already answered {@code requestId}, in which case the first answer is
     * returned and nothing runs. Holding the company's monitor makes concurrent repeats wait for the first.
     */
    public QboRequestLog.StoredAnswer once(String realmId, String requestId,
            java.util.function.Supplier<QboRequestLog.StoredAnswer> work) {
        if (requestId == null) {
            return work.get();
        }
        QboCompany company = company(realmId);
        synchronized (company) {
            return requestLog.find(realmId, requestId).orElseGet(() -> {
                QboRequestLog.StoredAnswer answer = work.get();
                requestLog.remember(realmId, requestId, answer);
                return answer;
            });
        }
    }

    /** The company, or a fault if the sandbox has no such realm (the auth filter normally answers first). */
    public QboCompany company(String realmId) {
        return store.company(realmId).orElseThrow(() -> new QboFault(403, "AuthorizationFault", "3100",
                "message=ApplicationAuthorizationFailed; errorCode=003100; statusCode=403",
                "Unknown company " + realmId, ""));
    }

    /** GET /{entity}/{id}: a copy of the live entity, or 610. */
    public ObjectNode read(String realmId, QboEntityType type, String id) {
        QboCompany company = company(realmId);
        synchronized (company) {
            return company.find(type, id).map(ObjectNode::deepCopy)
                    .orElseThrow(() -> QboFault.objectNotFound("Id"));
        }
    }

    /** POST /{entity}: create when the body has no Id, else a full or sparse update guarded by SyncToken. */
    public ObjectNode write(String realmId, QboEntityType type, ObjectNode body) {
        rejectUnknownProperties(type, body);
        QboCompany company = company(realmId);
        synchronized (company) {
            Instant now = clock.now();
            EntityRules rules = new EntityRules(company, now);
            String id = body.hasNonNull("Id") ? body.get("Id").asText() : null;
            if (type.kind() == QboEntityType.Kind.SINGLETON) {
                if (type != QboEntityType.PREFERENCES) {
                    throw EntityRules.unsupported(type, "update");
                }
                return updatePreferences(company, body, now);
            }
            if (id == null) {
                ObjectNode candidate = withoutSystemFields(body);
                rules.prepare(type, candidate, null);
                String stamp = QboTime.metaData(now, company.zone());
                ObjectNode created = envelope(candidate, company.nextId(type), "0", stamp, stamp);
                company.put(type, created);
                rules.afterWrite(type, created, null);
                return created.deepCopy();
            }
            ObjectNode existing = company.find(type, id).orElseThrow(() -> QboFault.objectNotFound("Id"));
            checkSyncToken(body, existing);
            ObjectNode candidate;
            if (body.path("sparse").asBoolean(false)) {
                candidate = withoutSystemFields(existing);
                candidate.setAll(withoutSystemFields(body));
            } else {
                candidate = withoutSystemFields(body);
            }
            rules.prepare(type, candidate, existing);
            ObjectNode updated = envelope(candidate, id, nextSyncToken(existing),
                    existing.path("MetaData").path("CreateTime").asText(), QboTime.metaData(now, company.zone()));
            company.put(type, updated);
            rules.afterWrite(type, updated, existing);
            return updated.deepCopy();
        }
    }

    /** POST /{entity}?operation=delete: transactions only; answers QBO's {@code status: Deleted} stub. */
    public ObjectNode delete(String realmId, QboEntityType type, ObjectNode body) {
        if (!type.isTransaction()) {
            throw EntityRules.unsupported(type, "delete");
        }
        if (!body.hasNonNull("Id")) {
            throw QboFault.required("Id");
        }
        QboCompany company = company(realmId);
        synchronized (company) {
            Instant now = clock.now();
            String id = body.get("Id").asText();
            ObjectNode existing = company.find(type, id).orElseThrow(() -> QboFault.objectNotFound("Id"));
            checkSyncToken(body, existing);
            EntityRules rules = new EntityRules(company, now);
            if (type == QboEntityType.INVOICE && rules.appliedToInvoice(id, null).signum() > 0) {
                throw QboFault.business("Invoice " + id + " has payments applied; delete the payments first", "Id");
            }
            company.delete(type, id, now);
            rules.afterWrite(type, null, existing);
            ObjectNode stub = JSON.objectNode();
            stub.put("status", "Deleted");
            stub.put("domain", "QBO");
            stub.put("Id", id);
            return stub;
        }
    }

    /** The QueryResponse object for a statement. */
    public ObjectNode query(String realmId, String statement) {
        QboQuery query = QueryParser.parse(statement);
        QboCompany company = company(realmId);
        List<ObjectNode> matches = new ArrayList<>();
        synchronized (company) {
            boolean activeOnly = query.entity().isNameList() && !query.filtersOnActive();
            for (ObjectNode entity : company.all(query.entity())) {
                if (activeOnly && !entity.path("Active").asBoolean(true)) {
                    continue;
                }
                if (QueryMatcher.matchesAll(entity, query.conditions())) {
                    matches.add(entity.deepCopy());
                }
            }
        }
        ObjectNode response = JSON.objectNode();
        if (query.count()) {
            response.put("totalCount", matches.size());
            return response;
        }
        matches.sort(QueryMatcher.ordering(query.orderBy()));
        int start = Math.max(1, query.startPosition() == null ? 1 : query.startPosition());
        int max = Math.min(config.query().maxMaxResults(),
                query.maxResults() == null ? config.query().defaultMaxResults() : query.maxResults());
        List<ObjectNode> page = start > matches.size() ? List.of()
                : matches.subList(start - 1, Math.min(matches.size(), start - 1 + max));
        if (page.isEmpty()) {
            return response;
        }
        ArrayNode rows = response.putArray(query.entity().wireName());
        page.forEach(rows::add);
        response.put("startPosition", start);
        response.put("maxResults", page.size());
        return response;
    }

    /** The CDCResponse array for {@code entities} changed at or after {@code changedSince}. */
    public ArrayNode changes(String realmId, String entities, String changedSince) {
        if (entities == null || entities.isBlank()) {
            throw QboFault.required("entities");
        }
        if (changedSince == null || changedSince.isBlank()) {
            throw QboFault.required("changedSince");
        }
        Instant since = QueryMatcher.instant(changedSince.trim());
        if (since == null) {
            throw QboFault.business("changedSince is not a valid date-time: " + changedSince, "changedSince");
        }
        Instant now = clock.now();
        if (since.isBefore(now.minus(Duration.ofDays(config.cdc().lookbackDays())))) {
            throw QboFault.business("changedSince cannot be more than " + config.cdc().lookbackDays()
                    + " days in the past", "changedSince");
        }
        List<QboEntityType> types = new ArrayList<>();
        for (String name : entities.split(",")) {
            String wanted = name.trim();
            QboEntityType type = java.util.Arrays.stream(QboEntityType.values())
                    .filter(t -> t.kind() != QboEntityType.Kind.SINGLETON)
                    .filter(t -> t.wireName().toLowerCase(Locale.ROOT).equals(wanted.toLowerCase(Locale.ROOT)))
                    .findFirst()
                    .orElseThrow(() -> QboFault.business("Invalid entity name in entities: " + wanted, "entities"));
            if (!types.contains(type)) {
                types.add(type);
            }
        }
        QboCompany company = company(realmId);
        ArrayNode queryResponses = JSON.arrayNode();
        int budget = config.cdc().maxObjects();
        synchronized (company) {
            for (QboEntityType type : types) {
                List<ObjectNode> changed = new ArrayList<>();
                for (ObjectNode entity : company.all(type)) {
                    Instant updated = QueryMatcher.instant(entity.path("MetaData").path("LastUpdatedTime").asText());
                    if (updated != null && !updated.isBefore(since)) {
                        changed.add(entity.deepCopy());
                    }
                }
                for (QboCompany.Tombstone tombstone : company.tombstones()) {
                    if (tombstone.type() == type && !tombstone.deletedAt().isBefore(since)) {
                        ObjectNode stub = JSON.objectNode();
                        stub.put("domain", "QBO");
                        stub.put("status", "Deleted");
                        stub.put("Id", tombstone.id());
                        stub.putObject("MetaData").put("LastUpdatedTime",
                                QboTime.metaData(tombstone.deletedAt(), company.zone()));
                        changed.add(stub);
                    }
                }
                changed.sort(Comparator.comparing(
                        (ObjectNode e) -> QueryMatcher.instant(e.path("MetaData").path("LastUpdatedTime").asText())));
                List<ObjectNode> included = changed.subList(0, Math.min(changed.size(), Math.max(0, budget)));
                budget -= included.size();
                ObjectNode response = queryResponses.addObject();
                if (!included.isEmpty()) {
                    ArrayNode rows = response.putArray(type.wireName());
                    included.forEach(rows::add);
                }
                response.put("startPosition", 1);
                response.put("maxResults", included.size());
            }
        }
        return queryResponses;
    }

    private ObjectNode updatePreferences(QboCompany company, ObjectNode body, Instant now) {
        ObjectNode existing = company.find(QboEntityType.PREFERENCES, "1").orElseThrow();
        checkSyncToken(body, existing);
        ObjectNode candidate = withoutSystemFields(existing);
        deepMerge(candidate, withoutSystemFields(body));
        ObjectNode updated = envelope(candidate, "1", nextSyncToken(existing),
                existing.path("MetaData").path("CreateTime").asText(), QboTime.metaData(now, company.zone()));
        company.put(QboEntityType.PREFERENCES, updated);
        return updated.deepCopy();
    }

    private static void deepMerge(ObjectNode target, ObjectNode source) {
        Iterator<Map.Entry<String, JsonNode>> fields = source.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            JsonNode current = target.get(field.getKey());
            if (current != null && current.isObject() && field.getValue().isObject()) {
                deepMerge((ObjectNode) current, (ObjectNode) field.getValue());
            } else {
                target.set(field.getKey(), field.getValue().deepCopy());
            }
        }
    }

    private static void rejectUnknownProperties(QboEntityType type, ObjectNode body) {
        Iterator<String> names = body.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            if (!type.hasProperty(name)) {
                throw QboFault.validation("2010", "Request has invalid or unsupported property",
                        "Property Name:Unrecognized field \"" + name + "\" specified is unsupported or invalid for "
                                + type.wireName(), name);
            }
        }
    }

    private static void checkSyncToken(ObjectNode body, ObjectNode existing) {
        if (!body.hasNonNull("SyncToken")) {
            throw QboFault.required("SyncToken");
        }
        if (!body.get("SyncToken").asText().equals(existing.path("SyncToken").asText())) {
            throw QboFault.validation("5010", "Stale Object Error",
                    "Stale Object Error : You and Administrator were working on this at the same time."
                            + " Administrator finished before you did, so your work was not saved.", "SyncToken");
        }
    }

    private static String nextSyncToken(ObjectNode existing) {
        return Long.toString(Long.parseLong(existing.path("SyncToken").asText("0")) + 1);
    }

    private static ObjectNode withoutSystemFields(ObjectNode source) {
        ObjectNode copy = source.deepCopy();
        SYSTEM_FIELDS.forEach(copy::remove);
        return copy;
    }

    private static ObjectNode envelope(ObjectNode fields, String id, String syncToken, String created, String updated) {
        ObjectNode result = JSON.objectNode();
        result.setAll(fields);
        result.put("domain", "QBO");
        result.put("sparse", false);
        result.put("Id", id);
        result.put("SyncToken", syncToken);
        result.putObject("MetaData").put("CreateTime", created).put("LastUpdatedTime", updated);
        return result;
    }
}
