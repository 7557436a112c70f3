package dev.ledgerbridge.catalog.service;

import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/** Runs CDC for every company with a sync state every {@code ledgerbridge.catalog.mirror.cdc-interval} (R13). */
@ApplicationScoped
public class CatalogSyncScheduler {

    private final CatalogMirror mirror;

    /** CDI constructor. */
    public CatalogSyncScheduler(CatalogMirror mirror) {
        this.mirror = mirror;
    }

    /** One round over all companies; a round still running when the next is due makes that one skip. */
    // Every replica runs the schedule; the per-company lease lets only one of them sync each company.
    @Scheduled(identity = "catalog-cdc", every = "${ledgerbridge.catalog.mirror.cdc-interval:5m}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> syncEveryCompany() {
        return mirror.syncAll()
                .invoke(synced -> Log.debugf("catalog: scheduled round synced %d companies", synced))
                .replaceWithVoid();
    }
}
