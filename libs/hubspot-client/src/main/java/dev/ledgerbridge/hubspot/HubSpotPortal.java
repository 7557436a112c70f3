package dev.ledgerbridge.hubspot;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.type.TypeFactory;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpMethod;

/**
 * Operations on one HubSpot portal (account), authenticated with that portal's access token: CRM v3 objects,
 * associations v4 and workflow-action callback completion. Immutable; {@link #withCorrelationId} returns a copy.
 */
public final class HubSpotPortal {

    /** HubSpot's documented maximum of inputs per CRM v3 batch read. */
    public static final int CRM_BATCH_READ_LIMIT = 100;
    /** Maximum inputs per associations v4 batch read (HubSpot documents 1,000). */
    public static final int ASSOCIATION_BATCH_READ_LIMIT = 1000;
    /** HubSpot's documented maximum of inputs per CRM v3 batch write (create, update, upsert). */
    public static final int CRM_BATCH_WRITE_LIMIT = 100;
    /** Page size for association lists: HubSpot's maximum and default. */
    public static final int ASSOCIATION_PAGE_LIMIT = 500;

    private static final TypeFactory TYPES = TypeFactory.defaultInstance();
    private static final JavaType CRM_OBJECT = TYPES.constructType(CrmObject.class);
    private static final JavaType CRM_BATCH = TYPES.constructParametricType(BatchResponse.class, CrmObject.class);
    private static final JavaType UPSERT_BATCH =
            TYPES.constructParametricType(BatchResponse.class, UpsertedObject.class);
    private static final JavaType ASSOCIATION_PAGE = TYPES.constructType(AssociationPage.class);
    private static final JavaType ASSOCIATION_BATCH =
            TYPES.constructParametricType(BatchResponse.class, AssociationsOfObject.class);
    private static final JavaType DEFAULT_ASSOCIATION_BATCH =
            TYPES.constructParametricType(BatchResponse.class, DefaultAssociation.class);

    private final HubSpotHttp http;
    private final AccessTokenProvider tokens;
    private final long portalId;
    private final String correlationId;

    HubSpotPortal(HubSpotHttp http, AccessTokenProvider tokens, long portalId, String correlationId) {
        this.http = http;
        this.tokens = tokens;
        this.portalId = portalId;
        this.correlationId = correlationId;
    }

    /** The HubSpot portal (hub) id this handle works on. */
    public long portalId() {
        return portalId;
    }

    /** Correlation id sent as {@code X-LedgerBridge-Correlation-Id}, or null. */
    public String correlationId() {
        return correlationId;
    }

    /** A copy whose calls carry {@code X-LedgerBridge-Correlation-Id: correlationId} (null removes the header). */
    public HubSpotPortal withCorrelationId(String correlationId) {
        return new HubSpotPortal(http, tokens, portalId, correlationId);
    }

    /** Custom workflow action definitions of {@code appId}, authenticated with this portal's (developer) token. */
    public HubSpotActionDefinitions actionDefinitions(long appId) {
        return new HubSpotActionDefinitions(http, appId, this::configure);
    }

    // ---------------------------------------------------------------- CRM v3 objects

    /**
     * {@code GET /crm/v3/objects/{type}/{id}?properties=..&associations=..}. Emits null when the record does not
     * exist (404), so callers can use {@code onItem().ifNull()}.
     */
    public Uni<CrmObject> get(CrmObjectType type, String id, Collection<String> properties,
            Collection<CrmObjectType> associations) {
        ApiCall call = builder(HttpMethod.GET, "/crm/v3/objects/{type}/{id}", type.pathName(), id)
                .query("properties", joinOrNull(properties))
                .query("associations", associations == null ? null
                        : joinOrNull(associations.stream().map(CrmObjectType::pathName).toList()))
                .retryable(true)
                .build();
        return http.readOrNull(call, CRM_OBJECT);
    }

    /**
     * {@code POST /crm/v3/objects/{type}/batch/read}, sent in chunks of {@value #CRM_BATCH_READ_LIMIT} one after the
     * other. Duplicate ids are read once; results come back in the caller's order; ids HubSpot could not read are
     * missing from the results and described in {@link BatchResponse#errors()}.
     */
    public Uni<BatchResponse<CrmObject>> batchRead(CrmObjectType type, List<String> ids, Collection<String> properties) {
        List<String> distinct = List.copyOf(new LinkedHashSet<>(ids));
        List<String> props = List.copyOf(properties);
        return inChunks(distinct, CRM_BATCH_READ_LIMIT, chunk -> {
            RequestBodies.BatchRead body = new RequestBodies.BatchRead(props, List.of(), objectIds(chunk));
            ApiCall call = builder(HttpMethod.POST, "/crm/v3/objects/{type}/batch/read", type.pathName())
                    .body(http.toJson(body), ApiCall.JSON)
                    .retryable(true)
                    .build();
            return http.<BatchResponse<CrmObject>> read(call, CRM_BATCH);
        }).onItem().transform(responses -> merge(responses, distinct, CrmObject::id));
    }

