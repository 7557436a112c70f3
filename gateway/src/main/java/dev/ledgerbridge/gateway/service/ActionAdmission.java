package dev.ledgerbridge.gateway.service;

import dev.ledgerbridge.gateway.config.GatewayConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Bounds the HubSpot action deliveries this replica works on at once (bench/README.md: without a bound, a burst of
 * deliveries was accepted at once and every answer ran past HubSpot's timeout, so every one was retried). A delivery
 * over the bound is turned away before any work: HubSpot retries it after {@link #retryAfter()}.
 */
@ApplicationScoped
public class ActionAdmission {

    private final int maxInFlight;
    private final Duration retryAfter;
    private final AtomicInteger inFlight = new AtomicInteger();

    public ActionAdmission(GatewayConfig config) {
        this.maxInFlight = config.admission().maxInFlight();
        this.retryAfter = config.admission().retryAfter();
        if (maxInFlight < 1) {
            throw new IllegalArgumentException("ledgerbridge.gateway.admission.max-in-flight must be at least 1");
        }
    }

    /** Takes a slot; false when the replica is at its bound (nothing taken then). Every true must be released. */
    public boolean tryEnter() {
        while (true) {
            int current = inFlight.get();
            if (current >= maxInFlight) {
                return false;
            }
            if (inFlight.compareAndSet(current, current + 1)) {
                return true;
            }
        }
    }

    /** Gives back a slot taken by {@link #tryEnter()}. */
    public void leave() {
        inFlight.decrementAndGet();
    }

    /** Deliveries being worked on now. */
    public int inFlight() {
        return inFlight.get();
    }

    /** What the 429 tells HubSpot to wait. */
    public Duration retryAfter() {
        return retryAfter;
    }
}
