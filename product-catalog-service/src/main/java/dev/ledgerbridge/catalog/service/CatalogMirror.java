package dev.ledgerbridge.catalog.service;

import dev.ledgerbridge.catalog.CatalogSyncState;
import dev.ledgerbridge.catalog.MirrorItem;
import dev.ledgerbridge.catalog.SyncInProgressException;
import dev.ledgerbridge.catalog.client.GatewayAccessTokenProvider;
import dev.ledgerbridge.catalog.config.CatalogConfig;
import dev.ledgerbridge.catalog.repository.CatalogItemRepository;
import dev.ledgerbridge.catalog.repository.CatalogSyncStateRepository;
import dev.ledgerbridge.quickbooks.DeletedEntity;
import dev.ledgerbridge.quickbooks.QboChanges;
import dev.ledgerbridge.quickbooks.QboCompany;
import dev.ledgerbridge.quickbooks.QboException;
import dev.ledgerbridge.quickbooks.QuickBooksClient;
import dev.ledgerbridge.quickbooks.model.Item;
import dev.ledgerbridge.quickbooks.query.QboQuery;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Keeps each company's mirror of QBO items current (R13): a paged full load of every item, active and inactive,
 * then CDC since the last successful run; a full reload when that is older than CDC's 30-day look-back. One
 * replica at a time syncs a company, under a lease held in PostgreSQL.
 */
@ApplicationScoped
public class CatalogMirror {

    /** CDC returns at most this many objects per call; a full answer may have left some out. */
    static final int CDC_MAX_OBJECTS = 1000;
    /** changedSince is moved back by this much: clocks of QBO and this replica differ, and re-applying is harmless. */
    static final Duration CDC_OVERLAP = Duration.ofMinutes(2);
    private static final List<Boolean> ACTIVE_AND_INACTIVE = List.of(true, false);

    private final QuickBooksClient qbo;
    private final GatewayAccessTokenProvider tokens;
    private final CatalogItemRepository items;
    private final CatalogSyncStateRepository states;
    private final CatalogConfig.Mirror config;
    private final CatalogMetrics metrics;
    private final HubSpotProductSync productSync;
    private final String replicaId;
    private final Clock clock = Clock.systemUTC();

    /** CDI constructor. */
    public CatalogMirror(QuickBooksClient qbo, GatewayAccessTokenProvider tokens, CatalogItemRepository items,
            CatalogSyncStateRepository states, CatalogConfig config, CatalogMetrics metrics,
            HubSpotProductSync productSync) {
        this.qbo = qbo;
        this.productSync = productSync;
        this.metrics = metrics;
        this.tokens = tokens;
        this.items = items;
        this.states = states;
        this.config = config.mirror();
        // Kubernetes sets HOSTNAME to the pod name: the lease owner then says which replica holds it.
        this.replicaId = Optional.ofNullable(System.getenv("HOSTNAME")).filter(h -> !h.isBlank()).orElse("replica");
    }

    /** The company's sync state, or null when it was never synced. */
    public Uni<CatalogSyncState> state(String realmId) {
        return states.find(realmId);
    }

    /** True when the company's mirror is loaded, so matching may read it instead of QBO. */
    public Uni<Boolean> isLoaded(String realmId) {
        return states.isLoaded(realmId);
    }

    /**
     * Takes the company's lease and starts a sync in the background (a full load when never loaded, else CDC);
     * the item is the state with the lease taken. Fails with {@link SyncInProgressException} when the lease is
     * held, and with the token provider's failure (e.g. not connected) before any state is written.
     */
    public Uni<CatalogSyncState> startSync(String realmId) {
        return tokens.accessToken(realmId)
                .chain(token -> claim(realmId))
                .invoke(claimed -> run(claimed).subscribe().with(
                        done -> { },
                        failure -> Log.debugf("catalog sync of realm %s failed in the background: %s", realmId, failure)))
                .map(Claim::state);
    }

    /** Takes the lease and syncs; the item is the state after the run. Fails as {@link #startSync} or with the sync's failure. */
    public Uni<CatalogSyncState> syncNow(String realmId) {
        return claim(realmId).chain(this::run);
    }

