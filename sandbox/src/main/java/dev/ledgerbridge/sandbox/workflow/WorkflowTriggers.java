package dev.ledgerbridge.sandbox.workflow;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ledgerbridge.sandbox.Reseedable;
import dev.ledgerbridge.sandbox.hubspot.ActionDefinitionStore;
import dev.ledgerbridge.sandbox.hubspot.CrmChange;
import dev.ledgerbridge.sandbox.hubspot.CrmRecord;
import dev.ledgerbridge.sandbox.hubspot.CrmStore;
import dev.ledgerbridge.sandbox.hubspot.HubSpotApiException;
import dev.ledgerbridge.sandbox.hubspot.HubSpotObjectType;
import io.quarkus.logging.Log;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Workflows with enrollment triggers, as HubSpot's workflow engine runs them: a record of the workflow's object type
 * that is created matching its filter, or updated from not matching to matching, is enrolled in the workflow's custom
 * action through {@link WorkflowEngine#enroll} (same signed request, retries and BLOCK handling as an explicit
 * enrollment). Records that already match when the workflow is created are enrolled only with
 * {@code enrollExistingRecords: true}; without {@code shouldReEnroll} a record is enrolled once per workflow.
 */
@ApplicationScoped
public class WorkflowTriggers implements Reseedable {

    private static final long WORKFLOW_ID_BASE = 585_000_000L;

    private final WorkflowEngine engine;
    private final CrmStore crm;
    private final ActionDefinitionStore definitions;
    private final Map<Long, TriggeredWorkflow> workflows = new LinkedHashMap<>();
    private final AtomicLong sequence = new AtomicLong();

    public WorkflowTriggers(WorkflowEngine engine, CrmStore crm, ActionDefinitionStore definitions) {
        this.engine = engine;
        this.crm = crm;
        this.definitions = definitions;
    }

    void listen(@Observes StartupEvent started) {
        crm.addListener(this::onChange);
    }

    @Override
    public synchronized void reset() {
        workflows.clear();
        sequence.set(0);
    }

    /**
     * Creates a workflow from {@code {name, objectType, enrollmentCriteria: {filterGroups, shouldReEnroll,
     * enrollExistingRecords}, action: {definitionId | actionUrl, inputFields, objectProperties}}}; anything the
     * engine could not run is refused with HubSpot's 400 VALIDATION_ERROR.
     */
    public TriggeredWorkflow create(JsonNode body) {
        if (body == null || !body.isObject()) {
            throw HubSpotApiException.validation("A JSON object body is required.");
        }
        String typeName = body.hasNonNull("objectType") ? body.path("objectType").asText() : body.path("objectTypeId").asText(null);
        if (typeName == null || typeName.isBlank()) {
            throw HubSpotApiException.validation("objectType is required (DEAL, QUOTE, CONTACT, ... or an id such as 0-3).");
        }
        HubSpotObjectType type = HubSpotObjectType.parse(typeName).orElseThrow(() -> HubSpotApiException.validation("Unknown objectType " + typeName + "."));
        JsonNode criteria = body.path("enrollmentCriteria");
        if (!criteria.isObject()) {
            throw HubSpotApiException.validation("enrollmentCriteria is required, with filterGroups.");
        }
        EnrollmentFilter filter = EnrollmentFilter.parse(criteria);
        boolean reEnroll = booleanField(criteria, "shouldReEnroll");
        boolean enrollExisting = booleanField(criteria, "enrollExistingRecords");
        TriggeredWorkflow.Action action = action(body.path("action"), type);

        TriggeredWorkflow workflow;
        synchronized (this) {
            long id = WORKFLOW_ID_BASE + sequence.incrementAndGet();
            String name = body.path("name").asText("").isBlank() ? "Workflow " + id : body.path("name").asText();
            workflow = new TriggeredWorkflow(id, name, type, filter, criteria.deepCopy(), reEnroll, enrollExisting, action);
            workflows.put(id, workflow);
        }
        Log.infof("Workflow %d created on %s", workflow.id(), type.workflowName());
        if (enrollExisting) {
            for (CrmRecord r : crm.all(type)) {
                if (filter.matches(r.properties()) && workflow.claim(r.id())) {
                    enroll(workflow, r.id(), "EXISTING");
                }
            }
        }
        return workflow;
    }

    public synchronized TriggeredWorkflow find(long id) {
        return workflows.get(id);
    }

    public synchronized List<TriggeredWorkflow> all() {
        return List.copyOf(workflows.values());
    }

