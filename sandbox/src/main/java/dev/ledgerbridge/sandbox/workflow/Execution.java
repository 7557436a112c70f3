package dev.ledgerbridge.sandbox.workflow;

import io.quarkus.runtime.annotations.RegisterForReflection;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One workflow action execution (one callbackId): the request it sends, every attempt of every delivery,
 * its state and final output fields. The first final outcome wins; later deliveries are only recorded.
 */
public final class Execution {

    /** Execution states; SUCCESS and FAIL_CONTINUE mirror hs_execution_state. */
    public enum State { RUNNING, BLOCKED, SUCCESS, FAIL_CONTINUE, FAILED, EXPIRED }

    /** One HTTP attempt. Status 0 means no HTTP answer (connection failure or timeout). */
    @RegisterForReflection // serialised inside untyped Map views, which Quarkus REST cannot see at build time
    public record Attempt(int delivery, int attempt, long atEpochMillis, String at, int status, String responseBody,
                          String error, long durationMillis, Long nextRetryInMillis, String requestTimestamp,
                          String signatureV3) {
    }

    private final String callbackId;
    private final String definitionId;
    private final String actionUrl;
    private final String objectType;
    private final String objectId;
    private final String requestBody;
    private int deliveries;
    private final Instant createdAt = Instant.now();
    private final List<Attempt> attempts = new ArrayList<>();
    private final Map<Integer, String> deliveryOutcomes = new LinkedHashMap<>();
    private State state = State.RUNNING;
    private Map<String, String> outputFields = Map.of();
    private String completedBy;
    private Instant finishedAt;
    private Instant blockExpiresAt;

    Execution(String callbackId, String definitionId, String actionUrl, String objectType, String objectId,
              String requestBody, int deliveries) {
        this.callbackId = callbackId;
        this.definitionId = definitionId;
        this.actionUrl = actionUrl;
        this.objectType = objectType;
        this.objectId = objectId;
        this.requestBody = requestBody;
        this.deliveries = deliveries;
    }

    public String callbackId() {
        return callbackId;
    }

    String actionUrl() {
        return actionUrl;
    }

    String requestBody() {
        return requestBody;
    }

    synchronized int deliveries() {
        return deliveries;
    }

    /** Adds one more delivery of the same request (HubSpot retrying it) and returns its number. */
    synchronized int addDelivery() {
        return ++deliveries;
    }

    synchronized State state() {
        return state;
    }

    synchronized void record(Attempt attempt) {
        attempts.add(attempt);
    }

    /** A delivery reached its own end; the execution takes the first final answer. */
    synchronized void deliveryFinished(int delivery, State outcome, Map<String, String> outputs, Instant blockUntil) {
        deliveryOutcomes.put(delivery, outcome.name());
        if (state != State.RUNNING) {
            return;
        }
        state = outcome;
        outputFields = outputs;
        completedBy = "ACTION_RESPONSE";
        if (outcome == State.BLOCKED) {
            blockExpiresAt = blockUntil;
        } else {
            finishedAt = Instant.now();
        }
    }

    synchronized boolean isOpen() {
        return state == State.RUNNING || state == State.BLOCKED;
    }

    synchronized void complete(Map<String, String> outputs) {
        state = State.valueOf(outputs.get("hs_execution_state"));
        outputFields = outputs;
        completedBy = "CALLBACK";
        finishedAt = Instant.now();
    }

    synchronized boolean expire() {
        if (state != State.BLOCKED) {
            return false;
        }
        state = State.EXPIRED;
        completedBy = "EXPIRY";
        finishedAt = Instant.now();
        return true;
    }

    /** A snapshot for the admin API. */
    synchronized Map<String, Object> view(boolean withAttempts) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("callbackId", callbackId);
        v.put("executionId", callbackId);
        v.put("definitionId", definitionId);
        v.put("actionUrl", actionUrl);
        v.put("objectType", objectType);
        v.put("objectId", objectId);
        v.put("state", state.name());
        v.put("completedBy", completedBy);
        v.put("outputFields", outputFields);
        v.put("createdAt", createdAt.toString());
        v.put("finishedAt", finishedAt == null ? null : finishedAt.toString());
        v.put("blockExpiresAt", blockExpiresAt == null ? null : blockExpiresAt.toString());
        v.put("deliveries", deliveries);
        v.put("deliveryOutcomes", new LinkedHashMap<>(deliveryOutcomes));
        v.put("attemptCount", attempts.size());
        if (withAttempts) {
            v.put("requestBody", requestBody);
            v.put("attempts", List.copyOf(attempts));
        }
        return v;
    }
}
