package dev.ledgerbridge.quickbooks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.ledgerbridge.quickbooks.model.CompanyInfo;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.core.http.HttpServer;
import io.vertx.mutiny.core.http.HttpServerRequest;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The client keeps many requests open at once: a server that answers only when 20 requests are waiting together
 * proves it (Vert.x's default pool of 5 connections per host would leave 15 queued until they time out).
 */
class ConnectionPoolTest {

    private static final int TOGETHER = 20;

    private Vertx vertx;
    private HttpServer server;
    private final List<HttpServerRequest> waiting = new ArrayList<>();

    @BeforeEach
    void startServer() {
        vertx = Vertx.vertx();
        server = vertx.createHttpServer().requestHandler(request -> {
            synchronized (waiting) {
                waiting.add(request);
                if (waiting.size() == TOGETHER) {
                    for (HttpServerRequest r : waiting) {
                        r.response().putHeader("Content-Type", "application/json").endAndForget(
                                "{\"CompanyInfo\":{\"Id\":\"1\",\"CompanyName\":\"Ledger Demo US Inc.\",\"Country\":\"US\"},"
                                        + "\"time\":\"2026-01-01T00:00:00.000-08:00\"}");
                    }
                }
            }
        }).listenAndAwait(0, "127.0.0.1");
    }

    @AfterEach
    void stop() {
        server.closeAndAwait();
        vertx.closeAndAwait();
    }

    @Test
    void shouldKeepTwentyRequestsOpenAtOnceWithTheDefaultPool() {
        QuickBooksClientConfig config = QuickBooksClientConfig.defaults(URI.create("http://127.0.0.1:" + server.actualPort()))
                .withRequestTimeout(Duration.ofSeconds(10));
        QuickBooksClient client = new QuickBooksClient(vertx, config, realmId -> Uni.createFrom().item("sandbox-qbo-" + realmId));
        List<Uni<CompanyInfo>> reads = new ArrayList<>();
        for (int i = 0; i < TOGETHER; i++) {
            reads.add(client.company("9130350000000001").companyInfo());
        }

        List<CompanyInfo> infos = Uni.join().all(reads).andFailFast().await().atMost(Duration.ofSeconds(20));

        assertEquals(TOGETHER, infos.size());
        assertEquals("US", infos.get(0).country());
        assertEquals(QuickBooksClientConfig.DEFAULT_MAX_CONNECTIONS, config.maxConnections());
        client.close();
    }

    @Test
    void shouldRefuseAPoolWithoutConnections() {
        assertThrows(IllegalArgumentException.class, () -> new QuickBooksClientConfig(URI.create("http://127.0.0.1"), 75,
                Duration.ofSeconds(1), 0, Duration.ZERO, 0));
    }
}
