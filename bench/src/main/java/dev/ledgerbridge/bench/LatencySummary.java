package dev.ledgerbridge.bench;

import java.util.Arrays;
import java.util.Collection;

/**
 * Percentiles of a set of latencies in milliseconds, by the nearest-rank method (the value below which the given
 * share of samples falls, always one of the samples: no interpolation that would invent a latency nobody saw).
 */
public record LatencySummary(int count, double mean, long p50, long p95, long p99, long max) {

    /** The summary of the samples; all zero when there are none. */
    public static LatencySummary of(Collection<Long> samples) {
        if (samples.isEmpty()) {
            return new LatencySummary(0, 0, 0, 0, 0, 0);
        }
        long[] sorted = samples.stream().mapToLong(Long::longValue).toArray();
        Arrays.sort(sorted);
        double mean = Arrays.stream(sorted).average().orElse(0);
        return new LatencySummary(sorted.length, mean, rank(sorted, 0.50), rank(sorted, 0.95), rank(sorted, 0.99),
                sorted[sorted.length - 1]);
    }

    /** Nearest rank: the smallest sample with at least {@code share} of all samples at or below it. */
    static long rank(long[] sorted, double share) {
        int index = (int) Math.ceil(share * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }
}
