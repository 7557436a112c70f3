package dev.ledgerbridge.sandbox.qbo.service;

import dev.ledgerbridge.sandbox.Reseedable;
import dev.ledgerbridge.sandbox.qbo.QboClock;
import dev.ledgerbridge.sandbox.qbo.config.QboSandboxConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * QBO's per-company throttle, shared by every caller of a realm: sliding windows of one second and one minute
 * over accepted requests (refused ones do not count). Limits come from config and can be changed at run time
 * (load tests, the admin layer); reset() restores the configured limits and forgets all traffic.
 */
@ApplicationScoped
public class QboThrottle implements Reseedable {

    private static final Duration SECOND = Duration.ofSeconds(1);
    private static final Duration MINUTE = Duration.ofMinutes(1);

    private final QboSandboxConfig config;
    private final QboClock clock;
    private final Map<String, Deque<Instant>> accepted = new ConcurrentHashMap<>();
    private volatile int perSecond;
    private volatile int perMinute;

    public QboThrottle(QboSandboxConfig config, QboClock clock) {
        this.config = config;
        this.clock = clock;
        reset();
    }

    /** Records a request for the realm and answers true, or answers false (and records nothing) when over a limit. */
    public boolean tryAcquire(String realmId) {
        Instant now = clock.now();
        Deque<Instant> window = accepted.computeIfAbsent(realmId, r -> new ArrayDeque<>());
        synchronized (window) {
            while (!window.isEmpty() && !window.peekFirst().isAfter(now.minus(MINUTE))) {
                window.pollFirst();
            }
            if (window.size() >= perMinute) {
                return false;
            }
            Instant secondAgo = now.minus(SECOND);
            long lastSecond = window.stream().filter(t -> t.isAfter(secondAgo)).count();
            if (lastSecond >= perSecond) {
                return false;
            }
            window.addLast(now);
            return true;
        }
    }

    /** Replaces the limits until the next reset. */
    public void setLimits(int requestsPerSecond, int requestsPerMinute) {
        this.perSecond = requestsPerSecond;
        this.perMinute = requestsPerMinute;
    }

    public int perSecond() {
        return perSecond;
    }

    public int perMinute() {
        return perMinute;
    }

    @Override
    public void reset() {
        accepted.clear();
        setLimits(config.throttle().perSecond(), config.throttle().perMinute());
    }
}
