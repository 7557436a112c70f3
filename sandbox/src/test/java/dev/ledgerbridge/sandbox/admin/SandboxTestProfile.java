package dev.ledgerbridge.sandbox.admin;

import io.quarkus.test.junit.QuarkusTestProfile;

import java.util.Map;

/**
 * Test settings for the HubSpot half and the admin layer: a retry schedule in milliseconds instead of
 * minutes, and a rate limit high enough that only the rate-limit test (which lowers it) ever meets it.
 */
public class SandboxTestProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "ledgerbridge.sandbox.workflow.retry.initial-delay", "PT0.05S",
                "ledgerbridge.sandbox.workflow.retry.multiplier", "2",
                "ledgerbridge.sandbox.workflow.retry.max-delay", "PT0.2S",
                "ledgerbridge.sandbox.workflow.retry.max-attempts", "4",
                "ledgerbridge.sandbox.workflow.request-timeout", "PT5S",
                "ledgerbridge.sandbox.hubspot.rate-limit.requests", "100000");
    }
}
