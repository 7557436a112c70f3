package dev.ledgerbridge.sandbox.workflow;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ledgerbridge.sandbox.Reseedable;
import dev.ledgerbridge.sandbox.hubspot.ActionDefinitionStore;
import dev.ledgerbridge.sandbox.hubspot.CallbackCompleter;
import dev.ledgerbridge.sandbox.hubspot.CrmRecord;
import dev.ledgerbridge.sandbox.hubspot.CrmStore;
import dev.ledgerbridge.sandbox.hubspot.HubSpotApiException;
import dev.ledgerbridge.sandbox.hubspot.HubSpotObjectType;
import dev.ledgerbridge.sandbox.hubspot.HubSpotSandboxConfig;
import io.quarkus.logging.Log;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.client.WebClientOptions;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.core.buffer.Buffer;
import io.vertx.mutiny.ext.web.client.HttpResponse;
import io.vertx.mutiny.ext.web.client.WebClient;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.Period;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Plays HubSpot's workflow engine: enrolls a record in a custom action, POSTs the signed execution request
 * (domain brief §2.2, §2.5) to the action URL, retries like HubSpot (429 with Retry-After, 5xx and
 * connection failures with exponential back-off, other 4xx fail at once), honours SUCCESS / FAIL_CONTINUE /
 * BLOCK, and completes blocked executions through the callback API. All I/O is non-blocking.
 */
@ApplicationScoped
public class WorkflowEngine implements CallbackCompleter, Reseedable {

    private static final int MAX_RECORDED_BODY = 10_000;
    private static final long ENROLLMENT_BASE = 88_000_000_000L;

    private final Vertx vertx;
    private final WebClient client;
    private final WorkflowConfig config;
    private final HubSpotSandboxConfig hubspot;
    private final ActionDefinitionStore definitions;
    private final CrmStore crm;
    private final ObjectMapper mapper;
    private final Map<String, Execution> executions = new LinkedHashMap<>();
    private final AtomicLong sequence = new AtomicLong();
    // Timers of a previous generation (before a reset) become no-ops.
    private final AtomicLong generation = new AtomicLong();

    public WorkflowEngine(Vertx vertx, WorkflowConfig config, HubSpotSandboxConfig hubspot, ActionDefinitionStore definitions,
                          CrmStore crm, ObjectMapper mapper) {
        this.vertx = vertx;
        this.config = config;
        this.hubspot = hubspot;
        this.definitions = definitions;
        this.crm = crm;
        this.mapper = mapper;
        this.client = WebClient.create(vertx, new WebClientOptions()
                .setConnectTimeout((int) config.connectTimeout().toMillis())
                .setMaxPoolSize(config.maxConnections())
                .setUserAgent("HubSpot Connect 2.0 (http://dev.hubspot.com/) - LedgerBridge sandbox")
                .setFollowRedirects(false));
    }

    @PreDestroy
    void close() {
        client.close();
    }

    @Override
    public synchronized void reset() {
        generation.incrementAndGet();
        executions.clear();
        sequence.set(0);
    }

    /** Creates the execution and starts delivering; returns it at once (the HTTP work is asynchronous). */
    public Execution enroll(EnrollRequest request) {
        if (request.objectType() == null || request.objectId() == null) {
            throw new WorkflowException(400, "objectType and objectId are required.");
        }
        HubSpotObjectType type = HubSpotObjectType.parse(request.objectType())
                .orElseThrow(() -> new WorkflowException(400, "Unknown objectType " + request.objectType() + "."));
        ObjectNode definition = null;
        if (request.definitionId() != null) {
            definition = definitions.get(request.definitionId());
            if (definition == null) {
                throw new WorkflowException(404, "No live action definition " + request.definitionId() + ".");
            }
            if (!acceptsType(definition, type)) {
                throw new WorkflowException(400, "Definition " + request.definitionId() + " does not accept " + type.workflowName() + ".");
            }
        }
        String actionUrl = request.actionUrl() != null ? request.actionUrl()
                : definition != null ? definition.path("actionUrl").asText(null) : null;
        if (actionUrl == null || actionUrl.isBlank()) {
            throw new WorkflowException(400, "Give a definitionId or an actionUrl.");
        }
        CrmRecord record = crm.get(type, request.objectId());
        if (record == null) {
            throw new WorkflowException(404, "No " + type.pathName() + " with id " + request.objectId() + ".");
        }
        int deliveries = request.deliveries() == null ? 1 : request.deliveries();
        if (deliveries < 1 || deliveries > 50) {
            throw new WorkflowException(400, "deliveries must be between 1 and 50.");
        }
        long seq = sequence.incrementAndGet();
        long enrollmentId = ENROLLMENT_BASE + seq;
        String callbackId = request.callbackId() != null ? request.callbackId()
                : "ap-" + hubspot.portalId() + "-" + enrollmentId + "-1-0";

        List<String> wanted = new ArrayList<>();
        if (definition != null) {
            definition.path("objectRequestOptions").path("properties").forEach(p -> wanted.add(p.asText()));
        }
        if (request.objectProperties() != null) {
            wanted.addAll(request.objectProperties());
        }
        String body = requestBody(callbackId, definition, type, record, wanted, request, enrollmentId);
        Execution execution = new Execution(callbackId, request.definitionId(), actionUrl, type.workflowName(),
                record.id(), body, deliveries);
        long gen;
        synchronized (this) {
            if (executions.containsKey(callbackId)) {
                throw new WorkflowException(409, "Callback id " + callbackId + " already exists.");
            }
            executions.put(callbackId, execution);
            gen = generation.get();
        }
        Log.infof("Enrolled %s %s in action %s as %s (%d deliveries)", type.workflowName(), record.id(),
                request.definitionId(), callbackId, deliveries);
        if (Boolean.TRUE.equals(request.concurrentDeliveries())) {
            for (int d = 1; d <= deliveries; d++) {
                deliver(execution, d, false, gen);
            }
        } else {
            deliver(execution, 1, true, gen);
        }
        return execution;
    }

