package dev.ledgerbridge.sandbox.workflow;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ledgerbridge.sandbox.hubspot.HubSpotObjectType;
import io.quarkus.runtime.annotations.RegisterForReflection;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A workflow with an enrollment trigger: records of one object type that newly meet its filter are enrolled in its
 * one custom action. Without re-enrollment (the default, as in HubSpot) a record is enrolled at most once.
 */
public final class TriggeredWorkflow {

    /** One enrollment this workflow made, with the execution it started or why it could not start one. */
    @RegisterForReflection // serialised inside untyped Map views
    public record Enrollment(String objectId, String trigger, String at, String callbackId, String error) {
    }

    /**
     * The action run for each enrolled record.
     *
     * @param definitionId     registered action definition (its actionUrl and objectRequestOptions apply)
     * @param actionUrl        URL called instead of (or overriding) the definition's
     * @param inputFields      input field values, sent as strings
     * @param objectProperties record properties to send besides the definition's
     */
    public record Action(String definitionId, String actionUrl, Map<String, Object> inputFields,
                         List<String> objectProperties) {
    }

    private final long id;
    private final String name;
    private final HubSpotObjectType objectType;
    private final EnrollmentFilter filter;
    private final JsonNode criteria;
    private final boolean shouldReEnroll;
    private final boolean enrollExistingRecords;
    private final Action action;
    private final Instant createdAt = Instant.now();
    private final Set<String> enrolled = new LinkedHashSet<>();
    private final List<Enrollment> enrollments = new ArrayList<>();

    TriggeredWorkflow(long id, String name, HubSpotObjectType objectType, EnrollmentFilter filter, JsonNode criteria,
                      boolean shouldReEnroll, boolean enrollExistingRecords, Action action) {
        this.id = id;
        this.name = name;
        this.objectType = objectType;
        this.filter = filter;
        this.criteria = criteria;
        this.shouldReEnroll = shouldReEnroll;
        this.enrollExistingRecords = enrollExistingRecords;
        this.action = action;
    }

    public long id() {
        return id;
    }

    HubSpotObjectType objectType() {
        return objectType;
    }

    EnrollmentFilter filter() {
        return filter;
    }

    Action action() {
        return action;
    }

    /**
     * Claims the enrollment of a record; false when re-enrollment is off and the record was enrolled before.
     * Claimed before the execution starts, so two concurrent writes cannot enroll a record twice.
     */
    synchronized boolean claim(String objectId) {
        return enrolled.add(objectId) || shouldReEnroll;
    }

    synchronized void recorded(Enrollment enrollment) {
        enrollments.add(enrollment);
    }

    /** A snapshot for the admin API. */
    synchronized Map<String, Object> view() {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("id", Long.toString(id));
        v.put("name", name);
        v.put("objectType", objectType.workflowName());
        v.put("objectTypeId", objectType.typeId());
        v.put("isEnabled", true);
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("filterGroups", criteria.path("filterGroups"));
        c.put("shouldReEnroll", shouldReEnroll);
        c.put("enrollExistingRecords", enrollExistingRecords);
        v.put("enrollmentCriteria", c);
        Map<String, Object> a = new LinkedHashMap<>();
        a.put("definitionId", action.definitionId());
        a.put("actionUrl", action.actionUrl());
        a.put("inputFields", action.inputFields());
        a.put("objectProperties", action.objectProperties());
        v.put("action", a);
        v.put("createdAt", createdAt.toString());
        v.put("enrolledCount", enrollments.size());
        v.put("enrollments", List.copyOf(enrollments));
        return v;
    }
}
