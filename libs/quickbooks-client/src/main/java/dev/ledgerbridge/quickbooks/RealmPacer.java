package dev.ledgerbridge.quickbooks;

import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.LongSupplier;

/**
 * Paces one process's QBO calls per company (invariant 4) so that QBO's per-realm limits are not hit in the first
 * place: two reservation token buckets per realm, one per second and one per minute. A call takes a token from both;
 * when one is empty the call is told how long to wait for its turn (reservations queue, so waiting callers keep
 * their order and a burst is spread out instead of answered 429 by QBO).
 * <p>The rates are this process's share of QBO's limit (10 requests/s and 500/min per company for all of an app's
 * callers together): every service and replica paces only itself, so the deployment divides the limit between them
 * (see the k8s overlays). Rates of 0 switch pacing off.
 */
public final class RealmPacer {

    private final double perSecond;
    private final double perMinute;
    private final LongSupplier nanoClock;
    private final ConcurrentMap<String, Buckets> realms = new ConcurrentHashMap<>();

    /** A pacer with these rates per realm (0 = no limit of that kind), on the system's monotonic clock. */
    public RealmPacer(double perSecond, double perMinute) {
        this(perSecond, perMinute, System::nanoTime);
    }

    RealmPacer(double perSecond, double perMinute, LongSupplier nanoClock) {
        if (perSecond < 0 || perMinute < 0 || Double.isNaN(perSecond) || Double.isNaN(perMinute)) {
            throw new IllegalArgumentException("pacing rates must not be negative");
        }
        this.perSecond = perSecond;
        this.perMinute = perMinute;
        this.nanoClock = nanoClock;
    }

    /** True when any rate is set. */
    public boolean enabled() {
        return perSecond > 0 || perMinute > 0;
    }

    /** Reserves one call for the realm now and answers how long the caller must wait before sending it. */
    public Duration reserve(String realmId) {
        if (!enabled()) {
            return Duration.ZERO;
        }
        Buckets buckets = realms.computeIfAbsent(realmId, id -> new Buckets(nanoClock.getAsLong()));
        return buckets.reserve(nanoClock.getAsLong());
    }

    // A bucket holds at least one call, so a slow rate (a replica's share may be below 1/s) lets the first call after
    // a quiet time through at once and spaces the following ones.
    private double secondCapacity() {
        return Math.max(1, perSecond);
    }

    private double minuteCapacity() {
        return Math.max(1, perMinute);
    }

    /** The per-realm state: tokens may go below zero, which is the queue of reservations still waiting. */
    private final class Buckets {

        private double secondTokens;
        private double minuteTokens;
        private long last;

        Buckets(long now) {
            this.secondTokens = secondCapacity();
            this.minuteTokens = minuteCapacity();
            this.last = now;
        }

        synchronized Duration reserve(long now) {
            double elapsedSeconds = Math.max(0, now - last) / 1e9;
            last = Math.max(last, now);
            double wait = 0;
            if (perSecond > 0) {
                secondTokens = Math.min(secondCapacity(), secondTokens + elapsedSeconds * perSecond) - 1;
                if (secondTokens < 0) {
                    wait = Math.max(wait, -secondTokens / perSecond);
                }
            }
            if (perMinute > 0) {
                minuteTokens = Math.min(minuteCapacity(), minuteTokens + elapsedSeconds * perMinute / 60.0) - 1;
                if (minuteTokens < 0) {
                    wait = Math.max(wait, -minuteTokens * 60.0 / perMinute);
                }
            }
            return Duration.ofNanos((long) Math.ceil(wait * 1e9));
        }
    }
}
