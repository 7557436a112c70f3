package dev.ledgerbridge.observability;

import dev.ledgerbridge.quickbooks.QboCallListener;
import dev.ledgerbridge.hubspot.HubSpotCallListener;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * Counts, times and traces every vendor call the SDK clients make: {@code ledgerbridge_vendor_calls_total},
 * {@code ledgerbridge_vendor_call_duration_seconds}, {@code ledgerbridge_vendor_throttle_waits_total} and
 * {@code ledgerbridge_vendor_throttle_wait_seconds_total}, plus one CLIENT span per call whose W3C
 * {@code traceparent} goes out with the request.
 */
@ApplicationScoped
public class VendorCallTelemetry {

    private final MeterRegistry registry;
    private final OpenTelemetry openTelemetry;
    private final Tracer tracer;

    public VendorCallTelemetry(MeterRegistry registry, OpenTelemetry openTelemetry) {
        this.registry = registry;
        this.openTelemetry = openTelemetry;
        this.tracer = openTelemetry.getTracer("dev.ledgerbridge.vendor-clients");
    }

    /** The listener for the QuickBooks Online client. */
    public QboCallListener quickBooks() {
        return new QboCallListener() {
            @Override
            public Call start(String method, String endpoint) {
                return observe("quickbooks", method, endpoint);
            }

            @Override
            public void throttled(String endpoint, Duration wait) {
                recordThrottling("quickbooks", endpoint, wait);
            }

            @Override
            public void paced(String endpoint, Duration wait) {
                Counter.builder("ledgerbridge.vendor.pacing.wait")
                        .description("Time QBO calls were held back by this process's per-company pacing")
                        .baseUnit("seconds")
                        .tags("vendor", "quickbooks", "endpoint", endpoint)
                        .register(registry).increment(wait.toMillis() / 1000.0);
            }
        };
    }

    /** The listener for the HubSpot client. */
    public HubSpotCallListener hubSpot() {
        return new HubSpotCallListener() {
            @Override
            public Call start(String method, String endpoint) {
                return observe("hubspot", method, endpoint);
            }

            @Override
            public void throttled(String endpoint, Duration wait) {
                recordThrottling("hubspot", endpoint, wait);
            }
        };
    }

    private Observation observe(String vendor, String method, String endpoint) {
        Span span = tracer.spanBuilder(method + " " + endpoint)
                .setSpanKind(SpanKind.CLIENT)
                .setAttribute("http.request.method", method)
                .setAttribute("url.template", endpoint)
                .setAttribute("peer.service", vendor)
                .startSpan();
        Map<String, String> headers = new HashMap<>();
        // Only a sampled, real span has a context to propagate; with tracing off this adds nothing.
        openTelemetry.getPropagators().getTextMapPropagator()
                .inject(Context.current().with(span), headers, (carrier, key, value) -> carrier.put(key, value));
        return new Observation(vendor, method, endpoint, span, Map.copyOf(headers), System.nanoTime());
    }

    private void recordThrottling(String vendor, String endpoint, Duration wait) {
        Counter.builder("ledgerbridge.vendor.throttle.waits")
                .description("Times a vendor answered 429 and the client backed off before retrying")
                .tags("vendor", vendor, "endpoint", endpoint)
                .register(registry).increment();
        Counter.builder("ledgerbridge.vendor.throttle.wait")
                .description("Time the client spent backing off after a vendor's 429")
                .baseUnit("seconds")
                .tags("vendor", vendor, "endpoint", endpoint)
                .register(registry).increment(wait.toMillis() / 1000.0);
    }

    /** One call in flight; implements both SDKs' call interfaces (same shape, separate libraries). */
    private final class Observation implements QboCallListener.Call, HubSpotCallListener.Call {

        private final String vendor;
        private final String method;
        private final String endpoint;
        private final Span span;
        private final Map<String, String> headers;
        private final long startedNanos;

        Observation(String vendor, String method, String endpoint, Span span, Map<String, String> headers,
                long startedNanos) {
            this.vendor = vendor;
            this.method = method;
            this.endpoint = endpoint;
            this.span = span;
            this.headers = headers;
            this.startedNanos = startedNanos;
        }

        @Override
        public Map<String, String> headers() {
            return headers;
        }

        @Override
        public void completed(int status) {
            span.setAttribute("http.response.status_code", status);
            if (status >= 400) {
                span.setStatus(StatusCode.ERROR);
            }
            end(String.valueOf(status));
        }

        @Override
        public void failed(Throwable failure) {
            span.recordException(failure);
            span.setStatus(StatusCode.ERROR, failure.getClass().getSimpleName());
            end("none");
        }

        private void end(String status) {
            span.end();
            Counter.builder("ledgerbridge.vendor.calls")
                    .description("HTTP requests sent to QuickBooks Online and HubSpot, by answer status")
                    .tags("vendor", vendor, "method", method, "endpoint", endpoint, "status", status)
                    .register(registry).increment();
            Timer.builder("ledgerbridge.vendor.call.duration")
                    .description("Duration of vendor HTTP requests")
                    .tags("vendor", vendor, "method", method, "endpoint", endpoint)
                    .register(registry).record(Duration.ofNanos(System.nanoTime() - startedNanos));
        }
    }
}
