package dev.ledgerbridge.catalog.service;

import dev.ledgerbridge.catalog.CatalogItem;
import dev.ledgerbridge.catalog.ItemLookup;
import dev.ledgerbridge.catalog.client.QboItemLookup;
import dev.ledgerbridge.catalog.config.CatalogConfig;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.Collection;
import java.util.List;

/**
 * The {@link ItemLookup} the resolver uses: the mirror once the company's is loaded (no QBO read), else the
 * direct QBO look-up, so nothing breaks before the first load; such a resolution also starts the initial load.
 */
@ApplicationScoped
public class MirrorFirstItemLookup implements ItemLookup {

    private final MirrorItemLookup mirror;
    private final QboItemLookup direct;
    private final CatalogMirror catalog;
    private final boolean loadOnFirstResolve;

    /** CDI constructor. */
    @Inject
    public MirrorFirstItemLookup(MirrorItemLookup mirror, QboItemLookup direct, CatalogMirror catalog,
            CatalogConfig config) {
        this(mirror, direct, catalog, config.mirror().loadOnFirstResolve());
    }

    MirrorFirstItemLookup(MirrorItemLookup mirror, QboItemLookup direct, CatalogMirror catalog,
            boolean loadOnFirstResolve) {
        this.mirror = mirror;
        this.direct = direct;
        this.catalog = catalog;
        this.loadOnFirstResolve = loadOnFirstResolve;
    }

    @Override
    public Uni<List<CatalogItem>> activeItemsBySku(LookupScope scope, Collection<String> skus) {
        return source(scope, skus).chain(lookup -> lookup.activeItemsBySku(scope, skus));
    }

    @Override
    public Uni<List<CatalogItem>> activeItemsByIds(LookupScope scope, Collection<String> itemIds) {
        return source(scope, itemIds).chain(lookup -> lookup.activeItemsByIds(scope, itemIds));
    }

    @Override
    public Uni<List<CatalogItem>> activeItemsByName(LookupScope scope, Collection<String> names) {
        return source(scope, names).chain(lookup -> lookup.activeItemsByName(scope, names));
    }

    private Uni<ItemLookup> source(LookupScope scope, Collection<String> values) {
        if (values.isEmpty()) {
            // Nothing to look up: either source answers empty, and asking the database would be wasted.
            return Uni.createFrom().item(mirror);
        }
        return catalog.isLoaded(scope.realmId()).map(loaded -> {
            if (loaded) {
                return mirror;
            }
            if (loadOnFirstResolve) {
                catalog.startInitialLoadIfDue(scope.realmId());
            }
            return direct;
        });
    }
}
