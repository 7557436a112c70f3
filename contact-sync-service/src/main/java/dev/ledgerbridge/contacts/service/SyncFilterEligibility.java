package dev.ledgerbridge.contacts.service;

import dev.ledgerbridge.contacts.Contact;
import dev.ledgerbridge.contacts.FilterOperator;
import dev.ledgerbridge.contacts.SyncFilter;
import dev.ledgerbridge.contacts.SyncFilterGroup;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * Decides whether a contact passes a company's sync filters (R7): OR between groups, AND inside a group, as
 * HubSpot's filter groups; a failure is explained in plain words ("lifecycle stage is lead, must be customer").
 */
public final class SyncFilterEligibility {

    // Labels for HubSpot's standard properties whose internal names run words together; others are shown with
    // underscores as spaces.
    private static final Map<String, String> LABELS = Map.ofEntries(
            Map.entry("lifecyclestage", "lifecycle stage"),
            Map.entry("hs_lead_status", "lead status"),
            Map.entry("firstname", "first name"),
            Map.entry("lastname", "last name"),
            Map.entry("email", "e-mail"),
            Map.entry("jobtitle", "job title"),
            Map.entry("annualrevenue", "annual revenue"),
            Map.entry("numemployees", "number of employees"),
            Map.entry("hubspot_owner_id", "contact owner"),
            Map.entry("createdate", "create date"),
            Map.entry("closedate", "close date"),
            Map.entry("mobilephone", "mobile phone"));

    private SyncFilterEligibility() {
    }

    /**
     * Empty when the contact passes (or there are no groups: no filter excludes anyone); otherwise the refusal
     * message, naming the failed conditions of each group.
     */
    public static Optional<String> failure(List<SyncFilterGroup> groups, Contact contact) {
        if (groups.isEmpty()) {
            return Optional.empty();
        }
        List<List<String>> failures = new ArrayList<>();
        for (SyncFilterGroup group : groups) {
            List<String> failed = new ArrayList<>();
            for (SyncFilter filter : group.filters()) {
                explainFailure(filter, contact.property(filter.property())).ifPresent(failed::add);
            }
            if (failed.isEmpty()) {
                return Optional.empty();
            }
            failures.add(failed);
        }
        return Optional.of(message(failures));
    }

    /** The plain-words reason a value fails one condition, or empty when it passes. */
    static Optional<String> explainFailure(SyncFilter filter, String rawValue) {
        String value = rawValue == null || rawValue.isBlank() ? null : rawValue.strip();
        String label = label(filter.property());
        String shown = value == null ? "unknown" : value;
        List<String> operands = filter.values();
        FilterOperator operator = filter.operatorValue();
        boolean passes = switch (operator) {
            case IS_KNOWN -> value != null;
            case IS_UNKNOWN -> value == null;
            case EQUALS -> value != null && same(value, operands.get(0));
            // Unknown is "not equal": HubSpot's "is none of" also keeps contacts without a value.
            case NOT_EQUALS -> value == null || !same(value, operands.get(0));
            case IS_ANY_OF -> value != null && operands.stream().anyMatch(o -> same(value, o));
            case IS_NONE_OF -> value == null || operands.stream().noneMatch(o -> same(value, o));
            case CONTAINS -> value != null && fold(value).contains(fold(operands.get(0)));
            case GREATER_THAN, LESS_THAN -> compares(operator, value, operands.get(0));
        };
        if (passes) {
            return Optional.empty();
        }
        String requirement = switch (operator) {
            case IS_KNOWN -> "must be known";
            case IS_UNKNOWN -> "must be unknown";
            case EQUALS -> "must be " + operands.get(0);
            case NOT_EQUALS -> "must not be " + operands.get(0);
            case IS_ANY_OF -> operands.size() == 1 ? "must be " + operands.get(0) : "must be one of " + list(operands);
            case IS_NONE_OF -> "must be none of " + list(operands);
            case CONTAINS -> "must contain " + operands.get(0);
            case GREATER_THAN, LESS_THAN -> comparisonRequirement(operator, value, operands.get(0));
        };
        return Optional.of(label + " is " + shown + ", " + requirement);
    }

    /** The plain-words name of a HubSpot property: a known label, else the name with underscores as spaces. */
    static String label(String property) {
        String label = LABELS.get(property.toLowerCase(Locale.ROOT));
        return label != null ? label : property.replace('_', ' ').strip();
    }

    private static boolean compares(FilterOperator operator, String value, String operandText) {
        FilterValues.Operand operand = FilterValues.operand(operandText);
        FilterValues.Operand actual = FilterValues.sameKind(value, operand);
        if (actual == null) {
            return false;
        }
        int order = FilterValues.compare(actual, operand);
        return operator == FilterOperator.GREATER_THAN ? order > 0 : order < 0;
    }

    private static String comparisonRequirement(FilterOperator operator, String value, String operandText) {
        FilterValues.Operand operand = FilterValues.operand(operandText);
        boolean date = operand instanceof FilterValues.DateValue;
        String relation = date ? (operator == FilterOperator.GREATER_THAN ? "later than " : "earlier than ")
                : (operator == FilterOperator.GREATER_THAN ? "greater than " : "less than ");
        boolean unreadable = value != null && FilterValues.sameKind(value, operand) == null;
        return "must be " + (unreadable ? (date ? "a date " : "a number ") : "") + relation + operandText;
    }

    // Numbers compare by value ("10.0" is 10), everything else as HubSpot does: ignoring case and outer spaces.
    private static boolean same(String value, String operand) {
        FilterValues.Operand left = FilterValues.operand(value);
        FilterValues.Operand right = FilterValues.operand(operand);
        if (left instanceof FilterValues.NumberValue l && right instanceof FilterValues.NumberValue r) {
            return l.value().compareTo(r.value()) == 0;
        }
        return fold(value).equals(fold(operand));
    }

    private static String fold(String text) {
        return text.strip().toUpperCase(Locale.ROOT).toLowerCase(Locale.ROOT);
    }

    private static String list(List<String> operands) {
        return String.join(", ", operands);
    }

    private static String message(List<List<String>> failures) {
        if (failures.size() == 1) {
            return "This contact does not pass the QuickBooks sync filters: " + String.join(" and ", failures.get(0))
                    + ".";
        }
        StringBuilder message = new StringBuilder("This contact does not pass any of the ")
                .append(failures.size()).append(" QuickBooks sync filter groups: ");
        message.append(IntStream.range(0, failures.size())
                .mapToObj(i -> "(" + (i + 1) + ") " + String.join(" and ", failures.get(i)))
                .collect(Collectors.joining("; ")));
        return message.append('.').toString();
    }
}