    /**
     * Delivers an existing execution's request once more, byte for byte the same but freshly signed, as HubSpot does
     * when it retries; the first final outcome stays the execution's, this delivery's answer is recorded.
     */
    public Execution redeliver(String callbackId) {
        Execution execution;
        long gen;
        synchronized (this) {
            execution = executions.get(callbackId);
            if (execution == null) {
                throw new WorkflowException(404, "No execution with callback id " + callbackId + ".");
            }
            gen = generation.get();
        }
        int delivery = execution.addDelivery();
        Log.infof("Redelivering %s (delivery %d)", callbackId, delivery);
        deliver(execution, delivery, false, gen);
        return execution;
    }

    public synchronized Execution find(String callbackId) {
        return executions.get(callbackId);
    }

    public synchronized List<Execution> all() {
        return List.copyOf(executions.values());
    }

    @Override
    public void check(String callbackId, Map<String, String> outputFields) {
        Execution e = find(callbackId);
        if (e == null) {
            throw HubSpotApiException.notFound("No callback with id " + callbackId + ".");
        }
        if (!e.isOpen()) {
            // Chosen behaviour: a second completion is a client error, never silently accepted.
            throw HubSpotApiException.validation("Callback " + callbackId + " is already completed (state " + e.state() + ").");
        }
    }

    @Override
    public void complete(String callbackId, Map<String, String> outputFields) {
        Execution e = find(callbackId);
        synchronized (e) {
            check(callbackId, outputFields);
            e.complete(outputFields);
        }
        Log.infof("Callback %s completed with %s", callbackId, outputFields.get("hs_execution_state"));
    }

    private void deliver(Execution execution, int delivery, boolean chainNext, long gen) {
        attempt(execution, delivery, 1, System.currentTimeMillis(), chainNext, gen);
    }

    private void attempt(Execution ex, int delivery, int attemptNo, long firstAttemptAt, boolean chainNext, long gen) {
        if (gen != generation.get()) {
            return;
        }
        byte[] body = ex.requestBody().getBytes(StandardCharsets.UTF_8);
        String timestamp = Long.toString(System.currentTimeMillis());
        String uri = ex.actionUrl();
        String v3 = ActionRequestSigner.v3(hubspot.clientSecret(), "POST", uri, body, timestamp);
        long started = System.currentTimeMillis();
        client.requestAbs(HttpMethod.POST, uri)
                .timeout(config.requestTimeout().toMillis())
                .putHeader("Content-Type", "application/json")
                .putHeader("X-HubSpot-Request-Timestamp", timestamp)
                .putHeader("X-HubSpot-Signature-v3", v3)
                .putHeader("X-HubSpot-Signature", ActionRequestSigner.v2(hubspot.clientSecret(), "POST", uri, body))
                .putHeader("X-HubSpot-Signature-Version", "v2")
                .sendBuffer(Buffer.buffer(body))
                .subscribe().with(
                        response -> onResponse(ex, delivery, attemptNo, firstAttemptAt, chainNext, gen, started, timestamp, v3, response),
                        failure -> onFailure(ex, delivery, attemptNo, firstAttemptAt, chainNext, gen, started, timestamp, v3, failure));
    }

