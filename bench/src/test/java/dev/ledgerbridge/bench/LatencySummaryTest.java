package dev.ledgerbridge.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class LatencySummaryTest {

    @Test
    void shouldTakeNearestRankPercentilesFromAHundredSamples() {
        List<Long> samples = new ArrayList<>();
        for (long i = 1; i <= 100; i++) {
            samples.add(i);
        }
        Collections.shuffle(samples, new java.util.Random(1));

        LatencySummary s = LatencySummary.of(samples);

        assertEquals(100, s.count());
        assertEquals(50, s.p50());
        assertEquals(95, s.p95());
        assertEquals(99, s.p99());
        assertEquals(100, s.max());
        assertEquals(50.5, s.mean(), 1e-9);
    }

    @Test
    void shouldReportTheOnlySlowSampleAsP99OfFewSamples() {
        // With 10 samples the 99th percentile is the largest: one slow answer in ten must show, not be averaged away.
        LatencySummary s = LatencySummary.of(List.of(5L, 5L, 5L, 5L, 5L, 5L, 5L, 5L, 5L, 900L));

        assertEquals(5, s.p50());
        assertEquals(900, s.p95());
        assertEquals(900, s.p99());
    }

    @Test
    void shouldBeAllZeroWithoutSamples() {
        assertEquals(new LatencySummary(0, 0, 0, 0, 0, 0), LatencySummary.of(List.of()));
    }
}