    /** {@code PATCH /crm/v3/objects/{type}/{id}} with {@code {"properties": {...}}}; returns the updated record. */
    public Uni<CrmObject> update(CrmObjectType type, String id, Map<String, String> properties) {
        ApiCall call = builder(HttpMethod.PATCH, "/crm/v3/objects/{type}/{id}", type.pathName(), id)
                .body(http.toJson(new RequestBodies.Properties(properties)), ApiCall.JSON)
                .build();
        return http.read(call, CRM_OBJECT);
    }

    /** {@code POST /crm/v3/objects/{type}} with properties and an {@code associations} array (may be empty). */
    public Uni<CrmObject> create(CrmObjectType type, Map<String, String> properties,
            List<AssociationInput> associations) {
        ApiCall call = builder(HttpMethod.POST, "/crm/v3/objects/{type}", type.pathName())
                .body(http.toJson(new RequestBodies.Create(properties, associations)), ApiCall.JSON)
                .build();
        return http.read(call, CRM_OBJECT);
    }

    /**
     * {@code POST /crm/v3/objects/{type}/batch/upsert}: creates each record, or updates the one whose
     * {@code idProperty} (a property HubSpot keeps unique-valued) already holds the input's value. Sent in chunks of
     * {@value #CRM_BATCH_WRITE_LIMIT} one after the other; an input repeating an earlier value replaces it (HubSpot
     * refuses a batch naming one record twice). Results come back in input order, matched by the idProperty value
     * HubSpot echoes; a chunk HubSpot refuses fails the Uni, and chunks sent before it stay written (upserting them
     * again is harmless). Writes are never retried.
     */
    public Uni<BatchResponse<UpsertedObject>> batchUpsert(CrmObjectType type, String idProperty,
            List<UpsertInput> inputs) {
        if (idProperty == null || idProperty.isBlank()) {
            throw new IllegalArgumentException("idProperty must not be blank");
        }
        Map<String, UpsertInput> byValue = new LinkedHashMap<>();
        for (UpsertInput input : inputs) {
            byValue.put(input.idValue(), input);
        }
        List<String> values = List.copyOf(byValue.keySet());
        return inChunks(values, CRM_BATCH_WRITE_LIMIT, chunk -> {
            List<RequestBodies.UpsertItem> items = chunk.stream()
                    .map(v -> new RequestBodies.UpsertItem(v, idProperty, byValue.get(v).properties()))
                    .toList();
            ApiCall call = builder(HttpMethod.POST, "/crm/v3/objects/{type}/batch/upsert", type.pathName())
                    .body(http.toJson(new RequestBodies.Inputs<>(items)), ApiCall.JSON)
                    .build();
            return http.<BatchResponse<UpsertedObject>> read(call, UPSERT_BATCH);
        }).onItem().transform(responses -> merge(responses, values, o -> o.property(idProperty)));
    }

    // ---------------------------------------------------------------- associations v4

    /** One page of {@code GET /crm/v4/objects/{from}/{id}/associations/{to}?limit=500&after=..}; null after = first. */
    public Uni<AssociationPage> associationsPage(CrmObjectType from, String id, CrmObjectType to, String after) {
        ApiCall call = builder(HttpMethod.GET, "/crm/v4/objects/{from}/{id}/associations/{to}", from.pathName(), id,
                to.pathName())
                .query("limit", String.valueOf(ASSOCIATION_PAGE_LIMIT))
                .query("after", after)
                .retryable(true)
                .build();
        return http.read(call, ASSOCIATION_PAGE);
    }

    /** Every association of the record to {@code to}, following {@code paging.next.after}, in HubSpot's order. */
    public Uni<List<AssociatedObject>> associations(CrmObjectType from, String id, CrmObjectType to) {
        return collectPages(from, id, to, null, new ArrayList<>());
    }

    private Uni<List<AssociatedObject>> collectPages(CrmObjectType from, String id, CrmObjectType to, String after,
            List<AssociatedObject> sink) {
        return associationsPage(from, id, to, after).onItem().transformToUni(page -> {
            sink.addAll(page.results());
            String next = page.paging() == null ? null : page.paging().nextAfter();
            if (next == null || next.isEmpty() || next.equals(after)) {
                return Uni.createFrom().item(List.copyOf(sink));
            }
            return collectPages(from, id, to, next, sink);
        });
    }

    /**
     * {@code POST /crm/v4/associations/{from}/{to}/batch/read}; results in the caller's order of {@code fromIds}.
     * HubSpot reports records without associations as errors of a 207, not as empty results.
     */
    public Uni<BatchResponse<AssociationsOfObject>> batchReadAssociations(CrmObjectType from, CrmObjectType to,
            List<String> fromIds) {
        List<String> distinct = List.copyOf(new LinkedHashSet<>(fromIds));
        return inChunks(distinct, ASSOCIATION_BATCH_READ_LIMIT, chunk -> {
            ApiCall call = builder(HttpMethod.POST, "/crm/v4/associations/{from}/{to}/batch/read", from.pathName(),
                    to.pathName())
                    .body(http.toJson(new RequestBodies.Inputs<>(objectIds(chunk))), ApiCall.JSON)
                    .retryable(true)
                    .build();
            return http.<BatchResponse<AssociationsOfObject>> read(call, ASSOCIATION_BATCH);
        }).onItem().transform(responses -> merge(responses, distinct, a -> a.from() == null ? null : a.from().id()));
    }

