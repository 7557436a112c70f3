package dev.ledgerbridge.catalog.service;

import dev.ledgerbridge.catalog.CatalogItem;
import dev.ledgerbridge.catalog.ItemLookup;
import dev.ledgerbridge.catalog.MatchKey;
import dev.ledgerbridge.catalog.repository.CatalogItemRepository;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Typed;

import java.util.Collection;
import java.util.List;
import java.util.Objects;

/**
 * {@link ItemLookup} from the mirror (R13): active, non-Category items by normalised SKU or name key, with no QBO
 * call at all. Only correct once the company's mirror is loaded; {@link MirrorFirstItemLookup} decides that.
 */
// Typed to its class: the resolver's ItemLookup is MirrorFirstItemLookup, which picks this or the QBO look-up.
@Typed(MirrorItemLookup.class)
@ApplicationScoped
public class MirrorItemLookup implements ItemLookup {

    private final CatalogItemRepository items;

    /** CDI constructor. */
    public MirrorItemLookup(CatalogItemRepository items) {
        this.items = items;
    }

    @Override
    public Uni<List<CatalogItem>> activeItemsBySku(LookupScope scope, Collection<String> skus) {
        return items.matchableBySkuKeys(scope.realmId(), keys(skus));
    }

    @Override
    public Uni<List<CatalogItem>> activeItemsByIds(LookupScope scope, Collection<String> itemIds) {
        return items.matchableByIds(scope.realmId(), itemIds.stream().distinct().toList());
    }

    @Override
    public Uni<List<CatalogItem>> activeItemsByName(LookupScope scope, Collection<String> names) {
        return items.matchableByNameKeys(scope.realmId(), keys(names));
    }

    private static List<String> keys(Collection<String> values) {
        return values.stream().map(MatchKey::of).filter(Objects::nonNull).distinct().toList();
    }
}
