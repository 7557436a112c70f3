package dev.ledgerbridge.sandbox.admin;

import dev.ledgerbridge.sandbox.Reseedable;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Request counters per vendor, per endpoint template (with status codes) and per correlation id. */
@ApplicationScoped
public class RequestStats implements Reseedable {

    private static final class Counter {
        long total;
        long read;
        long write;

        void add(boolean isRead) {
            total++;
            if (isRead) {
                read++;
            } else {
                write++;
            }
        }

        Map<String, Object> view() {
            Map<String, Object> v = new LinkedHashMap<>();
            v.put("total", total);
            v.put("read", read);
            v.put("write", write);
            return v;
        }
    }

    private static final class EndpointCounter {
        final String vendor;
        final boolean read;
        long total;
        final Map<String, Long> statuses = new TreeMap<>();

        EndpointCounter(String vendor, boolean read) {
            this.vendor = vendor;
            this.read = read;
        }
    }

    private static final class CorrelationCounter {
        final Counter all = new Counter();
        final Map<String, Counter> vendors = new TreeMap<>();
        final Map<String, Long> endpoints = new TreeMap<>();
        final List<Call> calls = new ArrayList<>();
    }

    /** One vendor call made on behalf of a correlation id, in arrival order; status is filled when it is answered. */
    public static final class Call {
        final int seq;
        final String at;
        final String vendor;
        final String method;
        final String endpoint;
        final String kind;
        final String detail;
        String status;

        Call(int seq, String vendor, String method, String endpoint, boolean read, String detail) {
            this.seq = seq;
            this.at = Instant.now().toString();
            this.vendor = vendor;
            this.method = method;
            this.endpoint = endpoint;
            this.kind = read ? "read" : "write";
            this.detail = detail;
        }

        Map<String, Object> view() {
            Map<String, Object> v = new LinkedHashMap<>();
            v.put("seq", seq);
            v.put("at", at);
            v.put("vendor", vendor);
            v.put("method", method);
            v.put("endpoint", endpoint);
            v.put("kind", kind);
            v.put("detail", detail);
            v.put("status", status);
            return v;
        }
    }

    /** Calls kept per correlation id: enough for any one workflow execution, bounded for long benchmark runs. */
    private static final int MAX_CALLS_PER_CORRELATION = 200;

    private final Counter all = new Counter();
    private final Map<String, Counter> vendors = new TreeMap<>();
    private final Map<String, EndpointCounter> endpoints = new TreeMap<>();
    private final Map<String, CorrelationCounter> correlations = new LinkedHashMap<>();

    @Override
    public synchronized void reset() {
        all.total = 0;
        all.read = 0;
        all.write = 0;
        vendors.clear();
        endpoints.clear();
        correlations.clear();
    }

    /**
     * Counts one request; with a correlation id it is also appended to that id's call log, whose entry is returned
     * (null otherwise) so that the answer's status can be set on it.
     */
    public synchronized Call record(String vendor, String endpoint, boolean read, String correlationId, String detail) {
        all.add(read);
        vendors.computeIfAbsent(vendor, v -> new Counter()).add(read);
        endpoints.computeIfAbsent(endpoint, e -> new EndpointCounter(vendor, read)).total++;
        if (correlationId == null || correlationId.isBlank()) {
            return null;
        }
        CorrelationCounter c = correlations.computeIfAbsent(correlationId, k -> new CorrelationCounter());
        c.all.add(read);
        c.vendors.computeIfAbsent(vendor, v -> new Counter()).add(read);
        c.endpoints.merge(endpoint, 1L, Long::sum);
        if (c.calls.size() >= MAX_CALLS_PER_CORRELATION) {
            return null;
        }
        int space = endpoint.indexOf(' ');
        Call call = new Call(c.calls.size() + 1, vendor, endpoint.substring(0, space), endpoint.substring(space + 1), read, detail);
        c.calls.add(call);
        return call;
    }

    /** Sets the answer's status (or "dropped") on a logged call. */
    public synchronized void recordCallOutcome(Call call, String outcome) {
        if (call != null) {
            call.status = outcome;
        }
    }

    /** Records how a request ended: an HTTP status, or "dropped" for a closed connection. */
    public synchronized void recordOutcome(String endpoint, String outcome) {
        EndpointCounter e = endpoints.get(endpoint);
        if (e != null) {
            e.statuses.merge(outcome, 1L, Long::sum);
        }
    }

    public synchronized Map<String, Object> view() {
        Map<String, Object> v = all.view();
        Map<String, Object> vv = new LinkedHashMap<>();
        vendors.forEach((k, c) -> vv.put(k, c.view()));
        v.put("vendors", vv);
        Map<String, Object> ev = new LinkedHashMap<>();
        endpoints.forEach((k, e) -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("vendor", e.vendor);
            m.put("kind", e.read ? "read" : "write");
            m.put("total", e.total);
            m.put("statuses", new TreeMap<>(e.statuses));
            ev.put(k, m);
        });
        v.put("endpoints", ev);
        Map<String, Object> cv = new LinkedHashMap<>();
        correlations.forEach((k, c) -> cv.put(k, correlationView(k, c)));
        v.put("correlations", cv);
        return v;
    }

    /** Counters of one correlation id; all zero when it was never seen. */
    public synchronized Map<String, Object> correlation(String correlationId) {
        CorrelationCounter c = correlations.get(correlationId);
        return correlationView(correlationId, c == null ? new CorrelationCounter() : c);
    }

    private static Map<String, Object> correlationView(String id, CorrelationCounter c) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("correlationId", id);
        v.putAll(c.all.view());
        Map<String, Object> vv = new LinkedHashMap<>();
        c.vendors.forEach((k, x) -> vv.put(k, x.view()));
        v.put("vendors", vv);
        v.put("endpoints", new TreeMap<>(c.endpoints));
        v.put("calls", c.calls.stream().map(Call::view).toList());
        return v;
    }
}