    /** {@code PUT /crm/v4/objects/{from}/{fromId}/associations/default/{to}/{toId}}: the unlabelled default link. */
    public Uni<BatchResponse<DefaultAssociation>> associateDefault(CrmObjectType from, String fromId, CrmObjectType to,
            String toId) {
        ApiCall call = builder(HttpMethod.PUT, "/crm/v4/objects/{from}/{fromId}/associations/default/{to}/{toId}",
                from.pathName(), fromId, to.pathName(), toId)
                .build();
        return http.read(call, DEFAULT_ASSOCIATION_BATCH);
    }

    // ---------------------------------------------------------------- automation callbacks

    /**
     * {@code POST /automation/v4/actions/callbacks/{callbackId}/complete} (HubSpot answers 204). Sent once: a retry
     * after an unknown outcome is the caller's decision.
     */
    public Uni<Void> completeCallback(String callbackId, CallbackCompletion completion) {
        ApiCall call = builder(HttpMethod.POST, "/automation/v4/actions/callbacks/{callbackId}/complete", callbackId)
                .body(http.toJson(completion), ApiCall.JSON)
                .build();
        return http.execute(call);
    }

    /** {@code POST /automation/v4/actions/callbacks/complete} with {@code {"inputs": [...]}} (HubSpot answers 204). */
    public Uni<Void> completeCallbacks(List<CallbackCompletionInput> inputs) {
        ApiCall call = builder(HttpMethod.POST, "/automation/v4/actions/callbacks/complete")
                .body(http.toJson(new RequestBodies.Inputs<>(inputs)), ApiCall.JSON)
                .build();
        return http.execute(call);
    }

    // ---------------------------------------------------------------- plumbing

    private ApiCall.Builder builder(HttpMethod method, String template, String... segments) {
        return configure(ApiCall.builder(method, template, segments));
    }

    private ApiCall.Builder configure(ApiCall.Builder builder) {
        return builder.bearer(() -> tokens.accessToken(portalId)).correlationId(correlationId);
    }

    private static List<ObjectId> objectIds(List<String> ids) {
        return ids.stream().map(ObjectId::new).toList();
    }

    private static String joinOrNull(Collection<String> values) {
        return values == null || values.isEmpty() ? null : String.join(",", values);
    }

    private static <T> Uni<List<BatchResponse<T>>> inChunks(List<String> ids, int size,
            Function<List<String>, Uni<BatchResponse<T>>> readChunk) {
        if (ids.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        List<List<String>> chunks = new ArrayList<>();
        for (int i = 0; i < ids.size(); i += size) {
            chunks.add(ids.subList(i, Math.min(ids.size(), i + size)));
        }
        // Sequential on purpose: parallel chunks would spend the portal's 10-second rate-limit window at once.
        return Multi.createFrom().iterable(chunks)
                .onItem().<BatchResponse<T>> transformToUniAndConcatenate(chunk -> readChunk.apply(chunk))
                .collect().asList();
    }

    private static <T> BatchResponse<T> merge(List<BatchResponse<T>> responses, List<String> order,
            Function<T, String> idOf) {
        if (responses.isEmpty()) {
            return new BatchResponse<>("COMPLETE", List.of(), List.of(), 0, null, null, null);
        }
        Map<String, T> byId = new LinkedHashMap<>();
        List<T> withoutId = new ArrayList<>();
        List<BatchError> errors = new ArrayList<>();
        int numErrors = 0;
        String status = "COMPLETE";
        for (BatchResponse<T> response : responses) {
            for (T result : response.results()) {
                String id = idOf.apply(result);
                if (id == null) {
                    withoutId.add(result);
                } else {
                    byId.putIfAbsent(id, result);
                }
            }
            errors.addAll(response.errors());
            numErrors += response.numErrors() == null ? response.errors().size() : response.numErrors();
            if (!"COMPLETE".equals(response.status()) && "COMPLETE".equals(status)) {
                status = response.status();
            }
        }
        List<T> ordered = new ArrayList<>(order.size());
        for (String id : order) {
            T result = byId.remove(id);
            if (result != null) {
                ordered.add(result);
            }
        }
        // Results HubSpot returned under another id (e.g. a merged record) are kept, after the requested ones.
        ordered.addAll(byId.values());
        ordered.addAll(withoutId);
        BatchResponse<T> first = responses.get(0);
        BatchResponse<T> last = responses.get(responses.size() - 1);
        return new BatchResponse<>(status, ordered, errors, numErrors, first.requestedAt(), first.startedAt(),
                last.completedAt());
    }

    @Override
    public String toString() {
        return "HubSpotPortal[" + portalId + (correlationId == null ? "" : ", correlationId=" + correlationId) + "]";
    }
}
