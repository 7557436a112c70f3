package dev.ledgerbridge.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BenchOptionsTest {

    @Test
    void shouldDefaultToAnOpenLoopAt50PerSecondForCreateInvoice() {
        BenchOptions o = BenchOptions.parse(new String[0]);

        assertEquals(List.of(50.0), o.rates());
        assertTrue(o.concurrencies().isEmpty());
        assertEquals(Map.of("create-invoice", 1), o.mix());
        assertEquals(Duration.ofSeconds(30), o.duration());
        assertEquals(Duration.ofSeconds(60), o.warmup());
        assertNull(o.maxActions());
        assertFalse(o.faults());
        assertEquals("r50", o.name());
        assertTrue(o.resultsDir().endsWith("bench/results"));
    }

    @Test
    void shouldReadSeveralRatesAsStagesOfOneRun() {
        BenchOptions o = BenchOptions.parse(new String[] {"--rate", "50,200", "--duration", "1m", "--warmup", "500ms",
                "--max-actions", "9000", "--name", "quiet-box", "--service-jvm", " -Xmx96m  -Xss256k"});

        assertEquals(List.of(50.0, 200.0), o.rates());
        assertEquals(Duration.ofMinutes(1), o.duration());
        assertEquals(Duration.ofMillis(500), o.warmup());
        assertEquals(9000, o.maxActions());
        assertEquals("quiet-box", o.name());
        assertEquals(List.of("-Xmx96m", "-Xss256k"), o.serviceJvm());
    }

    @Test
    void shouldRefuseARateAndAConcurrencyTogether() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> BenchOptions.parse(new String[] {"--rate", "10", "--concurrency", "4"}));
        assertTrue(e.getMessage().contains("not both"), e.getMessage());
    }

    @Test
    void shouldNameAClosedLoopByItsConcurrency() {
        BenchOptions o = BenchOptions.parse(new String[] {"--concurrency", "8,16"});

        assertTrue(o.rates().isEmpty());
        assertEquals(List.of(8, 16), o.concurrencies());
        assertEquals("c8-16", o.name());
    }

    @Test
    void shouldRunAHundredExecutionsWithOneKillInTheShortFaultRun() {
        BenchOptions shortRun = BenchOptions.parse(new String[] {"--faults", "--short"});
        BenchOptions full = BenchOptions.parse(new String[] {"--faults"});

        assertEquals(100, shortRun.executions());
        assertEquals(1, shortRun.kills());
        assertEquals("faults-short", shortRun.name());
        assertEquals(1000, full.executions());
        assertEquals(5, full.kills());
        assertEquals(1500, BenchOptions.parse(new String[] {"--faults", "--executions", "1500"}).executions());
    }

    @Test
    void shouldReadAWeightedMixAndDropZeroWeights() {
        assertEquals(Map.of("create-invoice", 3, "create-estimate", 1),
                BenchOptions.parseMix("create-invoice=3, create-estimate=1, create-sales-receipt=0"));
        assertThrows(IllegalArgumentException.class, () -> BenchOptions.parseMix("create-invoice=0"));
    }

    @Test
    void shouldRefuseUnknownArgumentsAndBadDurations() {
        assertThrows(IllegalArgumentException.class, () -> BenchOptions.parse(new String[] {"--turbo"}));
        assertThrows(IllegalArgumentException.class, () -> BenchOptions.parse(new String[] {"--duration", "soon"}));
        assertThrows(IllegalArgumentException.class, () -> BenchOptions.parse(new String[] {"--rate"}));
        assertThrows(IllegalArgumentException.class, () -> BenchOptions.parse(new String[] {"--rate", "-5"}));
        assertThrows(IllegalArgumentException.class, () -> BenchOptions.parse(new String[] {"--name", "../escape"}));
    }
}
