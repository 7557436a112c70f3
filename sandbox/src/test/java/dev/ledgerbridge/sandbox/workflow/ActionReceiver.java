package dev.ledgerbridge.sandbox.workflow;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/** A small HTTP server on a random port playing a custom action endpoint: records requests, answers from a script. */
final class ActionReceiver implements AutoCloseable {

    /** A request as received. */
    record Received(String method, String uri, Map<String, String> headers, String body, long atMillis) {
    }

    /** A scripted answer, optionally delayed. */
    record Reply(int status, Map<String, String> headers, String body, long delayMillis) {
        static Reply of(int status, String body) {
            return new Reply(status, Map.of(), body, 0);
        }

        static Reply state(String state) {
            return of(200, "{\"outputFields\":{\"hs_execution_state\":\"" + state + "\"}}");
        }
    }

    private final Vertx vertx;
    private final HttpServer server;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final ConcurrentLinkedDeque<Reply> script = new ConcurrentLinkedDeque<>();
    private volatile Reply fallback = Reply.state("SUCCESS");

    private ActionReceiver(Vertx vertx) throws Exception {
        this.vertx = vertx;
        this.server = vertx.createHttpServer().requestHandler(req -> req.body().onSuccess(buf -> {
            Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
            req.headers().forEach(h -> headers.put(h.getKey(), h.getValue()));
            received.add(new Received(req.method().name(), req.uri(), headers, buf.toString(), System.currentTimeMillis()));
            Reply r = script.pollFirst();
            Reply reply = r == null ? fallback : r;
            Runnable send = () -> {
                req.response().setStatusCode(reply.status());
                reply.headers().forEach(req.response()::putHeader);
                req.response().putHeader("Content-Type", "application/json").end(reply.body());
            };
            if (reply.delayMillis() > 0) {
                vertx.setTimer(reply.delayMillis(), id -> send.run());
            } else {
                send.run();
            }
        })).listen(0).toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    static ActionReceiver start(Vertx vertx) throws Exception {
        return new ActionReceiver(vertx);
    }

    String url(String pathAndQuery) {
        return "http://localhost:" + server.actualPort() + pathAndQuery;
    }

    ActionReceiver then(Reply reply) {
        script.addLast(reply);
        return this;
    }

    ActionReceiver always(Reply reply) {
        fallback = reply;
        return this;
    }

    List<Received> received() {
        return received;
    }

    @Override
    public void close() throws Exception {
        server.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }
}
