package dev.ledgerbridge.gateway.service;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Gauges read from the gateway's database: {@code ledgerbridge_journal_backlog} (executions not finished yet) and
 * {@code ledgerbridge_connections_reconnect_needed} (QBO companies and HubSpot portals whose refresh token the vendor
 * refused: RECONNECT_NEEDED until an admin reconnects them), {@code ledgerbridge_slow_path_blocked} and {@code ledgerbridge_callback_completions_pending}
 * (the slow path's backlog). Refreshed on a timer, since a scrape must not wait for PostgreSQL.
 */
@Singleton
public class OperationalGauges {

    private static final long REFRESH_MILLIS = 15_000;

    private final Pool pool;
    private final Vertx vertx;
    private final AtomicLong backlog = new AtomicLong();
    private final AtomicLong reconnectNeeded = new AtomicLong();
    private final AtomicLong blocked = new AtomicLong();
    private final AtomicLong completionsPending = new AtomicLong();
    private long timerId = -1;

    public OperationalGauges(Pool pool, Vertx vertx, MeterRegistry registry) {
        this.pool = pool;
        this.vertx = vertx;
        Gauge.builder("ledgerbridge.journal.backlog", backlog, AtomicLong::get)
                .description("Action executions in the journal that have not finished (RUNNING or BLOCKED)")
                .register(registry);
        Gauge.builder("ledgerbridge.connections.reconnect.needed", reconnectNeeded, AtomicLong::get)
                .description("QuickBooks companies whose connection must be renewed by an administrator")
                .register(registry);
        Gauge.builder("ledgerbridge.slow.path.blocked", blocked, AtomicLong::get)
                .description("Executions answered BLOCK that are still being worked on in the background")
                .register(registry);
        Gauge.builder("ledgerbridge.callback.completions.pending", completionsPending, AtomicLong::get)
                .description("Finished BLOCKed executions whose result HubSpot has not accepted yet")
                .register(registry);
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

    /** Reads both counts in one round trip; a failed read keeps the last values (the next tick retries). */
    void refresh() {
        pool.query("SELECT (SELECT count(*) FROM action_execution WHERE finished_at IS NULL) AS backlog, "
                        + "(SELECT count(*) FROM quickbooks_connection WHERE state = 'RECONNECT_NEEDED') "
                        + "+ (SELECT count(*) FROM hubspot_connection WHERE state = 'RECONNECT_NEEDED') AS reconnect, "
                        + "(SELECT count(*) FROM action_execution WHERE state = 'BLOCKED') AS blocked, "
                        + "(SELECT count(*) FROM action_execution WHERE completion_state = 'PENDING') AS pending")
                .execute()
                .subscribe().with(rows -> {
                    Row row = rows.iterator().next();
                    backlog.set(row.getLong("backlog"));
                    reconnectNeeded.set(row.getLong("reconnect"));
                    blocked.set(row.getLong("blocked"));
                    completionsPending.set(row.getLong("pending"));
                }, failure -> Log.debugf("operational gauges not refreshed: %s", failure.getMessage()));
    }
}
