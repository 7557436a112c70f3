package dev.ledgerbridge.quickbooks;

import java.time.Duration;
import java.util.Map;

/**
 * Observes every HTTP request the client sends to QBO, so a service can count, time and trace vendor calls
 * without this library depending on a metrics or tracing API.
 * <p>{@link #start} runs on the caller's context right before the request leaves (once per attempt, so a
 * throttled call that is retried is two calls); the returned {@link Call} is told how it ended exactly once.
 */
public interface QboCallListener {

    /** A listener that does nothing (the default). */
    QboCallListener NONE = (method, endpoint) -> Call.NONE;

    /**
     * A request is about to be sent.
     *
     * @param method   HTTP method, e.g. {@code POST}
     * @param endpoint path template without realm, ids or query, e.g. {@code /v3/company/{realmId}/invoice}
     */
    Call start(String method, String endpoint);

    /** QBO answered 429 and the client waits {@code wait} before its next attempt. */
    default void throttled(String endpoint, Duration wait) {
    }

    /** The company's pacing ({@link RealmPacer}) holds the call back for {@code wait} before it is sent. */
    default void paced(String endpoint, Duration wait) {
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

        /** QBO answered with this HTTP status (any status, 2xx or not). */
        default void completed(int status) {
        }

        /** No answer: connection refused, timeout, reset. */
        default void failed(Throwable failure) {
        }
    }
}
