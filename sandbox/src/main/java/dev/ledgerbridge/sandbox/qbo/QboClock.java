package dev.ledgerbridge.sandbox.qbo;

import dev.ledgerbridge.sandbox.Reseedable;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/** The QBO half's notion of "now", which tests pin and advance instead of sleeping. */
@ApplicationScoped
public class QboClock implements Reseedable {

    private volatile Clock clock = Clock.systemUTC();

    /** The current instant. */
    public Instant now() {
        return clock.instant();
    }

    /** Freezes time at {@code instant}. */
    public void pin(Instant instant) {
        clock = Clock.fixed(instant, java.time.ZoneOffset.UTC);
    }

    /** Moves a pinned (or running) clock forward. */
    public void advance(Duration duration) {
        clock = Clock.offset(clock, duration);
    }

    /** Back to real time. */
    public void useSystemTime() {
        clock = Clock.systemUTC();
    }

    @Override
    public void reset() {
        useSystemTime();
    }
}
