package dev.ledgerbridge.quickbooks;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.ledgerbridge.quickbooks.QuickBooksClient.QboResponse;
import dev.ledgerbridge.quickbooks.model.CompanyInfo;
import dev.ledgerbridge.quickbooks.model.Preferences;
import dev.ledgerbridge.quickbooks.model.QboEntity;
import dev.ledgerbridge.quickbooks.query.QboQuery;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpMethod;

import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The QBO operations of one company (realm), optionally tagged with a correlation id; immutable and cheap, so
 * create one per call chain.
 */
public final class QboCompany {

    private final QuickBooksClient client;
    private final String realmId;
    private final String correlationId;

    QboCompany(QuickBooksClient client, String realmId, String correlationId) {
        this.client = client;
        this.realmId = realmId;
        this.correlationId = correlationId;
    }

    /** The company's realm id. */
    public String realmId() {
        return realmId;
    }

    /** The correlation id sent with each call, or null. */
    public String correlationId() {
        return correlationId;
    }

    /** A copy that sends {@value QuickBooksClient#CORRELATION_HEADER} with every call. */
    public QboCompany withCorrelationId(String correlationId) {
        if (correlationId == null || correlationId.isBlank() || correlationId.chars().anyMatch(c -> c < ' ' || c > '~')) {
            throw new IllegalArgumentException("a correlation id must be non-blank printable ASCII");
        }
        return new QboCompany(client, realmId, correlationId);
    }

    /** One page of {@code SELECT *} results; the query's entity must match {@code type}. */
    public <T extends QboEntity> Uni<QboPage<T>> query(Class<T> type, QboQuery query) {
        String entity = QboEntityTypes.nameOf(type);
        Objects.requireNonNull(query, "query");
        if (query.isCount() || !query.entity().equals(entity)) {
            throw new IllegalArgumentException("expected SELECT * FROM " + entity + ", got: " + query.statement());
        }
        return get("/query?query=" + QuickBooksClient.encode(query.statement())).map(response -> {
            JsonNode result = response.body().path("QueryResponse");
            List<T> items = new ArrayList<>();
            for (JsonNode node : result.path(entity)) {
                items.add(convert(node, type, response));
            }
            int requestedStart = query.startPositionOrNull() == null ? 1 : query.startPositionOrNull();
            return new QboPage<>(items, result.path("startPosition").asInt(requestedStart),
                    result.path("maxResults").asInt(items.size()));
        });
    }

    /**
     * All results, fetched page by page ({@code MAXRESULTS} of the query, else 1000) until a short page; for
     * catalog loads. Each page is a metered CorePlus call.
     */
    public <T extends QboEntity> Uni<List<T>> queryAll(Class<T> type, QboQuery query) {
        int pageSize = query.maxResultsOrNull() == null ? QboQuery.MAX_PAGE_SIZE : query.maxResultsOrNull();
        int start = query.startPositionOrNull() == null ? 1 : query.startPositionOrNull();
        return collect(type, query.maxResults(pageSize), start, pageSize, new ArrayList<>());
    }

    private <T extends QboEntity> Uni<List<T>> collect(Class<T> type, QboQuery query, int start, int pageSize,
            List<T> collected) {
        return query(type, query.startPosition(start)).chain(page -> {
            collected.addAll(page.items());
            if (page.items().size() < pageSize) {
                return Uni.createFrom().item(List.copyOf(collected));
            }
            return collect(type, query, start + page.items().size(), pageSize, collected);
        });
    }

    /** The {@code totalCount} of a {@code SELECT COUNT(*)} query. */
    public Uni<Long> count(QboQuery query) {
        Objects.requireNonNull(query, "query");
        if (!query.isCount()) {
            throw new IllegalArgumentException("expected SELECT COUNT(*), got: " + query.statement());
        }
        return get("/query?query=" + QuickBooksClient.encode(query.statement()))
                .map(response -> response.body().path("QueryResponse").path("totalCount").asLong(0));
    }

