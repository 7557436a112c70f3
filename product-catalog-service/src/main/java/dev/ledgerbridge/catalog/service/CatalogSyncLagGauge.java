package dev.ledgerbridge.catalog.service;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@code ledgerbridge_catalog_sync_lag_seconds{realm}}: seconds since the last successful sync (full load or CDC)
 * of each mirrored company, the age of what the resolver matches against. The sync times are re-read from the
 * database on a timer (any replica may have synced); the lag itself is computed at scrape time.
 */
@Singleton
public class CatalogSyncLagGauge {

    private static final long REFRESH_MILLIS = 15_000;

    private final Pool pool;
    private final Vertx vertx;
    private final MeterRegistry registry;
    private final Clock clock;
    private final Map<String, Instant> lastSynced = new ConcurrentHashMap<>();
    private long timerId = -1;

    public CatalogSyncLagGauge(Pool pool, Vertx vertx, MeterRegistry registry) {
        this.pool = pool;
        this.vertx = vertx;
        this.registry = registry;
        this.clock = Clock.systemUTC();
    }

    void start(@Observes StartupEvent event) {
        refresh();
        timerId = vertx.setPeriodic(REFRESH_MILLIS, id -> refresh());
    }

    void stop(@Observes ShutdownEvent event) {
        if (timerId >= 0) {
            vertx.cancelTimer(timerId);
        }
    }

    /** Re-reads every company's last successful sync; emits when done (a failed read keeps the last values). */
    public io.smallrye.mutiny.Uni<Void> refreshNow() {
        return pool.query("SELECT realm_id, greatest(last_full_load_at, last_cdc_at) AS synced_at "
                        + "FROM catalog_sync_state WHERE coalesce(last_full_load_at, last_cdc_at) IS NOT NULL")
                .execute()
                .invoke(this::update)
                .onFailure().invoke(failure -> Log.debugf("catalog sync lag not refreshed: %s", failure.getMessage()))
                .onFailure().recoverWithNull()
                .replaceWithVoid();
    }

    private void refresh() {
        refreshNow().subscribe().with(ignored -> { }, failure -> { });
    }

    private void update(RowSet<Row> rows) {
        for (Row row : rows) {
            String realm = row.getString("realm_id");
            OffsetDateTime synced = row.getOffsetDateTime("synced_at");
            if (lastSynced.put(realm, synced.toInstant()) == null) {
                Gauge.builder("ledgerbridge.catalog.sync.lag", lastSynced, m -> lagSeconds(realm))
                        .description("Seconds since the item mirror of a QBO company last synced successfully")
                        .baseUnit("seconds")
                        .tag("realm", realm)
                        .register(registry);
            }
        }
    }

    private double lagSeconds(String realm) {
        Instant synced = lastSynced.get(realm);
        return synced == null ? Double.NaN : Duration.between(synced, clock.instant()).toMillis() / 1000.0;
    }
}
