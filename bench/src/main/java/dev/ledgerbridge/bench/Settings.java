package dev.ledgerbridge.bench;

import java.util.LinkedHashMap;
import java.util.Map;

/** The sandbox settings each kind of run launches with, written into every report. */
final class Settings {

    /**
     * Load runs: the sandbox's QBO throttle (10/s per company, like QBO) and HubSpot's per-portal limit
     * (110 per 10 s) would cap a single company and portal far below the 200 actions/s target, so both are raised;
     * the suite's own pacing against those limits is issue 6's, not this measurement's. Retries are compressed so a
     * stray transient failure does not hold a stage's drain for a minute. The engine keeps its default of 200
     * connections: with 4000 every request reached the gateway at once and every first attempt hit the engine's
     * 30 s timeout (the gateway has no admission control), so the engine's queue is part of what is measured.
     */
    static final Map<String, String> LOAD_SANDBOX = ordered(
            "sandbox.qbo.throttle.per-second", "100000",
            "sandbox.qbo.throttle.per-minute", "6000000",
            "ledgerbridge.sandbox.hubspot.rate-limit.requests", "10000000",
            "ledgerbridge.sandbox.workflow.retry.initial-delay", "PT1S",
            "ledgerbridge.sandbox.workflow.retry.max-delay", "PT5S",
            "quarkus.log.category.\"dev.ledgerbridge.sandbox.workflow\".level", "WARN");

    /**
     * Fault runs: HubSpot's retry schedule (a minute, doubling, for three days) compressed to seconds with the same
     * shape, and enough attempts that an execution is never abandoned while a killed service restarts or a lease
     * held by a killed gateway runs out; the limits are raised as for load runs, so every 429 is an injected one.
     */
    static final Map<String, String> FAULT_SANDBOX = ordered(
            "sandbox.qbo.throttle.per-second", "100000",
            "sandbox.qbo.throttle.per-minute", "6000000",
            "ledgerbridge.sandbox.hubspot.rate-limit.requests", "10000000",
            "ledgerbridge.sandbox.workflow.retry.initial-delay", "PT0.5S",
            "ledgerbridge.sandbox.workflow.retry.multiplier", "2",
            "ledgerbridge.sandbox.workflow.retry.max-delay", "PT4S",
            "ledgerbridge.sandbox.workflow.retry.max-attempts", "1000",
            "ledgerbridge.sandbox.workflow.retry.max-duration", "PT1H");

    private Settings() {
    }

    private static Map<String, String> ordered(String... keyValues) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            map.put(keyValues[i], keyValues[i + 1]);
        }
        return map;
    }
}