    /** Reads one entity by id; a missing id fails with a {@link QboFaultException} (QBO answers 400/610 or 404). */
    public <T extends QboEntity> Uni<T> read(Class<T> type, String id) {
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("id is required");
        }
        return get("/" + QboEntityTypes.pathOf(type) + "/" + QuickBooksClient.encode(id))
                .map(response -> unwrap(response, type));
    }

    /**
     * Creates the entity. The {@code requestId} (1-50 characters, see {@link RequestIds#derive}) makes the write
     * idempotent: QBO replays the first response for a repeated id instead of creating a duplicate.
     */
    public <T extends QboEntity> Uni<T> create(T entity, String requestId) {
        return write(entity, requestId, QboJson.createBody(entity));
    }

    /** Changes only the non-null fields of {@code entity}, which must carry {@code Id} and the current {@code SyncToken}. */
    public <T extends QboEntity> Uni<T> sparseUpdate(T entity, String requestId) {
        return write(entity, requestId, QboJson.sparseUpdateBody(entity));
    }

    @SuppressWarnings("unchecked") // records are final, so getClass() is exactly T
    private <T extends QboEntity> Uni<T> write(T entity, String requestId, String body) {
        Class<T> type = (Class<T>) entity.getClass();
        String path = "/" + QboEntityTypes.pathOf(type) + "?requestid=" + QuickBooksClient.encode(RequestIds.requireValid(requestId));
        return client.execute(realmId, correlationId, HttpMethod.POST, path, body).map(response -> unwrap(response, type));
    }

    /**
     * Entities of the given types changed since {@code changedSince} (QBO looks back at most 30 days and returns
     * at most 1000 objects per call), with deletions reported separately.
     */
    public Uni<QboChanges> cdc(Set<Class<? extends QboEntity>> types, OffsetDateTime changedSince) {
        Objects.requireNonNull(changedSince, "changedSince");
        if (types == null || types.isEmpty()) {
            throw new IllegalArgumentException("cdc needs at least one entity type");
        }
        Map<String, Class<? extends QboEntity>> byName = types.stream()
                .collect(Collectors.toMap(QboEntityTypes::nameOf, t -> t));
        String entities = byName.keySet().stream().sorted(Comparator.naturalOrder()).collect(Collectors.joining(","));
        String path = "/cdc?entities=" + QuickBooksClient.encode(entities) + "&changedSince="
                + QuickBooksClient.encode(DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(changedSince));
        return get(path).map(response -> {
            Map<Class<? extends QboEntity>, List<QboEntity>> changed = new HashMap<>();
            Map<Class<? extends QboEntity>, List<DeletedEntity>> deleted = new HashMap<>();
            for (JsonNode cdcResponse : response.body().path("CDCResponse")) {
                for (JsonNode queryResponse : cdcResponse.path("QueryResponse")) {
                    byName.forEach((name, type) -> {
                        for (JsonNode node : queryResponse.path(name)) {
                            if ("Deleted".equals(node.path("status").asText())) {
                                deleted.computeIfAbsent(type, t -> new ArrayList<>()).add(deletedEntity(name, node, response));
                            } else {
                                changed.computeIfAbsent(type, t -> new ArrayList<>()).add(convert(node, type, response));
                            }
                        }
                    });
                }
            }
            Map<Class<? extends QboEntity>, List<? extends QboEntity>> changedCopy = new HashMap<>();
            changed.forEach((type, list) -> changedCopy.put(type, List.copyOf(list)));
            Map<Class<? extends QboEntity>, List<DeletedEntity>> deletedCopy = new HashMap<>();
            deleted.forEach((type, list) -> deletedCopy.put(type, List.copyOf(list)));
            return new QboChanges(changedCopy, deletedCopy);
        });
    }

    /** The company profile ({@code Country} decides US-only actions, R23). */
    public Uni<CompanyInfo> companyInfo() {
        return get("/companyinfo/" + realmId).map(response -> unwrap(response, CompanyInfo.class));
    }

    /** The company preferences, e.g. {@link Preferences#customTxnNumbers()}. */
    public Uni<Preferences> preferences() {
        return get("/preferences").map(response -> unwrap(response, Preferences.class));
    }

    private Uni<QboResponse> get(String resource) {
        return client.execute(realmId, correlationId, HttpMethod.GET, resource, null);
    }

    private static <T> T unwrap(QboResponse response, Class<T> type) {
        String name = QboEntityTypes.nameOf(type);
        JsonNode node = response.body().get(name);
        if (node == null || !node.isObject()) {
            throw new QboException("QBO response has no " + name + " object", response.status(), response.intuitTid(), null);
        }
        return convert(node, type, response);
    }

    private static <T> T convert(JsonNode node, Class<T> type, QboResponse response) {
        try {
            return QboJson.mapper().treeToValue(node, type);
        } catch (JsonProcessingException e) {
            throw new QboException("QBO returned a " + type.getSimpleName() + " this client cannot read: "
                    + e.getOriginalMessage(), response.status(), response.intuitTid(), e);
        }
    }

    private static DeletedEntity deletedEntity(String name, JsonNode node, QboResponse response) {
        String updated = node.path("MetaData").path("LastUpdatedTime").asText(null);
        OffsetDateTime lastUpdated;
        try {
            lastUpdated = updated == null ? null : OffsetDateTime.parse(updated);
        } catch (RuntimeException e) {
            throw new QboException("QBO returned an unreadable deletion time for " + name, response.status(),
                    response.intuitTid(), e);
        }
        return new DeletedEntity(name, node.path("Id").asText(null), lastUpdated);
    }
}
