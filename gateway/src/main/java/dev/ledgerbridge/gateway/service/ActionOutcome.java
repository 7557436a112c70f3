package dev.ledgerbridge.gateway.service;

import java.time.Duration;
import java.util.Map;

/**
 * What to answer HubSpot for one delivery: the output fields (a new, or replayed, result), or "busy" with the
 * Retry-After to send while another delivery of the same execution is still running.
 */
public record ActionOutcome(Map<String, String> outputFields, boolean replayed, Duration busyRetryAfter) {

    /** The execution finished now, with these output fields. */
    public static ActionOutcome finished(Map<String, String> outputFields) {
        return new ActionOutcome(outputFields, false, null);
    }

    /** The execution had finished before: its stored output fields, no downstream call made. */
    public static ActionOutcome replay(Map<String, String> outputFields) {
        return new ActionOutcome(outputFields, true, null);
    }

    /** Another delivery holds the execution's lease. */
    public static ActionOutcome busy(Duration retryAfter) {
        return new ActionOutcome(Map.of(), false, retryAfter);
    }

    /**
     * The execution goes on in the background: HubSpot is answered {@code BLOCK} with this expiry and gets the result
     * through the callback API.
     */
    public static ActionOutcome blocked(Duration expiry) {
        return new ActionOutcome(Map.of("hs_execution_state", "BLOCK", "hs_expiration_duration", expiry.toString()),
                false, null);
    }

    /** True when the answer is BLOCK. */
    public boolean isBlocked() {
        return "BLOCK".equals(outputFields.get("hs_execution_state"));
    }

    /** True when HubSpot should come back later (HTTP 429). */
    public boolean isBusy() {
        return busyRetryAfter != null;
    }
}
