package dev.ledgerbridge.sandbox.workflow;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ledgerbridge.sandbox.hubspot.CrmSearch;
import dev.ledgerbridge.sandbox.hubspot.HubSpotApiException;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A workflow's enrollment filter: filter groups OR-ed, the filters of a group AND-ed, in the CRM search API's
 * shape ({@code propertyName}, {@code operator}, {@code value}, {@code highValue}, {@code values}) and with its
 * comparison rules (decimals as numbers, strings case-insensitive and NFC-normalised). Two sandbox additions:
 * {@code CONTAINS} (the value occurs anywhere in the property, as the workflow editor's "contains any of"), and
 * {@code valueProperty} instead of {@code value} to compare with another property of the same record (EQ, NEQ,
 * LT, LTE, GT, GTE), e.g. {@code hs_esign_num_signers_completed EQ hs_esign_num_signers_required}.
 *
 * @param groups the filter groups
 */
public record EnrollmentFilter(List<List<Condition>> groups) {

    static final int MAX_GROUPS = 5;
    static final int MAX_FILTERS_PER_GROUP = 10;
    static final int MAX_FILTERS = 25;

    private static final Set<String> OPERATORS = Set.of("EQ", "NEQ", "LT", "LTE", "GT", "GTE", "BETWEEN", "IN",
            "NOT_IN", "HAS_PROPERTY", "NOT_HAS_PROPERTY", "CONTAINS_TOKEN", "NOT_CONTAINS_TOKEN", "CONTAINS");
    private static final Set<String> COMPARISONS = Set.of("EQ", "NEQ", "LT", "LTE", "GT", "GTE");

    /**
     * One condition on one property.
     *
     * @param propertyName  the property tested
     * @param operator      one of the search API's operators, or CONTAINS
     * @param value         the value compared with (null with valueProperty, HAS_PROPERTY, NOT_HAS_PROPERTY, IN, NOT_IN)
     * @param highValue     the upper bound of BETWEEN
     * @param values        the values of IN and NOT_IN
     * @param valueProperty another property of the record compared with instead of a fixed value
     */
    public record Condition(String propertyName, String operator, String value, String highValue, List<String> values,
                            String valueProperty) {

        boolean test(Map<String, String> props) {
            String actual = blankToNull(props.get(propertyName));
            String wanted = value;
            if (valueProperty != null) {
                // Nothing to compare with: a comparison with a missing property is never true.
                wanted = blankToNull(props.get(valueProperty));
                if (wanted == null) {
                    return false;
                }
            }
            switch (operator) {
                case "HAS_PROPERTY":
                    return actual != null;
                case "NOT_HAS_PROPERTY":
                    return actual == null;
                case "EQ":
                    return actual != null && CrmSearch.compare(actual, wanted) == 0;
                case "NEQ":
                    return actual == null || CrmSearch.compare(actual, wanted) != 0;
                case "LT":
                    return actual != null && CrmSearch.compare(actual, wanted) < 0;
                case "LTE":
                    return actual != null && CrmSearch.compare(actual, wanted) <= 0;
                case "GT":
                    return actual != null && CrmSearch.compare(actual, wanted) > 0;
                case "GTE":
                    return actual != null && CrmSearch.compare(actual, wanted) >= 0;
                case "BETWEEN":
                    return actual != null && CrmSearch.compare(actual, wanted) >= 0 && CrmSearch.compare(actual, highValue) <= 0;
                case "IN":
                    return actual != null && values.stream().anyMatch(v -> CrmSearch.compare(actual, v) == 0);
                case "NOT_IN":
                    return actual == null || values.stream().noneMatch(v -> CrmSearch.compare(actual, v) == 0);
                case "CONTAINS_TOKEN":
                    return actual != null && CrmSearch.containsToken(actual, wanted);
                case "NOT_CONTAINS_TOKEN":
                    return actual == null || !CrmSearch.containsToken(actual, wanted);
                case "CONTAINS":
                    return actual != null && CrmSearch.norm(actual).contains(CrmSearch.norm(wanted));
                default:
                    return false;
            }
        }
    }

    /** Whether a record with these properties meets the filter. */
    public boolean matches(Map<String, String> properties) {
        for (List<Condition> group : groups) {
            if (group.stream().allMatch(c -> c.test(properties))) {
                return true;
            }
        }
        return false;
    }

    /**
     * Reads {@code {"filterGroups": [{"filters": [...]}]}}; a filter the engine could not evaluate is refused with
     * HubSpot's 400 VALIDATION_ERROR naming it, so a typo shows when the workflow is created, not as a workflow that
     * never enrolls anything.
     */
    public static EnrollmentFilter parse(JsonNode criteria) {
        JsonNode groups = criteria.path("filterGroups");
        if (!groups.isArray() || groups.isEmpty()) {
            throw HubSpotApiException.validation("enrollmentCriteria.filterGroups must hold at least one filter group.");
        }
        if (groups.size() > MAX_GROUPS) {
            throw HubSpotApiException.validation("Too many filter groups: " + groups.size() + " (maximum " + MAX_GROUPS + ").");
        }
        List<List<Condition>> out = new ArrayList<>();
        int total = 0;
        for (int g = 0; g < groups.size(); g++) {
            JsonNode filters = groups.get(g).path("filters");
            if (!filters.isArray() || filters.isEmpty()) {
                throw HubSpotApiException.validation("filterGroups[" + g + "].filters must hold at least one filter.");
            }
            if (filters.size() > MAX_FILTERS_PER_GROUP) {
                throw HubSpotApiException.validation("Too many filters in a group: " + filters.size() + " (maximum "
                        + MAX_FILTERS_PER_GROUP + ").");
            }
            total += filters.size();
            List<Condition> group = new ArrayList<>();
            for (int f = 0; f < filters.size(); f++) {
                group.add(condition(filters.get(f), "filterGroups[" + g + "].filters[" + f + "]"));
            }
            out.add(List.copyOf(group));
        }
        if (total > MAX_FILTERS) {
            throw HubSpotApiException.validation("Too many filters: " + total + " (maximum " + MAX_FILTERS + ").");
        }
        return new EnrollmentFilter(List.copyOf(out));
    }

    private static Condition condition(JsonNode f, String where) {
        String property = text(f, "propertyName");
        if (property == null) {
            throw HubSpotApiException.validation(where + ": a filter needs a propertyName.");
        }
        String operator = text(f, "operator");
        if (operator == null || !OPERATORS.contains(operator)) {
            throw HubSpotApiException.validation(where + ": invalid operator '" + (operator == null ? "" : operator)
                    + "'; use one of " + String.join(", ", OPERATORS.stream().sorted().toList()) + ".");
        }
        String value = text(f, "value");
        String valueProperty = text(f, "valueProperty");
        String highValue = text(f, "highValue");
        List<String> values = new ArrayList<>();
        f.path("values").forEach(v -> values.add(v.asText()));
        if (valueProperty != null) {
            if (!COMPARISONS.contains(operator)) {
                throw HubSpotApiException.validation(where + ": valueProperty works with " + String.join(", ",
                        COMPARISONS.stream().sorted().toList()) + " only, not " + operator + ".");
            }
            if (value != null) {
                throw HubSpotApiException.validation(where + ": give value or valueProperty, not both.");
            }
        } else {
            switch (operator) {
                case "HAS_PROPERTY", "NOT_HAS_PROPERTY" -> {
                }
                case "IN", "NOT_IN" -> {
                    if (values.isEmpty()) {
                        throw HubSpotApiException.validation(where + ": " + operator + " needs a non-empty values list.");
                    }
                }
                case "BETWEEN" -> {
                    if (value == null || highValue == null) {
                        throw HubSpotApiException.validation(where + ": BETWEEN needs value and highValue.");
                    }
                }
                default -> {
                    if (value == null) {
                        throw HubSpotApiException.validation(where + ": " + operator + " needs a value (or a valueProperty).");
                    }
                }
            }
        }
        return new Condition(property, operator, value, highValue, List.copyOf(values), valueProperty);
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.path(field);
        if (v.isMissingNode() || v.isNull()) {
            return null;
        }
        String s = v.asText();
        return s.isEmpty() ? null : s;
    }

    private static String blankToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }
}
