package dev.ledgerbridge.catalog;

import io.smallrye.mutiny.Uni;

import java.util.Collection;
import java.util.List;

/**
 * Finds active, sellable QBO items by SKU or name for line-item resolution. Implementations return candidates
 * only: the caller confirms each with {@link MatchKey}, so an implementation may return more than matches (QBO
 * compares case-insensitively) but must not miss an item whose key matches one of the given values' keys.
 * Issue 3 answers from QBO directly ({@code client.QboItemLookup}); issue 5 swaps in the mirror.
 */
public interface ItemLookup {

    /** Active items whose SKU matches one of {@code skus}; each call may cost QBO queries, so pass all at once. */
    Uni<List<CatalogItem>> activeItemsBySku(LookupScope scope, Collection<String> skus);

    /** Active items with one of the QBO ids {@code itemIds} (product links); ids of inactive or unknown items are absent. */
    Uni<List<CatalogItem>> activeItemsByIds(LookupScope scope, Collection<String> itemIds);

    /** Active items whose name matches one of {@code names}; each call may cost QBO queries, so pass all at once. */
    Uni<List<CatalogItem>> activeItemsByName(LookupScope scope, Collection<String> names);

    /**
     * Which company to search and the caller's correlation id (passed on to QBO so the sandbox can count calls per
     * execution).
     *
     * @param realmId       QBO company id
     * @param correlationId the HubSpot callbackId, or null
     */
    record LookupScope(String realmId, String correlationId) {
    }
}
