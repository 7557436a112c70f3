package dev.ledgerbridge.quickbooks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The per-company pacing on a hand-driven clock: bursts, queueing, refill, the minute limit, realms apart. */
class RealmPacerTest {

    private final AtomicLong now = new AtomicLong(1_000_000_000L);

    @Test
    void shouldLetABurstOfTheSecondRateThroughAndQueueTheRestEvenly() {
        RealmPacer pacer = new RealmPacer(10, 0, now::get);
        for (int i = 0; i < 10; i++) {
            assertEquals(Duration.ZERO, pacer.reserve("1"), "call " + i);
        }
        assertEquals(Duration.ofMillis(100), pacer.reserve("1"));
        assertEquals(Duration.ofMillis(200), pacer.reserve("1"));
        assertEquals(Duration.ofMillis(300), pacer.reserve("1"));
    }

    @Test
    void shouldRefillWithTime() {
        RealmPacer pacer = new RealmPacer(10, 0, now::get);
        for (int i = 0; i < 10; i++) {
            pacer.reserve("1");
        }
        now.addAndGet(Duration.ofMillis(500).toNanos());
        for (int i = 0; i < 5; i++) {
            assertEquals(Duration.ZERO, pacer.reserve("1"), "refilled call " + i);
        }
        assertTrue(pacer.reserve("1").compareTo(Duration.ZERO) > 0);
    }

    @Test
    void shouldHoldCallsBackByTheMinuteLimitToo() {
        RealmPacer pacer = new RealmPacer(0, 60, now::get);
        for (int i = 0; i < 60; i++) {
            assertEquals(Duration.ZERO, pacer.reserve("1"));
        }
        assertEquals(Duration.ofSeconds(1), pacer.reserve("1"));
        now.addAndGet(Duration.ofSeconds(30).toNanos());
        for (int i = 0; i < 29; i++) {
            assertEquals(Duration.ZERO, pacer.reserve("1"), "call " + i);
        }
        assertTrue(pacer.reserve("1").compareTo(Duration.ZERO) > 0);
    }

    @Test
    void shouldLetTheFirstCallThroughAtOnceEvenBelowOnePerSecond() {
        RealmPacer pacer = new RealmPacer(0.5, 0, now::get);
        assertEquals(Duration.ZERO, pacer.reserve("1"));
        assertEquals(Duration.ofSeconds(2), pacer.reserve("1"));
        now.addAndGet(Duration.ofSeconds(60).toNanos());
        assertEquals(Duration.ZERO, pacer.reserve("1"));
    }

    @Test
    void shouldPaceEachCompanyOnItsOwn() {
        RealmPacer pacer = new RealmPacer(1, 0, now::get);
        assertEquals(Duration.ZERO, pacer.reserve("1"));
        assertEquals(Duration.ofSeconds(1), pacer.reserve("1"));
        assertEquals(Duration.ZERO, pacer.reserve("2"));
    }

    @Test
    void shouldNotPaceWhenBothRatesAreZeroAndRefuseNegativeRates() {
        RealmPacer off = new RealmPacer(0, 0, now::get);
        for (int i = 0; i < 1000; i++) {
            assertEquals(Duration.ZERO, off.reserve("1"));
        }
        assertThrows(IllegalArgumentException.class, () -> new RealmPacer(-1, 0));
    }
}