    /**
     * Starts the initial load of a company that has no mirror yet, unless one is running or failed less than
     * {@code initial-load-retry-after} ago; never fails (the caller falls back to direct QBO look-ups).
     */
    public void startInitialLoadIfDue(String realmId) {
        states.find(realmId)
                .chain(state -> {
                    OffsetDateTime retryFrom = OffsetDateTime.now(clock).minus(config.initialLoadRetryAfter());
                    boolean due = state == null || !state.loaded() && !state.syncing()
                            && (state.lastErrorAt() == null || state.lastErrorAt().isBefore(retryFrom));
                    if (!due) {
                        return Uni.createFrom().nullItem();
                    }
                    Log.infof("catalog: no mirror of realm %s yet, starting its initial load", realmId);
                    return startSync(realmId);
                })
                .subscribe().with(started -> { }, failure -> {
                    if (failure instanceof SyncInProgressException) {
                        return;
                    }
                    Log.warnf("catalog: initial load of realm %s not started: %s", realmId, failure.toString());
                });
    }

    /**
     * One sync of every company that has a sync state, one after the other; a held lease is skipped and a
     * failure is recorded in that company's state without stopping the others. The item is the number synced.
     */
    public Uni<Integer> syncAll() {
        return states.realms()
                .onItem().transformToMulti(realms -> Multi.createFrom().iterable(realms))
                .onItem().transformToUniAndConcatenate(realmId -> syncNow(realmId)
                        .map(state -> 1)
                        .onFailure().recoverWithItem(failure -> {
                            if (!(failure instanceof SyncInProgressException)) {
                                Log.warnf("catalog: scheduled sync of realm %s failed: %s", realmId, failure.toString());
                            }
                            return 0;
                        }))
                .collect().with(Collectors.summingInt(Integer::intValue));
    }

    private Uni<Claim> claim(String realmId) {
        String owner = replicaId + "/" + UUID.randomUUID();
        return states.claim(realmId, owner, config.lease()).chain(state -> {
            if (state != null) {
                return Uni.createFrom().item(new Claim(state, owner));
            }
            return states.find(realmId).map(held -> {
                throw new SyncInProgressException(realmId, held == null ? null : held.leaseExpiresAt());
            });
        });
    }

    private Uni<CatalogSyncState> run(Claim claim) {
        CatalogSyncState state = claim.state();
        String realmId = state.realmId();
        OffsetDateTime startedAt = OffsetDateTime.now(clock);
        OffsetDateTime syncedThrough = state.syncedThrough();
        boolean fullLoad = !state.loaded()
                || syncedThrough.isBefore(startedAt.minus(config.cdcLookBack()));
        if (state.loaded() && fullLoad) {
            Log.infof("catalog: realm %s last synced %s, beyond CDC's look-back: full reload", realmId, syncedThrough);
        }
        QboCompany company = qbo.company(realmId);
        Uni<Boolean> sync = fullLoad
                ? fullLoad(company, claim.owner(), startedAt).replaceWith(true)
                : changesSince(company, claim.owner(), syncedThrough.minus(CDC_OVERLAP), startedAt);
        return sync
                // Before the lease is released, so two replicas never upsert one company's products at once; the
                // product sync never fails, so the mirror run's outcome stays its own.
                .call(wasFullLoad -> productSync.afterMirrorRun(realmId, startedAt))
                .chain(wasFullLoad -> states.succeeded(realmId, claim.owner(), wasFullLoad, startedAt))
                .invoke(done -> {
                    metrics.runFinished(done, true);
                    if (done != null) {
                        Log.infof("catalog: realm %s synced, %d items (%d matchable)", realmId, done.itemCount(),
                                done.activeItemCount());
                    }
                })
                .onFailure().call(failure -> {
                    if (failure instanceof QboException qboFailure && qboFailure.isAuthentication()) {
                        tokens.invalidate(realmId);
                    }
                    Log.warnf("catalog: sync of realm %s failed: %s", realmId, failure.toString());
                    return states.failed(realmId, claim.owner(), describe(failure))
                            .invoke(failed -> metrics.runFinished(failed, false));
                });
    }

