package dev.ledgerbridge.contacts.service;

import dev.ledgerbridge.contacts.FilterOperator;
import dev.ledgerbridge.contacts.InvalidMatchingSettingsException;
import dev.ledgerbridge.contacts.MatchingMode;
import dev.ledgerbridge.contacts.SyncFilter;
import dev.ledgerbridge.contacts.SyncFilterGroup;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Checks a company's mode and sync filters before they are stored (R7, R8); every problem is named with its place,
 * e.g. {@code filterGroups[1].filters[0]: operator GREATER_THAN needs one number or date, got 'abc'}.
 */
public final class SyncFilterValidation {

    /** HubSpot's search limits (domain brief 2.6), kept so the same filters could be sent to HubSpot's search. */
    public static final int MAX_GROUPS = 5;
    public static final int MAX_FILTERS_PER_GROUP = 10;
    public static final int MAX_FILTERS = 25;
    /** HubSpot's limit on the values of an IN / NOT_IN filter. */
    public static final int MAX_VALUES = 100;
    private static final int MAX_VALUE_LENGTH = 1000;

    // HubSpot internal names: letters, digits and underscores (custom ones may hold '-' or '.' in older portals).
    private static final Pattern PROPERTY_NAME = Pattern.compile("[A-Za-z0-9_.-]{1,100}");
    private static final String OPERATORS = Arrays.stream(FilterOperator.values()).map(Enum::name)
            .collect(Collectors.joining(", "));

    private SyncFilterValidation() {
    }

    /** The mode as an enum; refuses anything but LEGACY and SYNC_FILTERS (case-insensitive). */
    public static MatchingMode mode(String mode) {
        if (mode == null || mode.isBlank()) {
            throw new InvalidMatchingSettingsException("mode: must be LEGACY or SYNC_FILTERS, got nothing");
        }
        try {
            return MatchingMode.valueOf(mode.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException unknown) {
            throw new InvalidMatchingSettingsException("mode: must be LEGACY or SYNC_FILTERS, got '" + mode + "'");
        }
    }

    /**
     * The filters with names trimmed and operators in upper case; throws {@link InvalidMatchingSettingsException}
     * naming every problem (separated by "; ") when any filter is invalid.
     */
    public static List<SyncFilterGroup> validate(List<SyncFilterGroup> groups) {
        List<String> problems = new ArrayList<>();
        List<SyncFilterGroup> normalised = new ArrayList<>();
        if (groups.size() > MAX_GROUPS) {
            problems.add("filterGroups: at most " + MAX_GROUPS + " filter groups are allowed, got " + groups.size());
        }
        int total = 0;
        for (int g = 0; g < groups.size(); g++) {
            SyncFilterGroup group = groups.get(g);
            String groupPlace = "filterGroups[" + g + "]";
            if (group == null || group.filters().isEmpty()) {
                problems.add(groupPlace + ": a filter group needs at least one filter");
                continue;
            }
            if (group.filters().size() > MAX_FILTERS_PER_GROUP) {
                problems.add(groupPlace + ": at most " + MAX_FILTERS_PER_GROUP + " filters are allowed in a group, got "
                        + group.filters().size());
            }
            total += group.filters().size();
            List<SyncFilter> filters = new ArrayList<>();
            for (int f = 0; f < group.filters().size(); f++) {
                String place = groupPlace + ".filters[" + f + "]";
                SyncFilter filter = check(place, group.filters().get(f), problems);
                if (filter != null) {
                    filters.add(filter);
                }
            }
            normalised.add(new SyncFilterGroup(filters));
        }
        if (total > MAX_FILTERS) {
            problems.add("filterGroups: at most " + MAX_FILTERS + " filters are allowed in all, got " + total);
        }
        if (!problems.isEmpty()) {
            throw new InvalidMatchingSettingsException(String.join("; ", problems));
        }
        return List.copyOf(normalised);
    }

    private static SyncFilter check(String place, SyncFilter filter, List<String> problems) {
        if (filter == null) {
            problems.add(place + ": a filter needs a property and an operator, got null");
            return null;
        }
        int before = problems.size();
        String property = filter.property() == null ? "" : filter.property().strip();
        if (property.isEmpty()) {
            problems.add(place + ": property name is empty");
        } else if (!PROPERTY_NAME.matcher(property).matches()) {
            problems.add(place + ": property '" + filter.property() + "' is not a HubSpot property name (letters, digits,"
                    + " '_', '.', '-'; at most 100)");
        }
        FilterOperator operator = operator(place, filter.operator(), problems);
        if (operator != null) {
            checkValues(place, operator, filter.values(), problems);
        }
        if (problems.size() > before) {
            return null;
        }
        List<String> values = filter.values().stream().map(String::strip).toList();
        return new SyncFilter(property, operator.name(), values);
    }

    private static FilterOperator operator(String place, String operator, List<String> problems) {
        if (operator == null || operator.isBlank()) {
            problems.add(place + ": operator is empty; use one of " + OPERATORS);
            return null;
        }
        try {
            return FilterOperator.valueOf(operator.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException unknown) {
            problems.add(place + ": unknown operator '" + operator + "'; use one of " + OPERATORS);
            return null;
        }
    }

    private static void checkValues(String place, FilterOperator operator, List<String> values, List<String> problems) {
        for (int v = 0; v < values.size(); v++) {
            String value = values.get(v);
            if (value == null || value.isBlank()) {
                problems.add(place + ".values[" + v + "]: a value must not be empty");
                return;
            }
            if (value.length() > MAX_VALUE_LENGTH) {
                problems.add(place + ".values[" + v + "]: a value may have at most " + MAX_VALUE_LENGTH + " characters");
                return;
            }
        }
        switch (operator) {
            case IS_KNOWN, IS_UNKNOWN -> {
                if (!values.isEmpty()) {
                    problems.add(place + ": operator " + operator + " takes no values, got " + values.size());
                }
            }
            case EQUALS, NOT_EQUALS, CONTAINS -> {
                if (values.size() != 1) {
                    problems.add(place + ": operator " + operator + " needs exactly one value, got " + values.size());
                }
            }
            case IS_ANY_OF, IS_NONE_OF -> {
                if (values.isEmpty() || values.size() > MAX_VALUES) {
                    problems.add(place + ": operator " + operator + " needs 1 to " + MAX_VALUES + " values, got "
                            + values.size());
                }
            }
            case GREATER_THAN, LESS_THAN -> {
                if (values.size() != 1) {
                    problems.add(place + ": operator " + operator + " needs one number or date, got " + values.size()
                            + " values");
                } else if (FilterValues.operand(values.get(0)) == null) {
                    problems.add(place + ": operator " + operator + " needs one number or date, got '" + values.get(0)
                            + "'");
                }
            }
        }
    }
}
