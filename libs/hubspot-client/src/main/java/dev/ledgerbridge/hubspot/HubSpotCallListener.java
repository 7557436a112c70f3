package dev.ledgerbridge.hubspot;

import java.time.Duration;
import java.util.Map;

/**
 * Observes every HTTP request the client sends to HubSpot, so a service can count, time and trace vendor calls
 * without this library depending on a metrics or tracing API.
 * <p>{@link #start} runs on the caller's context right before the request leaves (once per attempt, so a
 * throttled call that is retried is two calls); the returned {@link Call} is told how it ended exactly once.
 */
public interface HubSpotCallListener {

    /** A listener that does nothing (the default). */
    HubSpotCallListener NONE = (method, endpoint) -> Call.NONE;

    /**
     * A request is about to be sent.
     *
     * @param method   HTTP method, e.g. {@code POST}
     * @param endpoint the call's path template (no ids, no query), e.g. {@code /crm/v3/objects/deals/{dealId}}
     */
    Call start(String method, String endpoint);

    /** HubSpot answered 429 and the client waits {@code wait} before its next attempt. */
    default void throttled(String endpoint, Duration wait) {
    }

    /** One request in flight. */
    interface Call {

        /** A call that adds no header and records nothing. */
        Call NONE = new Call() {
        };

        /** Headers to add to the request, e.g. W3C {@code traceparent}; never authorization. */
        default Map<String, String> headers() {
            return Map.of();
        }

        /** HubSpot answered with this HTTP status (any status, 2xx or not). */
        default void completed(int status) {
        }

        /** No answer: connection refused, timeout, reset. */
        default void failed(Throwable failure) {
        }
    }
}