    /** Removes a workflow; executions it started carry on. False when there was none. */
    public synchronized boolean delete(long id) {
        return workflows.remove(id) != null;
    }

    /** Enrolls the changed record in every workflow of its type that it newly meets. */
    void onChange(CrmChange change) {
        List<TriggeredWorkflow> candidates;
        synchronized (this) {
            candidates = workflows.values().stream().filter(w -> w.objectType() == change.type()).toList();
        }
        for (TriggeredWorkflow w : candidates) {
            boolean now = w.filter().matches(change.after());
            boolean newly = now && (change.created() || !w.filter().matches(change.before()));
            if (newly && w.claim(change.objectId())) {
                enroll(w, change.objectId(), change.created() ? "CREATED" : "UPDATED");
            }
        }
    }

    private void enroll(TriggeredWorkflow w, String objectId, String trigger) {
        TriggeredWorkflow.Action a = w.action();
        String at = Instant.now().toString();
        try {
            Execution e = engine.enroll(new EnrollRequest(a.definitionId(), a.actionUrl(), w.objectType().workflowName(),
                    objectId, a.inputFields(), a.objectProperties(), null, null, null, w.id()));
            w.recorded(new TriggeredWorkflow.Enrollment(objectId, trigger, at, e.callbackId(), null));
            Log.infof("Workflow %d enrolled %s %s (%s) as %s", w.id(), w.objectType().workflowName(), objectId, trigger,
                    e.callbackId());
        } catch (RuntimeException e) {
            // The write that triggered it has happened; the failure is visible on the workflow, as in HubSpot's history.
            w.recorded(new TriggeredWorkflow.Enrollment(objectId, trigger, at, null, e.getMessage()));
            Log.warnf("Workflow %d could not enroll %s %s: %s", w.id(), w.objectType().workflowName(), objectId,
                    e.getMessage());
        }
    }

    private TriggeredWorkflow.Action action(JsonNode a, HubSpotObjectType type) {
        if (!a.isObject()) {
            throw HubSpotApiException.validation("action is required, with a definitionId or an actionUrl.");
        }
        String definitionId = a.hasNonNull("definitionId") ? a.path("definitionId").asText() : null;
        String actionUrl = a.hasNonNull("actionUrl") ? a.path("actionUrl").asText() : null;
        if (definitionId != null) {
            ObjectNode definition = definitions.get(definitionId);
            if (definition == null) {
                throw HubSpotApiException.validation("action.definitionId " + definitionId + " is not a live action definition.");
            }
            if (!WorkflowEngine.acceptsType(definition, type)) {
                throw HubSpotApiException.validation("Action definition " + definitionId + " does not accept "
                        + type.workflowName() + " records.");
            }
            if (actionUrl == null) {
                actionUrl = definition.path("actionUrl").asText(null);
            }
        }
        if (actionUrl == null || actionUrl.isBlank()) {
            throw HubSpotApiException.validation("action needs a definitionId or an actionUrl.");
        }
        try {
            URI uri = URI.create(actionUrl);
            if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme()) || uri.getHost() == null) {
                throw new IllegalArgumentException("not an http(s) URL");
            }
        } catch (IllegalArgumentException e) {
            throw HubSpotApiException.validation("action.actionUrl " + actionUrl + " is not an absolute http(s) URL.");
        }
        Map<String, Object> inputs = new LinkedHashMap<>();
        JsonNode inputFields = a.path("inputFields");
        if (!inputFields.isMissingNode() && !inputFields.isNull() && !inputFields.isObject()) {
            throw HubSpotApiException.validation("action.inputFields must be an object of field names to values.");
        }
        inputFields.fields().forEachRemaining(e -> inputs.put(e.getKey(), e.getValue().isNull() ? null : e.getValue().asText()));
        List<String> properties = new ArrayList<>();
        a.path("objectProperties").forEach(p -> properties.add(p.asText()));
        // The definitionId stays on the action only when it was given: the execution then reports it.
        return new TriggeredWorkflow.Action(definitionId, a.hasNonNull("actionUrl") || definitionId == null ? actionUrl : null,
                Collections.unmodifiableMap(inputs), List.copyOf(properties));
    }

    private static boolean booleanField(JsonNode node, String field) {
        JsonNode v = node.path(field);
        if (v.isMissingNode() || v.isNull()) {
            return false;
        }
        if (!v.isBoolean()) {
            throw HubSpotApiException.validation("enrollmentCriteria." + field + " must be true or false.");
        }
        return v.booleanValue();
    }
}