    private void onResponse(Execution ex, int delivery, int attemptNo, long firstAttemptAt, boolean chainNext, long gen,
                            long started, String timestamp, String v3, HttpResponse<Buffer> response) {
        int status = response.statusCode();
        String text = response.body() == null ? "" : response.bodyAsString();
        long took = System.currentTimeMillis() - started;
        Long retryIn = null;
        if (status == 429 || status >= 500) {
            retryIn = status == 429 ? retryAfter(response.getHeader("Retry-After")) : null;
            if (retryIn == null) {
                retryIn = backoff(attemptNo);
            }
            if (!mayRetry(attemptNo, firstAttemptAt, retryIn)) {
                retryIn = null;
            }
        }
        ex.record(new Execution.Attempt(delivery, attemptNo, started, Instant.ofEpochMilli(started).toString(), status,
                truncate(text), null, took, retryIn, timestamp, v3));
        if (gen != generation.get()) {
            return;
        }
        if (status >= 200 && status < 300) {
            finishDelivery(ex, delivery, chainNext, gen, text);
        } else if (retryIn != null) {
            Log.infof("Action %s answered %d, retry %d in %d ms", ex.callbackId(), status, attemptNo + 1, retryIn);
            scheduleRetry(ex, delivery, attemptNo, firstAttemptAt, chainNext, gen, retryIn);
        } else {
            Log.infof("Action %s failed with HTTP %d (no retry)", ex.callbackId(), status);
            ex.deliveryFinished(delivery, Execution.State.FAILED, Map.of(), null);
            next(ex, delivery, chainNext, gen);
        }
    }

    private void onFailure(Execution ex, int delivery, int attemptNo, long firstAttemptAt, boolean chainNext, long gen,
                           long started, String timestamp, String v3, Throwable failure) {
        long retryIn = backoff(attemptNo);
        boolean retry = mayRetry(attemptNo, firstAttemptAt, retryIn);
        ex.record(new Execution.Attempt(delivery, attemptNo, started, Instant.ofEpochMilli(started).toString(), 0, null,
                failure.getClass().getSimpleName() + ": " + failure.getMessage(), System.currentTimeMillis() - started,
                retry ? retryIn : null, timestamp, v3));
        if (gen != generation.get()) {
            return;
        }
        if (retry) {
            Log.infof("Action %s unreachable (%s), retry %d in %d ms", ex.callbackId(), failure.getClass().getSimpleName(),
                    attemptNo + 1, retryIn);
            scheduleRetry(ex, delivery, attemptNo, firstAttemptAt, chainNext, gen, retryIn);
        } else {
            ex.deliveryFinished(delivery, Execution.State.FAILED, Map.of(), null);
            next(ex, delivery, chainNext, gen);
        }
    }

    private void scheduleRetry(Execution ex, int delivery, int attemptNo, long firstAttemptAt, boolean chainNext, long gen,
                               long delay) {
        vertx.setTimer(Math.max(1, delay), id -> attempt(ex, delivery, attemptNo + 1, firstAttemptAt, chainNext, gen));
    }

    private void finishDelivery(Execution ex, int delivery, boolean chainNext, long gen, String text) {
        Map<String, String> outputs = new LinkedHashMap<>();
        try {
            JsonNode json = text.isBlank() ? mapper.createObjectNode() : mapper.readTree(text);
            json.path("outputFields").fields().forEachRemaining(e -> outputs.put(e.getKey(), e.getValue().asText()));
        } catch (JsonProcessingException e) {
            Log.infof("Action %s answered 2xx with a body that is not JSON; treated as SUCCESS", ex.callbackId());
        }
        String state = outputs.getOrDefault("hs_execution_state", "SUCCESS").toUpperCase(Locale.ROOT);
        if ("BLOCK".equals(state) || "ASYNC".equals(state)) {
            Duration expiry = parseExpiry(outputs.get("hs_expiration_duration"));
            ex.deliveryFinished(delivery, Execution.State.BLOCKED, outputs, Instant.now().plus(expiry));
            if (ex.state() == Execution.State.BLOCKED) {
                vertx.setTimer(Math.max(1, expiry.toMillis()), id -> {
                    if (gen == generation.get() && ex.expire()) {
                        Log.infof("Blocked execution %s expired", ex.callbackId());
                    }
                });
            }
        } else if ("FAIL_CONTINUE".equals(state)) {
            ex.deliveryFinished(delivery, Execution.State.FAIL_CONTINUE, outputs, null);
        } else {
            ex.deliveryFinished(delivery, Execution.State.SUCCESS, outputs, null);
        }
        next(ex, delivery, chainNext, gen);
    }

