package dev.ledgerbridge.bench;

import java.util.List;
import java.util.Map;

/** Renders a run's report as Markdown: the stages or the fault run, the targets, the machine and the settings. */
final class ReportWriter {

    private ReportWriter() {
    }

    @SuppressWarnings("unchecked")
    static String markdown(Map<String, Object> report) {
        StringBuilder md = new StringBuilder();
        md.append("# LedgerBridge ").append("faults".equals(report.get("kind")) ? "fault-injection run" : "benchmark")
                .append(": ").append(report.get("name")).append("\n\n");
        Map<String, Object> machine = (Map<String, Object>) report.get("machine");
        md.append("- Started ").append(report.get("startedAt")).append(", finished ").append(report.get("finishedAt")).append('\n');
        md.append("- Commit `").append(machine.get("commit")).append('`')
                .append(Boolean.TRUE.equals(machine.get("uncommittedChanges")) ? " (with uncommitted changes)" : "").append('\n');
        md.append("- Machine: ").append(machine.get("cores")).append(" cores (").append(machine.get("cpuModel")).append("), ")
                .append(machine.get("memoryMb")).append(" MB, ").append(machine.get("java")).append('\n');
        md.append("- Load average before the run: ").append(machine.get("loadAverageBefore"))
                .append(" (other builds share this machine: numbers are noisy)\n");
        md.append("- Sandbox settings: ");
        ((Map<String, Object>) report.get("sandboxSettings")).forEach((k, v) -> md.append('`').append(k).append('=').append(v).append("` "));
        md.append('\n');
        if (report.containsKey("serviceJvmArguments")) {
            md.append("- Service JVMs: the launcher's `-Xmx256m -XX:+UseSerialGC`, then ").append(report.get("serviceJvmArguments")).append('\n');
        }
        if (report.containsKey("flightRecording")) {
            md.append("- Gateway flight recording: `").append(report.get("flightRecording")).append("`\n");
        }
        md.append('\n');
        if (report.containsKey("targets")) {
            md.append("## Targets (issue 10)\n\n| target | measured | verdict |\n|---|---|---|\n");
            for (Map<String, Object> t : (List<Map<String, Object>>) report.get("targets")) {
                md.append("| ").append(t.get("target")).append(" | ").append(t.get("measured")).append(" | ")
                        .append(t.get("verdict")).append(" |\n");
            }
            md.append('\n');
        }
        if (report.containsKey("stages")) {
            for (Map<String, Object> stage : (List<Map<String, Object>>) report.get("stages")) {
                md.append(stageMarkdown(stage));
            }
        }
        if (report.containsKey("faultRun")) {
            md.append(faultMarkdown((Map<String, Object>) report.get("faultRun")));
        }
        md.append("\n## Service start\n\n| service | Quarkus started in (ms) | launch to ready (ms) |\n|---|---|---|\n");
        ((Map<String, Object>) report.get("ready")).forEach((module, r) -> {
            Map<String, Object> m = (Map<String, Object>) r;
            md.append("| ").append(module).append(" | ").append(m.get("quarkusStartedInMs")).append(" | ")
                    .append(m.get("readyAfterLaunchMs")).append(" |\n");
        });
        md.append("\nAll six JVMs (sandbox included) start at once on the shared cores, so these are upper bounds.\n");
        return md.toString();
    }

