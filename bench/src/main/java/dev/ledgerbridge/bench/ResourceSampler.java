package dev.ledgerbridge.bench;

import dev.ledgerbridge.e2e.SuiteApp;
import dev.ledgerbridge.e2e.SuiteLauncher;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Samples each service process during a measured window: RSS every 250 ms (first, peak, last) and CPU time spent
 * in the window (utime + stime at the end minus at the start).
 */
final class ResourceSampler implements AutoCloseable {

    /** One process over the window: RSS in MB, CPU seconds and the share of one core it used. */
    record Usage(long pid, double rssStartMb, double rssPeakMb, double rssEndMb, double cpuSeconds, double cpuPercentOfOneCore) {

        Map<String, Object> view() {
            Map<String, Object> v = new LinkedHashMap<>();
            v.put("pid", pid);
            v.put("rssStartMb", round(rssStartMb));
            v.put("rssPeakMb", round(rssPeakMb));
            v.put("rssEndMb", round(rssEndMb));
            v.put("cpuSeconds", round(cpuSeconds));
            v.put("cpuPercentOfOneCore", round(cpuPercentOfOneCore));
            return v;
        }
    }

    private final SuiteLauncher launcher;
    private final List<SuiteApp> apps;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "bench-resource-sampler");
        t.setDaemon(true);
        return t;
    });
    private final Map<SuiteApp, Long> startTicks = new EnumMap<>(SuiteApp.class);
    private final Map<SuiteApp, Long> startRss = new EnumMap<>(SuiteApp.class);
    private final Map<SuiteApp, Long> peakRss = new EnumMap<>(SuiteApp.class);
    private long startNanos;
    private long startedAtMillis;

    ResourceSampler(SuiteLauncher launcher, List<SuiteApp> apps) {
        this.launcher = launcher;
        this.apps = apps;
    }

    /** Starts the window. */
    synchronized void start() {
        startNanos = System.nanoTime();
        startedAtMillis = System.currentTimeMillis();
        for (SuiteApp app : apps) {
            long pid = launcher.pid(app);
            startTicks.put(app, ProcessReadings.cpuTicks(pid));
            long rss = ProcessReadings.rssKb(pid);
            startRss.put(app, rss);
            peakRss.put(app, rss);
        }
        timer.scheduleAtFixedRate(this::sample, 250, 250, TimeUnit.MILLISECONDS);
    }

    private synchronized void sample() {
        for (SuiteApp app : apps) {
            peakRss.merge(app, ProcessReadings.rssKb(launcher.pid(app)), Math::max);
        }
    }

    /** Wall-clock start of the window. */
    synchronized long startedAtMillis() {
        return startedAtMillis;
    }

    /** Ends the window and returns each process's usage in it. */
    synchronized Map<SuiteApp, Usage> stop() {
        timer.shutdownNow();
        double seconds = (System.nanoTime() - startNanos) / 1e9;
        Map<SuiteApp, Usage> usage = new EnumMap<>(SuiteApp.class);
        for (SuiteApp app : apps) {
            long pid = launcher.pid(app);
            long rss = ProcessReadings.rssKb(pid);
            long peak = Math.max(peakRss.get(app), rss);
            double cpu = (ProcessReadings.cpuTicks(pid) - startTicks.get(app)) / (double) ProcessReadings.TICKS_PER_SECOND;
            usage.put(app, new Usage(pid, startRss.get(app) / 1024.0, peak / 1024.0, rss / 1024.0, cpu,
                    seconds > 0 ? cpu / seconds * 100 : 0));
        }
        return usage;
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }

    static double round(double value) {
        return Math.round(value * 10) / 10.0;
    }
}
