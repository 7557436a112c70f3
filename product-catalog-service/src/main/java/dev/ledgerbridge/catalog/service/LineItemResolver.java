package dev.ledgerbridge.catalog.service;

import dev.ledgerbridge.catalog.AmbiguousLineItem;
import dev.ledgerbridge.catalog.CatalogItem;
import dev.ledgerbridge.catalog.ItemLookup;
import dev.ledgerbridge.catalog.ItemLookup.LookupScope;
import dev.ledgerbridge.catalog.LineItem;
import dev.ledgerbridge.catalog.LineItemRefusal;
import dev.ledgerbridge.catalog.MatchKey;
import dev.ledgerbridge.catalog.MatchedBy;
import dev.ledgerbridge.catalog.ResolveLineItemsCommand;
import dev.ledgerbridge.catalog.ResolvedLine;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Resolves line items to QBO items (R10, R11): by SKU, then by exact name (trimmed, NFC, case-folded), with all
 * SKUs looked up in one batch and all remaining names in a second, so a resolution costs at most two look-ups
 * whatever the number of lines. Refuses, naming the line items, when any is ambiguous or unmatched.
 */
@ApplicationScoped
public class LineItemResolver {

    private static final Comparator<CatalogItem> BY_ID = Comparator
            .comparing((CatalogItem item) -> item.itemId().length())
            .thenComparing(CatalogItem::itemId);

    private final ItemLookup lookup;

    /** CDI constructor. */
    public LineItemResolver(ItemLookup lookup) {
        this.lookup = lookup;
    }

    /**
     * The QBO item of every line item, in request order; the same item may serve several lines. Fails with
     * {@link LineItemRefusal} (NO_LINE_ITEMS, AMBIGUOUS_LINE_ITEMS, UNMATCHED_LINE_ITEMS), or with the look-up's
     * own failure.
     */
    public Uni<List<ResolvedLine>> resolve(ResolveLineItemsCommand command) {
        List<LineItem> lines = command.lineItems();
        if (lines == null || lines.isEmpty()) {
            return Uni.createFrom().failure(LineItemRefusal::noLineItems);
        }
        LookupScope scope = new LookupScope(command.realmId(), command.correlationId());
        Resolution resolution = new Resolution(lines);
        return lookup.activeItemsBySku(scope, spellings(lines, LineItem::sku))
                .map(items -> resolution.apply(MatchedBy.SKU, items, LineItem::sku))
                .chain(unresolved -> lookup.activeItemsByName(scope, spellings(unresolved, LineItem::name)))
                .map(items -> {
                    resolution.apply(MatchedBy.NAME, items, LineItem::name);
                    return resolution.result(command.realmId());
                });
    }

    private static Set<String> spellings(List<LineItem> lines, Function<LineItem, String> field) {
        Set<String> spellings = new LinkedHashSet<>();
        for (LineItem line : lines) {
            spellings.addAll(MatchKey.querySpellings(field.apply(line)));
        }
        return spellings;
    }

    /** The state of one resolution: which lines are matched, ambiguous or still open. */
    private static final class Resolution {

        private final List<LineItem> lines;
        private final Map<Integer, ResolvedLine> resolved = new HashMap<>();
        private final Map<Integer, AmbiguousLineItem> ambiguous = new HashMap<>();

        Resolution(List<LineItem> lines) {
            this.lines = lines;
        }

        /** Matches the open lines against {@code items} by {@code field}; returns the lines still open. */
        List<LineItem> apply(MatchedBy rule, List<CatalogItem> items, Function<LineItem, String> field) {
            Function<CatalogItem, String> itemField = rule == MatchedBy.SKU ? CatalogItem::sku : CatalogItem::name;
            Map<String, List<CatalogItem>> byKey = new HashMap<>();
            for (CatalogItem item : items) {
                String key = MatchKey.of(itemField.apply(item));
                if (key != null) {
                    byKey.computeIfAbsent(key, k -> new ArrayList<>()).add(item);
                }
            }
            List<LineItem> open = new ArrayList<>();
            for (int i = 0; i < lines.size(); i++) {
                if (resolved.containsKey(i) || ambiguous.containsKey(i)) {
                    continue;
                }
                LineItem line = lines.get(i);
                String key = MatchKey.of(field.apply(line));
                List<CatalogItem> candidates = key == null ? List.of() : byKey.getOrDefault(key, List.of());
                if (candidates.size() == 1) {
                    CatalogItem item = candidates.get(0);
                    resolved.put(i, new ResolvedLine(line.lineItemId(), item.itemId(), item.name(), rule));
                } else if (candidates.size() > 1) {
                    // Two active items share the key: refusing is safer than invoicing the wrong product (R10).
                    ambiguous.put(i, new AmbiguousLineItem(line, rule, candidates.stream().sorted(BY_ID).toList()));
                } else {
                    open.add(line);
                }
            }
            return open;
        }

        /** The resolved lines in request order, or the refusal. */
        List<ResolvedLine> result(String realmId) {
            if (!ambiguous.isEmpty()) {
                // Ambiguity first: creating missing items (issue 5) would be wasted while another line cannot be used.
                Log.infof("line items: %d of %d ambiguous in realm %s", ambiguous.size(), lines.size(), realmId);
                throw LineItemRefusal.ambiguous(inOrder(ambiguous));
            }
            List<LineItem> unmatched = new ArrayList<>();
            List<ResolvedLine> result = new ArrayList<>(lines.size());
            for (int i = 0; i < lines.size(); i++) {
                ResolvedLine line = resolved.get(i);
                if (line == null) {
                    unmatched.add(lines.get(i));
                } else {
                    result.add(line);
                }
            }
            if (!unmatched.isEmpty()) {
                Log.infof("line items: %d of %d unmatched in realm %s", unmatched.size(), lines.size(), realmId);
                throw LineItemRefusal.unmatched(unmatched);
            }
            Log.debugf("line items: all %d resolved in realm %s", lines.size(), realmId);
            return List.copyOf(result);
        }

        private <T> List<T> inOrder(Map<Integer, T> byIndex) {
            List<T> ordered = new ArrayList<>();
            for (int i = 0; i < lines.size(); i++) {
                T value = byIndex.get(i);
                if (value != null) {
                    ordered.add(value);
                }
            }
            return ordered;
        }
    }
}
