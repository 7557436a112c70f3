package dev.ledgerbridge.sandbox.hubspot;

import com.fasterxml.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.text.Normalizer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * HubSpot's CRM search semantics over stored records: filter groups OR-ed, filters AND-ed, string
 * comparisons case-insensitive and Unicode-normalised (NFC), numbers compared as decimals, and HubSpot's
 * limits (5 groups, 10 filters per group, 25 filters in total).
 */
public final class CrmSearch {

    static final int MAX_GROUPS = 5;
    static final int MAX_FILTERS_PER_GROUP = 10;
    static final int MAX_FILTERS = 25;

    private CrmSearch() {
    }

    /** Rejects requests over HubSpot's limits with the 400 HubSpot gives. */
    static void validate(JsonNode request) {
        JsonNode groups = request.path("filterGroups");
        if (groups.size() > MAX_GROUPS) {
            throw HubSpotApiException.validation("Too many filter groups: " + groups.size() + " (maximum " + MAX_GROUPS + ").");
        }
        int total = 0;
        for (JsonNode g : groups) {
            int n = g.path("filters").size();
            if (n > MAX_FILTERS_PER_GROUP) {
                throw HubSpotApiException.validation("Too many filters in a group: " + n + " (maximum " + MAX_FILTERS_PER_GROUP + ").");
            }
            total += n;
            for (JsonNode f : g.path("filters")) {
                String op = f.path("operator").asText("");
                if (!List.of("EQ", "NEQ", "LT", "LTE", "GT", "GTE", "BETWEEN", "IN", "NOT_IN", "HAS_PROPERTY",
                        "NOT_HAS_PROPERTY", "CONTAINS_TOKEN", "NOT_CONTAINS_TOKEN").contains(op)) {
                    throw HubSpotApiException.validation("Invalid operator: '" + op + "'.");
                }
                if (f.path("propertyName").asText("").isEmpty()) {
                    throw HubSpotApiException.validation("A filter needs a propertyName.");
                }
            }
        }
        if (total > MAX_FILTERS) {
            throw HubSpotApiException.validation("Too many filters: " + total + " (maximum " + MAX_FILTERS + ").");
        }
        int limit = request.path("limit").asInt(10);
        if (limit > 200 || limit < 0) {
            throw HubSpotApiException.validation("limit must be between 0 and 200.");
        }
    }

    static boolean matches(JsonNode request, CrmRecord record) {
        String query = request.path("query").asText("");
        if (!query.isBlank()) {
            String q = norm(query);
            if (record.properties().values().stream().noneMatch(v -> norm(v).contains(q))) {
                return false;
            }
        }
        JsonNode groups = request.path("filterGroups");
        if (groups.isEmpty()) {
            return true;
        }
        for (JsonNode g : groups) {
            boolean all = true;
            for (JsonNode f : g.path("filters")) {
                if (!filter(f, record.properties())) {
                    all = false;
                    break;
                }
            }
            if (all) {
                return true;
            }
        }
        return false;
    }

    private static boolean filter(JsonNode f, Map<String, String> props) {
        String value = props.get(f.path("propertyName").asText());
        String wanted = f.path("value").asText(null);
        switch (f.path("operator").asText()) {
            case "HAS_PROPERTY":
                return value != null && !value.isEmpty();
            case "NOT_HAS_PROPERTY":
                return value == null || value.isEmpty();
            case "EQ":
                return value != null && wanted != null && compare(value, wanted) == 0;
            case "NEQ":
                return value == null || wanted == null || compare(value, wanted) != 0;
            case "LT":
                return value != null && wanted != null && compare(value, wanted) < 0;
            case "LTE":
                return value != null && wanted != null && compare(value, wanted) <= 0;
            case "GT":
                return value != null && wanted != null && compare(value, wanted) > 0;
            case "GTE":
                return value != null && wanted != null && compare(value, wanted) >= 0;
            case "BETWEEN":
                String high = f.path("highValue").asText(null);
                return value != null && wanted != null && high != null
                        && compare(value, wanted) >= 0 && compare(value, high) <= 0;
            case "IN":
                return value != null && values(f).stream().anyMatch(v -> compare(value, v) == 0);
            case "NOT_IN":
                return value == null || values(f).stream().noneMatch(v -> compare(value, v) == 0);
            case "CONTAINS_TOKEN":
                return value != null && wanted != null && containsToken(value, wanted);
            case "NOT_CONTAINS_TOKEN":
                return value == null || wanted == null || !containsToken(value, wanted);
            default:
                return false;
        }
    }

    private static List<String> values(JsonNode f) {
        List<String> out = new ArrayList<>();
        f.path("values").forEach(v -> out.add(v.asText()));
        return out;
    }

    /** A token is a whitespace-separated word; {@code *} is a wildcard; a multi-word value matches as a phrase. */
    public static boolean containsToken(String value, String token) {
        String v = norm(value);
        String t = norm(token);
        if (t.contains("*")) {
            Pattern p = Pattern.compile(Pattern.quote(t).replace("*", "\\E.*\\Q"));
            if (p.matcher(v).matches()) {
                return true;
            }
            for (String word : v.split("\\s+")) {
                if (p.matcher(word).matches()) {
                    return true;
                }
            }
            return false;
        }
        if (v.equals(t)) {
            return true;
        }
        return (" " + String.join(" ", v.split("\\s+")) + " ").contains(" " + String.join(" ", t.split("\\s+")) + " ");
    }

    /** Decimals as numbers, ISO instants as instants (against epoch milliseconds too), anything else as normalised text. */
    public static int compare(String a, String b) {
        BigDecimal x = decimal(a);
        BigDecimal y = decimal(b);
        if (x != null && y != null) {
            return x.compareTo(y);
        }
        Instant ia = instant(a);
        if (ia != null && y != null) {
            // HubSpot takes date filters as epoch milliseconds.
            return Long.compare(ia.toEpochMilli(), y.longValue());
        }
        Instant ib = instant(b);
        if (ia != null && ib != null) {
            return ia.compareTo(ib);
        }
        return norm(a).compareTo(norm(b));
    }

    static Comparator<CrmRecord> order(JsonNode request) {
        Comparator<CrmRecord> byId = Comparator.comparing(r -> new BigDecimal(r.id()));
        JsonNode sorts = request.path("sorts");
        if (sorts.isEmpty()) {
            return byId;
        }
        JsonNode first = sorts.get(0);
        String prop = first.isTextual() ? first.asText() : first.path("propertyName").asText();
        boolean descending = first.isObject() && "DESCENDING".equalsIgnoreCase(first.path("direction").asText());
        if (first.isTextual() && prop.startsWith("-")) {
            prop = prop.substring(1);
            descending = true;
        }
        String p = prop;
        Comparator<CrmRecord> c = (r1, r2) -> {
            String a = r1.properties().get(p);
            String b = r2.properties().get(p);
            if (a == null || b == null) {
                return a == null ? (b == null ? 0 : 1) : -1;
            }
            return compare(a, b);
        };
        return (descending ? c.reversed() : c).thenComparing(byId);
    }

    /** NFC, lower case, trimmed: how HubSpot compares strings. */
    public static String norm(String s) {
        return Normalizer.normalize(s, Normalizer.Form.NFC).toLowerCase(Locale.ROOT).trim();
    }

    private static BigDecimal decimal(String s) {
        try {
            return new BigDecimal(s.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static Instant instant(String s) {
        try {
            return Instant.parse(s.trim());
        } catch (RuntimeException e) {
            return null;
        }
    }
}