    /** Loads every item page by page, then drops the rows the load did not see (items deleted meanwhile). */
    private Uni<Void> fullLoad(QboCompany company, String owner, OffsetDateTime startedAt) {
        String realmId = company.realmId();
        QboQuery count = QboQuery.countFrom(Item.class).whereIn("Active", ACTIVE_AND_INACTIVE);
        return company.count(count)
                .chain(total -> loadPages(company, owner, startedAt, 1, 0, total))
                .chain(loaded -> items.deleteNotMirroredSince(realmId, startedAt))
                .invoke(removed -> {
                    if (removed > 0) {
                        Log.infof("catalog: realm %s full load removed %d items QBO no longer has", realmId, removed);
                    }
                })
                .replaceWithVoid();
    }

    private Uni<Integer> loadPages(QboCompany company, String owner, OffsetDateTime startedAt, int start, int loaded,
            long total) {
        String realmId = company.realmId();
        int pageSize = config.pageSize();
        QboQuery page = QboQuery.selectFrom(Item.class).whereIn("Active", ACTIVE_AND_INACTIVE)
                .startPosition(start).maxResults(pageSize);
        return renewLease(realmId, owner)
                .chain(() -> company.query(Item.class, page))
                .chain(result -> items.upsert(realmId, result.items().stream().map(CatalogMirror::mirrorItem).toList(),
                                startedAt)
                        .chain(() -> {
                            int nowLoaded = loaded + result.items().size();
                            // Items added during the load make the total grow; never print more loaded than total.
                            Log.infof("catalog %d/%d items (realm %s)", nowLoaded, Math.max(total, nowLoaded), realmId);
                            if (result.items().size() < pageSize) {
                                return Uni.createFrom().item(nowLoaded);
                            }
                            return loadPages(company, owner, startedAt, start + result.items().size(), nowLoaded, total);
                        }));
    }

    /** Applies CDC since {@code since}; the item tells whether it had to fall back to a full load. */
    private Uni<Boolean> changesSince(QboCompany company, String owner, OffsetDateTime since, OffsetDateTime startedAt) {
        String realmId = company.realmId();
        return renewLease(realmId, owner)
                .chain(() -> company.cdc(Set.of(Item.class), since.withOffsetSameInstant(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS)))
                .chain(changes -> {
                    List<Item> changed = changes.changed(Item.class);
                    List<DeletedEntity> deleted = changes.deleted(Item.class);
                    if (changed.size() + deleted.size() >= CDC_MAX_OBJECTS) {
                        // A capped answer may have dropped changes; only a full load is sure to see them all.
                        Log.infof("catalog: realm %s has %d+ changes since %s: full reload", realmId,
                                CDC_MAX_OBJECTS, since);
                        return fullLoad(company, owner, startedAt).replaceWith(true);
                    }
                    return apply(realmId, changes, startedAt).replaceWith(false);
                });
    }

    private Uni<Void> apply(String realmId, QboChanges changes, OffsetDateTime startedAt) {
        List<Item> changed = changes.changed(Item.class);
        List<String> deleted = changes.deleted(Item.class).stream().map(DeletedEntity::id).toList();
        return items.upsert(realmId, changed.stream().map(CatalogMirror::mirrorItem).toList(), startedAt)
                .chain(() -> items.delete(realmId, deleted))
                .invoke(removed -> Log.infof("catalog: realm %s CDC applied %d changed and %d deleted items",
                        realmId, changed.size(), deleted.size()))
                .replaceWithVoid();
    }

    private Uni<Void> renewLease(String realmId, String owner) {
        return states.renew(realmId, owner, config.lease()).invoke(held -> {
            if (!held) {
                throw new IllegalStateException("the sync lease of realm " + realmId + " lapsed and was taken over");
            }
        }).replaceWithVoid();
    }

    static MirrorItem mirrorItem(Item item) {
        String name = item.name() != null ? item.name() : item.fullyQualifiedName() != null ? item.fullyQualifiedName() : "";
        return new MirrorItem(item.id(), name, item.sku(), item.type() == null ? "Unknown" : item.type(),
                item.unitPrice(), Boolean.TRUE.equals(item.taxable()), !Boolean.FALSE.equals(item.active()),
                item.syncToken() == null ? "0" : item.syncToken(),
                item.metaData() == null ? null : item.metaData().lastUpdatedTime());
    }

    private static String describe(Throwable failure) {
        String message = failure.getMessage();
        return failure.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }

    /** A lease taken for one run. */
    private record Claim(CatalogSyncState state, String owner) {
    }
}