    private void next(Execution ex, int delivery, boolean chainNext, long gen) {
        if (chainNext && delivery < ex.deliveries()) {
            deliver(ex, delivery + 1, true, gen);
        }
    }

    private boolean mayRetry(int attemptNo, long firstAttemptAt, long delay) {
        return attemptNo < config.retry().maxAttempts()
                && System.currentTimeMillis() + delay - firstAttemptAt <= config.retry().maxDuration().toMillis();
    }

    long backoff(int attemptNo) {
        double delay = config.retry().initialDelay().toMillis() * Math.pow(config.retry().multiplier(), attemptNo - 1);
        return (long) Math.min(delay, config.retry().maxDelay().toMillis());
    }

    private static Long retryAfter(String header) {
        if (header == null) {
            return null;
        }
        try {
            return Math.max(0, Long.parseLong(header.trim())) * 1000;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    Duration parseExpiry(String iso) {
        if (iso == null || iso.isBlank()) {
            return config.defaultBlockExpiry();
        }
        Duration d = parseIsoDuration(iso);
        if (d == null) {
            Log.infof("Unreadable hs_expiration_duration %s; using the default", iso);
            return config.defaultBlockExpiry();
        }
        return d;
    }

    /**
     * ISO-8601 durations as HubSpot writes them, weeks and days included ({@code P1WT1H}, {@code P1D},
     * {@code PT30M}); null when unreadable. Months and years are approximated (30 and 365 days).
     */
    static Duration parseIsoDuration(String iso) {
        try {
            String s = iso.trim().toUpperCase(Locale.ROOT);
            int t = s.indexOf('T');
            String datePart = t < 0 ? s : s.substring(0, t);
            Duration d = Duration.ZERO;
            if (datePart.length() > 1) {
                // Period.parse reads weeks as 7 days.
                Period p = Period.parse(datePart);
                d = d.plusDays(p.getDays() + p.getMonths() * 30L + p.getYears() * 365L);
            } else if (!"P".equals(datePart)) {
                return null;
            }
            if (t >= 0) {
                d = d.plus(Duration.parse("PT" + s.substring(t + 1)));
            }
            return d;
        } catch (RuntimeException e) {
            return null;
        }
    }

    private String requestBody(String callbackId, ObjectNode definition, HubSpotObjectType type, CrmRecord record,
                               List<String> wanted, EnrollRequest request, long enrollmentId) {
        long definitionId = definition == null ? 0 : Long.parseLong(definition.path("id").asText("0"));
        long version = definition == null ? 0 : Long.parseLong(definition.path("revisionId").asText("0"));
        Map<String, Object> origin = new LinkedHashMap<>();
        origin.put("portalId", hubspot.portalId());
        origin.put("actionDefinitionId", definitionId);
        origin.put("actionDefinitionVersion", version);
        origin.put("extensionDefinitionId", definitionId);
        origin.put("extensionDefinitionVersionId", version);
        origin.put("actionExecutionIndexIdentifier", Map.of("enrollmentId", enrollmentId, "actionExecutionIndex", 0));
        Map<String, Object> context = new LinkedHashMap<>();
        context.put("source", "WORKFLOWS");
        context.put("workflowId", request.workflowId() == null ? config.workflowId() : request.workflowId());
        context.put("actionId", 1);
        Map<String, String> properties = new LinkedHashMap<>();
        for (String p : wanted) {
            String v = record.properties().get(p);
            if (v != null) {
                properties.put(p, v);
            }
        }
        Map<String, Object> object = new LinkedHashMap<>();
        object.put("objectId", Long.parseLong(record.id()));
        object.put("objectType", type.workflowName());
        object.put("properties", properties);
        Map<String, String> inputs = new LinkedHashMap<>();
        if (request.inputFields() != null) {
            request.inputFields().forEach((k, v) -> inputs.put(k, v == null ? null : String.valueOf(v)));
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("callbackId", callbackId);
        body.put("origin", origin);
        body.put("context", context);
        body.put("object", object);
        body.put("inputFields", inputs);
        try {
            return mapper.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot serialise an action request", e);
        }
    }

    static boolean acceptsType(ObjectNode definition, HubSpotObjectType type) {
        for (JsonNode t : definition.path("objectTypes")) {
            if (HubSpotObjectType.parse(t.asText()).orElse(null) == type
                    || t.asText().equalsIgnoreCase(type.workflowName())) {
                return true;
            }
        }
        return false;
    }

    private static String truncate(String s) {
        return s.length() <= MAX_RECORDED_BODY ? s : s.substring(0, MAX_RECORDED_BODY);
    }
}