    @SuppressWarnings("unchecked")
    static String stageMarkdown(Map<String, Object> stage) {
        StringBuilder md = new StringBuilder();
        md.append("\n## Stage: ").append(stage.get("label")).append("\n\n");
        md.append("Measured ").append(stage.get("measuredSeconds")).append(" s after the warm-up; ")
                .append(stage.get("enrolled")).append(" executions enrolled (").append(stage.get("enrolledPerSecond"))
                .append("/s), ").append(stage.get("enrollFailures")).append(" enrollments failed; load average before ")
                .append(stage.get("loadAverageBefore")).append("; drained ").append(stage.get("drained"))
                .append(" in ").append(stage.get("drainSeconds")).append(" s.\n\n");
        ((Map<String, Object>) stage.get("actions")).forEach((action, value) -> {
            Map<String, Object> a = (Map<String, Object>) value;
            md.append("**").append(action).append("**: ").append(a.get("executions")).append(" executions, states ")
                    .append(a.get("states")).append(", ").append(a.get("completedPerSecond")).append(" completed/s, ")
                    .append(a.get("retriedExecutions")).append(" retried\n\n");
            md.append("| latency (ms) | count | mean | p50 | p95 | p99 | max |\n|---|---|---|---|---|---|---|\n");
            latencyRow(md, "gateway answer, first attempt (engine's timing)", (Map<String, Object>) a.get("latencyFirstAttemptMs"));
            latencyRow(md, "gateway answer, every attempt", (Map<String, Object>) a.get("latencyAllAttemptsMs"));
            latencyRow(md, "enroll to finished (engine's timestamps)", (Map<String, Object>) a.get("latencyEnrollToFinishedMs"));
            md.append("\nWhere the answer time goes, per hop (warm executions answered at the first attempt; the sandbox "
                    + "stamps each vendor call as it arrives):\n\n| hop (ms) | count | mean | p50 | p95 | p99 | max |\n|---|---|---|---|---|---|---|\n");
            ((Map<String, Object>) a.get("hopsMs")).forEach((hop, s) -> latencyRow(md, hop, (Map<String, Object>) s));
            Map<String, Object> calls = (Map<String, Object>) a.get("vendorCallsPerAction");
            md.append("\n| vendor calls per action | HubSpot reads | HubSpot writes | QBO reads | QBO writes | total |\n|---|---|---|---|---|---|\n");
            md.append("| mean | ").append(calls.get("hubspotReads")).append(" | ").append(calls.get("hubspotWrites")).append(" | ")
                    .append(calls.get("qboReads")).append(" | ").append(calls.get("qboWrites")).append(" | ")
                    .append(calls.get("total")).append(" |\n\n");
            md.append("Executions at exactly the warm floor (3R+1W HubSpot, 0R+1W QBO): ").append(calls.get("executionsAtTheFloor"))
                    .append(" of ").append(a.get("executions")).append("; shapes: ").append(calls.get("shapes")).append("\n\n");
        });
        Map<String, Object> cpu = (Map<String, Object>) stage.get("cpuPerAction");
        if (cpu != null) {
            md.append("CPU per action (CPU time from the window's start to the end of the drain / executions finished in that time, "
                    + "warm-up stragglers included): services together ").append(cpu.get("servicesCpuMsPerAction"))
                    .append(" ms, sandbox ").append(cpu.get("sandboxCpuMsPerAction")).append(" ms; ")
                    .append(cpu.get("executionsFinishedWhileSampled")).append(" executions.\n\n");
        }
        md.append("| process (window and drain) | pid | RSS start (MB) | RSS peak (MB) | RSS end (MB) | CPU (s) | CPU (% of one core) |\n|---|---|---|---|---|---|---|\n");
        ((Map<String, Object>) stage.get("resources")).forEach((module, value) -> {
            Map<String, Object> u = (Map<String, Object>) value;
            md.append("| ").append(module).append(" | ").append(u.get("pid")).append(" | ").append(u.get("rssStartMb")).append(" | ")
                    .append(u.get("rssPeakMb")).append(" | ").append(u.get("rssEndMb")).append(" | ").append(u.get("cpuSeconds"))
                    .append(" | ").append(u.get("cpuPercentOfOneCore")).append(" |\n");
        });
        return md.toString();
    }

    private static void latencyRow(StringBuilder md, String label, Map<String, Object> s) {
        md.append("| ").append(label).append(" | ").append(s.get("count")).append(" | ").append(s.get("mean")).append(" | ")
                .append(s.get("p50")).append(" | ").append(s.get("p95")).append(" | ").append(s.get("p99")).append(" | ")
                .append(s.get("max")).append(" |\n");
    }

    @SuppressWarnings("unchecked")
    static String faultMarkdown(Map<String, Object> run) {
        StringBuilder md = new StringBuilder();
        Map<String, Object> audit = (Map<String, Object>) run.get("audit");
        md.append("\n## Exactly-once audit: ").append(Boolean.TRUE.equals(run.get("passed")) ? "PASSED" : "FAILED").append("\n\n");
        md.append("| count | value |\n|---|---|\n");
        audit.forEach((k, v) -> md.append("| ").append(k).append(" | ").append(v).append(" |\n"));
        md.append("| time to drain (last enrollment to every delivery answered) | ").append(run.get("drainSeconds")).append(" s |\n");
        md.append("\n").append(run.get("executions")).append(" executions enrolled at ").append(run.get("enrollmentsPerSecond"))
                .append("/s over ").append(run.get("enrollSeconds")).append(" s.\n\n");
        md.append("Fault rules (first match decides): `").append(run.get("faultRules")).append("`; faults injected per rule: ")
                .append(run.get("faultsInjectedPerRule")).append("\n\n");
        md.append("| killed (SIGKILL) | after enrollments | down (s) | launch to ready (ms) | Quarkus started in (ms) |\n|---|---|---|---|---|\n");
        for (Map<String, Object> k : (List<Map<String, Object>>) run.get("kills")) {
            md.append("| ").append(k.get("service")).append(" | ").append(k.get("afterEnrollments")).append(" | ")
                    .append(k.get("downSeconds")).append(" | ").append(k.get("restartReadyMs")).append(" | ")
                    .append(k.get("quarkusStartedInMs")).append(" |\n");
        }
        List<Map<String, Object>> findings = (List<Map<String, Object>>) run.get("findings");
        if (!findings.isEmpty()) {
            md.append("\nFindings (first 200):\n\n| callbackId | deal | realm | problem |\n|---|---|---|---|\n");
            for (Map<String, Object> f : findings) {
                md.append("| ").append(f.get("callbackId")).append(" | ").append(f.get("objectId")).append(" | ")
                        .append(f.get("realm")).append(" | ").append(f.get("problem")).append(" |\n");
            }
        }
        return md.toString();
    }
}
