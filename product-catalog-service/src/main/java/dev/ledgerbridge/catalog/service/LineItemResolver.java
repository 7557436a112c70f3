package dev.ledgerbridge.catalog.service;

import dev.ledgerbridge.catalog.AmbiguousLineItem;
import dev.ledgerbridge.catalog.CatalogItem;
import dev.ledgerbridge.catalog.CatalogSettings;
import dev.ledgerbridge.catalog.ItemLookup;
import dev.ledgerbridge.catalog.ItemLookup.LookupScope;
import dev.ledgerbridge.catalog.LineItem;
import dev.ledgerbridge.catalog.LineItemRefusal;
import dev.ledgerbridge.catalog.MatchKey;
import dev.ledgerbridge.catalog.MatchedBy;
import dev.ledgerbridge.catalog.PreviewedLine;
import dev.ledgerbridge.catalog.ResolveLineItemsCommand;
import dev.ledgerbridge.catalog.ResolvedLine;
import dev.ledgerbridge.catalog.repository.ProductLinkRepository;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Resolves line items to QBO items (R10-R12): by product link (the {@code product_link} row of the line item's
 * HubSpot product, else the product's {@code qbo_item_id}), then SKU, then exact name (trimmed, NFC, case-folded),
 * each rule one batched look-up whatever the number of lines. Refuses, naming the line items, when any is
 * ambiguous, or unmatched while "Create missing products" is off; with it on, creates the missing items. Lines
 * with a HubSpot product get (or keep) a product link to the item they resolved to.
 */
@ApplicationScoped
public class LineItemResolver {

    private static final Comparator<CatalogItem> BY_ID = Comparator
            .comparing((CatalogItem item) -> item.itemId().length())
            .thenComparing(CatalogItem::itemId);

    private final ItemLookup lookup;
    private final ProductLinkRepository links;
    private final MissingItemCreator creator;

    /** CDI constructor. */
    public LineItemResolver(ItemLookup lookup, ProductLinkRepository links, MissingItemCreator creator) {
        this.lookup = lookup;
        this.links = links;
        this.creator = creator;
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
        return match(command, scope, resolution)
                .chain(() -> {
                    List<LineItem> unmatched = resolution.unmatched(command.realmId());
                    if (unmatched.isEmpty() || !command.createMissing()) {
                        return Uni.createFrom().item(resolution.result(command.realmId()));
                    }
                    Log.infof("line items: creating %d missing items in realm %s", unmatched.size(),
                            command.realmId());
                    return creator.create(scope, unmatched, command.incomeAccountId()).map(created -> {
                        resolution.created(created);
                        return resolution.result(command.realmId());
                    });
                })
                .call(resolved -> links.link(command.realmId(), command.portalId(), resolution.newLinks(resolved)));
    }

    /**
     * What {@link #resolve} would do with every line item, writing nothing (no QBO item, no product link): the item
     * each line would use, or, with "Create missing products" on, the item it would create with its type and income
     * account. The same refusals as resolve (NO_LINE_ITEMS, AMBIGUOUS_LINE_ITEMS, UNMATCHED_LINE_ITEMS,
     * CATALOG_SETTINGS_MISSING, ITEM_NOT_CREATABLE, INVALID_INCOME_ACCOUNT); the look-ups are resolve's.
     */
    public Uni<List<PreviewedLine>> preview(ResolveLineItemsCommand command) {
        List<LineItem> lines = command.lineItems();
        if (lines == null || lines.isEmpty()) {
            return Uni.createFrom().failure(LineItemRefusal::noLineItems);
        }
        LookupScope scope = new LookupScope(command.realmId(), command.correlationId());
        Resolution resolution = new Resolution(lines);
        return match(command, scope, resolution).chain(() -> {
            List<LineItem> unmatched = resolution.unmatched(command.realmId());
            if (unmatched.isEmpty() || !command.createMissing()) {
                return Uni.createFrom().item(resolution.result(command.realmId()).stream()
                        .map(line -> new PreviewedLine(line.lineItemId(), line.itemId(), line.itemName(),
                                line.matchedBy(), null, null, null))
                        .toList());
            }
            return creator.plan(scope, unmatched, command.incomeAccountId())
                    .map(settings -> resolution.previewed(settings));
        });
    }

    /** Applies the product links, then SKU, then name to the lines of {@code resolution}. */
    private Uni<Void> match(ResolveLineItemsCommand command, LookupScope scope, Resolution resolution) {
        Set<String> productIds = command.lineItems().stream().map(LineItem::productId)
                .filter(id -> id != null && !id.isBlank())
                .collect(Collectors.toCollection(LinkedHashSet::new));
        return links.itemIds(command.realmId(), command.portalId(), productIds)
                .chain(linked -> {
                    resolution.linked(linked);
                    return lookup.activeItemsByIds(scope, resolution.linkCandidateIds())
                            .map(items -> resolution.applyLinks(items));
                })
                .chain(open -> lookup.activeItemsBySku(scope, spellings(open, LineItem::sku)))
                .map(items -> resolution.apply(MatchedBy.SKU, items, LineItem::sku))
                .chain(unresolved -> lookup.activeItemsByName(scope, spellings(unresolved, LineItem::name)))
                .invoke(items -> resolution.apply(MatchedBy.NAME, items, LineItem::name))
                .replaceWithVoid();
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
        private Map<String, String> linked = Map.of();

        Resolution(List<LineItem> lines) {
            this.lines = lines;
        }

        /** Remembers the existing product links (HubSpot product id to QBO item id). */
        void linked(Map<String, String> productLinks) {
            this.linked = productLinks;
        }

        /** The item ids the product links of the lines point at: the link table's, and the products' qbo_item_id. */
        Set<String> linkCandidateIds() {
            Set<String> ids = new LinkedHashSet<>();
            for (LineItem line : lines) {
                String viaTable = line.productId() == null ? null : linked.get(line.productId());
                if (viaTable != null) {
                    ids.add(viaTable);
                }
                if (line.qboItemId() != null && !line.qboItemId().isBlank()) {
                    ids.add(line.qboItemId().strip());
                }
            }
            return ids;
        }

        /**
         * Resolves the lines whose link points at an active item (the table's link first, then the product's
         * qbo_item_id); a link to an inactive or deleted item is ignored. Returns the lines still open.
         */
        List<LineItem> applyLinks(List<CatalogItem> items) {
            Map<String, CatalogItem> byId = new HashMap<>();
            items.forEach(item -> byId.put(item.itemId(), item));
            List<LineItem> open = new ArrayList<>();
            for (int i = 0; i < lines.size(); i++) {
                LineItem line = lines.get(i);
                CatalogItem item = line.productId() == null ? null : byId.get(linked.get(line.productId()));
                if (item == null && line.qboItemId() != null) {
                    item = byId.get(line.qboItemId().strip());
                }
                if (item != null) {
                    resolved.put(i, new ResolvedLine(line.lineItemId(), item.itemId(), item.name(),
                            MatchedBy.PRODUCT_LINK));
                } else {
                    open.add(line);
                }
            }
            return open;
        }

        /** The open lines, once no rule is left; refuses first when any line is ambiguous. */
        List<LineItem> unmatched(String realmId) {
            if (!ambiguous.isEmpty()) {
                // Ambiguity first: creating missing items would be wasted while another line cannot be used.
                Log.infof("line items: %d of %d ambiguous in realm %s", ambiguous.size(), lines.size(), realmId);
                throw LineItemRefusal.ambiguous(inOrder(ambiguous));
            }
            List<LineItem> open = new ArrayList<>();
            for (int i = 0; i < lines.size(); i++) {
                if (!resolved.containsKey(i)) {
                    open.add(lines.get(i));
                }
            }
            return open;
        }

        /** Resolves the open lines to the items created for their name keys. */
        void created(Map<String, CatalogItem> byNameKey) {
            for (int i = 0; i < lines.size(); i++) {
                if (resolved.containsKey(i)) {
                    continue;
                }
                CatalogItem item = byNameKey.get(MatchKey.of(lines.get(i).name()));
                if (item != null) {
                    resolved.put(i, new ResolvedLine(lines.get(i).lineItemId(), item.itemId(), item.name(),
                            MatchedBy.CREATED));
                }
            }
        }

        /** Every line in request order: its resolved item, or the item {@code settings} would create for it. */
        List<PreviewedLine> previewed(CatalogSettings settings) {
            List<PreviewedLine> result = new ArrayList<>(lines.size());
            for (int i = 0; i < lines.size(); i++) {
                ResolvedLine line = resolved.get(i);
                if (line != null) {
                    result.add(new PreviewedLine(line.lineItemId(), line.itemId(), line.itemName(), line.matchedBy(),
                            null, null, null));
                } else {
                    result.add(new PreviewedLine(lines.get(i).lineItemId(), null, lines.get(i).name().strip(),
                            MatchedBy.CREATED, settings.itemType(), settings.incomeAccountId(),
                            settings.incomeAccountName()));
                }
            }
            return result;
        }

        /** The product links to write: each line with a HubSpot product whose link is absent or points elsewhere. */
        Map<String, ProductLinkRepository.Link> newLinks(List<ResolvedLine> result) {
            Map<String, ProductLinkRepository.Link> fresh = new LinkedHashMap<>();
            for (int i = 0; i < lines.size() && i < result.size(); i++) {
                String productId = lines.get(i).productId();
                ResolvedLine line = result.get(i);
                if (productId == null || productId.isBlank() || line.itemId().equals(linked.get(productId))) {
                    continue;
                }
                fresh.putIfAbsent(productId, new ProductLinkRepository.Link(line.itemId(), line.matchedBy().name()));
            }
            return fresh;
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
