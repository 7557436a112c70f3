package dev.ledgerbridge.sandbox.workflow;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** Settings of the sandbox's HubSpot workflow engine: timeouts, retry schedule, block expiry. */
@ConfigMapping(prefix = "ledgerbridge.sandbox.workflow")
public interface WorkflowConfig {

    /** Connect timeout for action requests. Default PT3S (HubSpot's webhook action allows 3 s). */
    @WithDefault("PT3S")
    Duration connectTimeout();

    /** Time allowed for the action endpoint's answer. Default PT30S. */
    @WithDefault("PT30S")
    Duration requestTimeout();

    /**
     * Connections the engine keeps open to action URLs at most. Default 200: HubSpot delivers many executions at once,
     * and Vert.x's own default of 5 would queue deliveries inside the sandbox and count the wait as the action's
     * answer time.
     */
    @WithDefault("200")
    int maxConnections();

    /** Default block expiry when the response has no hs_expiration_duration. Default P7D (HubSpot: one week). */
    @WithDefault("P7D")
    Duration defaultBlockExpiry();

    /** Workflow id reported in the request context. Default 556677. */
    @WithDefault("556677")
    long workflowId();

    /** Retry schedule for 429 (without Retry-After), 5xx and connection failures. */
    Retry retry();

    /** Exponential back-off; HubSpot retries for up to three days, starting about a minute after a failure. */
    interface Retry {
        /** Delay before the first retry. Default PT1M. */
        @WithDefault("PT1M")
        Duration initialDelay();

        /** Factor applied to the delay after each retry. Default 2. */
        @WithDefault("2")
        double multiplier();

        /** Largest delay between two attempts. Default PT8H. */
        @WithDefault("PT8H")
        Duration maxDelay();

        /** Attempts per delivery, first one included. Default 20. */
        @WithDefault("20")
        int maxAttempts();

        /** Time after the first attempt after which no retry is scheduled. Default P3D. */
        @WithDefault("P3D")
        Duration maxDuration();
    }
}
