package dev.ledgerbridge.catalog.service;

import dev.ledgerbridge.catalog.CatalogSyncState;
import dev.ledgerbridge.catalog.HubSpotProductSyncState;
import dev.ledgerbridge.catalog.repository.HubSpotProductSyncRepository;
import dev.ledgerbridge.catalog.repository.CatalogSyncStateRepository;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.OffsetDateTime;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The mirror's sync state per company as Micrometer gauges (R13), from the last state this replica saw: after each
 * of its own runs, and from the database every 30 seconds (so every replica reports runs any replica made).
 * <ul>
 * <li>{@code ledgerbridge_catalog_items{realm, scope=all|active}}: mirrored items</li>
 * <li>{@code ledgerbridge_catalog_last_sync_seconds{realm}}: epoch seconds of the start of the last successful run</li>
 * <li>{@code ledgerbridge_catalog_sync_lag_seconds{realm}}: seconds since then (how stale matching may be)</li>
 * <li>{@code ledgerbridge_catalog_sync_failing{realm}}: 1 while the last run failed, else 0</li>
 * <li>{@code ledgerbridge_catalog_syncs_total{outcome=success|failure}}: runs of this replica</li>
 * </ul>
 */
@ApplicationScoped
public class CatalogMetrics {

    private final MeterRegistry registry;
    private final CatalogSyncStateRepository states;
    private final Map<String, CatalogSyncState> latest = new ConcurrentHashMap<>();
    private final Map<String, HubSpotProductSyncState> latestProductSync = new ConcurrentHashMap<>();
    private final HubSpotProductSyncRepository productSyncs;
    private final Counter productsUpserted;
    private final Counter successes;
    private final Counter failures;

    /** CDI constructor. */
    public CatalogMetrics(MeterRegistry registry, CatalogSyncStateRepository states,
            HubSpotProductSyncRepository productSyncs) {
        this.registry = registry;
        this.states = states;
        this.productSyncs = productSyncs;
        this.productsUpserted = Counter.builder("ledgerbridge.catalog.hubspot.products.upserted")
                .description("products this replica upserted into HubSpot").register(registry);
        this.successes = Counter.builder("ledgerbridge.catalog.syncs").tag("outcome", "success")
                .description("catalog sync runs of this replica").register(registry);
        this.failures = Counter.builder("ledgerbridge.catalog.syncs").tag("outcome", "failure")
                .description("catalog sync runs of this replica").register(registry);
    }

    /** Records the state after a run of this replica. */
    public void runFinished(CatalogSyncState state, boolean succeeded) {
        (succeeded ? successes : failures).increment();
        record(state);
    }

    /** Makes the gauges show {@code state}; the first state of a company registers its gauges. */
    public void record(CatalogSyncState state) {
        if (state == null) {
            return;
        }
        if (latest.put(state.realmId(), state) == null) {
            register(state.realmId());
        }
    }

    /** Records the product sync state after a run of this replica and the products it upserted. */
    public void productSyncFinished(HubSpotProductSyncState state, int upserted) {
        productsUpserted.increment(upserted);
        recordProductSync(state);
    }

    /** Makes the product sync gauges show {@code state}; the first state of a company registers its gauges. */
    public void recordProductSync(HubSpotProductSyncState state) {
        if (state == null) {
            return;
        }
        String realmId = state.realmId();
        if (latestProductSync.put(realmId, state) == null) {
            Gauge.builder("ledgerbridge.catalog.hubspot.sync.failing", latestProductSync,
                            m -> m.get(realmId) == null ? Double.NaN : m.get(realmId).lastError() == null ? 0 : 1)
                    .tag("realm", realmId).description("1 while the last product sync to HubSpot failed")
                    .register(registry);
            Gauge.builder("ledgerbridge.catalog.hubspot.last.sync", latestProductSync, m -> {
                        HubSpotProductSyncState s = m.get(realmId);
                        return s == null || s.syncedThrough() == null ? Double.NaN : s.syncedThrough().toEpochSecond();
                    })
                    .tag("realm", realmId).baseUnit("seconds")
                    .description("mirror run whose items last all reached HubSpot (epoch)").register(registry);
        }
    }

    /** The state of every company, read again so that runs of other replicas show here too. */
    @Scheduled(identity = "catalog-metrics", every = "30s", delayed = "5s")
    Uni<Void> refresh() {
        return productSyncs.all().invoke(all -> all.forEach(this::recordProductSync))
                .chain(() -> refreshMirrors());
    }

    private Uni<Void> refreshMirrors() {
        return states.realms()
                .onItem().transformToMulti(realms -> Multi.createFrom().iterable(realms))
                .onItem().transformToUniAndConcatenate(states::find)
                .invoke(this::record)
                .collect().last()
                .replaceWithVoid();
    }

    private void register(String realmId) {
        Gauge.builder("ledgerbridge.catalog.items", latest, m -> count(m.get(realmId), false))
                .tag("realm", realmId).tag("scope", "all").description("items in the mirror").register(registry);
        Gauge.builder("ledgerbridge.catalog.items", latest, m -> count(m.get(realmId), true))
                .tag("realm", realmId).tag("scope", "active").description("items line items can match")
                .register(registry);
        Gauge.builder("ledgerbridge.catalog.last.sync", latest, m -> epochSeconds(m.get(realmId)))
                .tag("realm", realmId).baseUnit("seconds")
                .description("start of the last successful sync (epoch)").register(registry);
        Gauge.builder("ledgerbridge.catalog.sync.lag", latest, m -> lagSeconds(m.get(realmId)))
                .tag("realm", realmId).baseUnit("seconds").description("seconds since the last successful sync")
                .register(registry);
        Gauge.builder("ledgerbridge.catalog.sync.failing", latest, m -> failing(m.get(realmId)))
                .tag("realm", realmId).description("1 while the last sync failed").register(registry);
    }

    private static double count(CatalogSyncState state, boolean active) {
        return state == null ? Double.NaN : active ? state.activeItemCount() : state.itemCount();
    }

    private static double epochSeconds(CatalogSyncState state) {
        OffsetDateTime synced = state == null ? null : state.syncedThrough();
        return synced == null ? Double.NaN : synced.toEpochSecond();
    }

    private static double lagSeconds(CatalogSyncState state) {
        OffsetDateTime synced = state == null ? null : state.syncedThrough();
        return synced == null ? Double.NaN
                : Math.max(0, OffsetDateTime.now().toEpochSecond() - synced.toEpochSecond());
    }

    private static double failing(CatalogSyncState state) {
        return state == null ? Double.NaN : state.lastError() == null ? 0 : 1;
    }
}
