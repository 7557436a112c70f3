package dev.ledgerbridge.sandbox.otlp;

import java.util.Map;

/**
 * One span as an OpenTelemetry exporter sent it: ids in lower-case hex, the exporting service's
 * {@code service.name}, and its string/number/bool attributes as text.
 */
public record ReceivedSpan(String traceId, String spanId, String parentSpanId, String service, String name,
        String kind, long startEpochNanos, long endEpochNanos, Map<String, String> attributes) {
}
