package dev.ledgerbridge.sandbox.otlp;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Objects;

/** The spans the sandbox received, newest last, bounded so a long demo cannot exhaust memory. */
@ApplicationScoped
public class TraceStore {

    static final int CAPACITY = 20_000;

    private final Deque<ReceivedSpan> spans = new ArrayDeque<>();

    synchronized void add(List<ReceivedSpan> received) {
        for (ReceivedSpan span : received) {
            if (spans.size() == CAPACITY) {
                spans.removeFirst();
            }
            spans.addLast(span);
        }
    }

    /** Every span of one trace, in arrival order. */
    public synchronized List<ReceivedSpan> trace(String traceId) {
        return spans.stream().filter(s -> s.traceId().equals(traceId)).toList();
    }

    /** Trace ids of spans tagged with this callbackId ({@code ledgerbridge.callback_id}), oldest first. */
    public synchronized List<String> traceIdsOfExecution(String callbackId) {
        return spans.stream().filter(s -> Objects.equals(s.attributes().get("ledgerbridge.callback_id"), callbackId))
                .map(ReceivedSpan::traceId).distinct().toList();
    }

    synchronized void clear() {
        spans.clear();
    }
}
