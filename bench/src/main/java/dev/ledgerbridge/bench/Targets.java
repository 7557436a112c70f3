package dev.ledgerbridge.bench;

import dev.ledgerbridge.e2e.SuiteApp;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Issue 10's targets, each with what this run measured and by how much it was met or missed. */
final class Targets {

    private Targets() {
    }

    /** Evaluates the report's stages and readiness; a target no stage measured says so instead of guessing. */
    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> evaluate(Map<String, Object> report) {
        List<Map<String, Object>> stages = (List<Map<String, Object>>) report.getOrDefault("stages", List.of());
        List<Map<String, Object>> targets = new ArrayList<>();

        int executions = 0;
        int atFloor = 0;
        double qboReads = 0;
        for (Map<String, Object> stage : stages) {
            Map<String, Object> a = invoice(stage);
            if (a != null) {
                int n = (int) a.get("executions");
                executions += n;
                Map<String, Object> calls = (Map<String, Object>) a.get("vendorCallsPerAction");
                atFloor += (int) calls.get("executionsAtTheFloor");
                qboReads += (double) calls.get("qboReads") * n;
            }
        }
        targets.add(target("warm create-invoice: exactly 5 vendor calls (HubSpot 3 reads + 1 write, QBO 1 write, 0 QBO reads)",
                executions == 0 ? "not measured" : atFloor + " of " + executions + " executions at exactly that; "
                        + Math.round(qboReads) + " QBO reads in all",
                executions == 0 ? "n/a" : atFloor == executions ? "met" : "missed by " + (executions - atFloor) + " executions"));

        Map<String, Object> best = null;
        double bestRate = 0;
        for (Map<String, Object> stage : stages) {
            Map<String, Object> a = invoice(stage);
            if (a == null) {
                continue;
            }
            double rate = ((Number) a.get("completedPerSecond")).doubleValue();
            if (rate > bestRate) {
                bestRate = rate;
                best = stage;
            }
        }
        targets.add(target(">= 200 create-invoice actions/s sustained",
                best == null ? "not measured" : bestRate + " completed/s in stage \"" + best.get("label") + "\"",
                best == null ? "n/a" : bestRate >= 200 ? "met" : "missed by " + ResourceSampler.round(200 - bestRate)
                        + "/s (" + Math.round(100 - bestRate / 2) + "% short)"));

        Map<String, Object> at50 = stages.stream().filter(s -> Double.valueOf(50).equals(s.get("rate"))).findFirst().orElse(null);
        if (at50 == null || invoice(at50) == null) {
            targets.add(target("p99 < 100 ms at 50 actions/s", "no 50/s stage in this run", "n/a"));
            targets.add(target("each service < 150 MB RSS at 50 actions/s", "no 50/s stage in this run", "n/a"));
        } else {
            Map<String, Object> a = invoice(at50);
            long p99Answer = ((Number) ((Map<String, Object>) a.get("latencyFirstAttemptMs")).get("p99")).longValue();
            long p99Done = ((Number) ((Map<String, Object>) a.get("latencyEnrollToFinishedMs")).get("p99")).longValue();
            targets.add(target("p99 < 100 ms at 50 actions/s",
                    "gateway answer (first attempt) p99 " + p99Answer + " ms; enroll to finished p99 " + p99Done + " ms",
                    p99Answer < 100 ? "met (answer time)" : "missed by " + (p99Answer - 99) + " ms (answer time)"));
            Map<String, Object> resources = (Map<String, Object>) at50.get("resources");
            List<String> over = new ArrayList<>();
            StringBuilder measured = new StringBuilder();
            resources.forEach((module, usage) -> {
                if (module.equals(SuiteApp.SANDBOX.module())) {
                    return;
                }
                double peak = ((Number) ((Map<String, Object>) usage).get("rssPeakMb")).doubleValue();
                measured.append(measured.length() == 0 ? "" : ", ").append(module).append(' ').append(peak).append(" MB");
                if (peak >= 150) {
                    over.add(module + " by " + ResourceSampler.round(peak - 150) + " MB");
                }
            });
            targets.add(target("each service < 150 MB RSS at 50 actions/s", "peak " + measured,
                    over.isEmpty() ? "met" : "missed: " + String.join(", ", over)));
        }

        Map<String, Object> ready = (Map<String, Object>) report.getOrDefault("ready", Map.of());
        List<String> slow = new ArrayList<>();
        StringBuilder measured = new StringBuilder();
        ready.forEach((module, r) -> {
            long started = ((Number) ((Map<String, Object>) r).get("quarkusStartedInMs")).longValue();
            long afterLaunch = ((Number) ((Map<String, Object>) r).get("readyAfterLaunchMs")).longValue();
            measured.append(measured.length() == 0 ? "" : ", ").append(module).append(' ').append(started).append(" ms (")
                    .append(afterLaunch).append(" ms to ready)");
            if (started >= 2000 || started < 0) {
                slow.add(module + (started < 0 ? " (no start line)" : " by " + (started - 1999) + " ms"));
            }
        });
        targets.add(target("each service ready in < 2 s", "Quarkus \"started in\" with all six JVMs starting at once: " + measured,
                slow.isEmpty() ? "met" : "missed: " + String.join(", ", slow)));
        return targets;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> invoice(Map<String, Object> stage) {
        return (Map<String, Object>) ((Map<String, Object>) stage.get("actions")).get("create-invoice");
    }

    private static Map<String, Object> target(String target, String measured, String verdict) {
        Map<String, Object> t = new LinkedHashMap<>();
        t.put("target", target);
        t.put("measured", measured);
        t.put("verdict", verdict);
        return t;
    }
}
