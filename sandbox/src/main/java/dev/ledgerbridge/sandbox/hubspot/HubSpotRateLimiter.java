package dev.ledgerbridge.sandbox.hubspot;

import dev.ledgerbridge.sandbox.Reseedable;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;

/**
 * HubSpot's rolling per-portal request limit (110 requests per 10 s by default). The limit can be changed
 * at run time through the admin API; reset puts the configured one back.
 */
@ApplicationScoped
public class HubSpotRateLimiter implements Reseedable {

    /** Decision for one request: allowed or not, and what the rate-limit headers report. */
    public record Decision(boolean allowed, int max, long windowMillis, int remaining) {
    }

    private final HubSpotSandboxConfig config;
    private final Map<String, Deque<Long>> windows = new HashMap<>();
    private int max;
    private long windowMillis;

    public HubSpotRateLimiter(HubSpotSandboxConfig config) {
        this.config = config;
        reset();
    }

    @Override
    public synchronized void reset() {
        windows.clear();
        max = config.rateLimit().requests();
        windowMillis = config.rateLimit().window().toMillis();
    }

    public synchronized void configure(int requests, Duration window) {
        max = requests;
        windowMillis = window.toMillis();
        windows.clear();
    }

    public synchronized Decision acquire(String key) {
        long now = System.nanoTime() / 1_000_000;
        Deque<Long> w = windows.computeIfAbsent(key, k -> new ArrayDeque<>());
        while (!w.isEmpty() && now - w.peekFirst() >= windowMillis) {
            w.pollFirst();
        }
        if (w.size() >= max) {
            return new Decision(false, max, windowMillis, 0);
        }
        w.addLast(now);
        return new Decision(true, max, windowMillis, max - w.size());
    }
}
