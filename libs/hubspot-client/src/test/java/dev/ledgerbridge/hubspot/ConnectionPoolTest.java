package dev.ledgerbridge.hubspot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

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
 * proves it (Vert.x's default pool of 5 connections per host would leave 15 queued and the reads would never end).
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
                        String id = r.path().substring(r.path().lastIndexOf('/') + 1);
                        r.response().putHeader("Content-Type", "application/json")
                                .endAndForget("{\"id\":\"" + id + "\",\"properties\":{}}");
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
        URI base = URI.create("http://127.0.0.1:" + server.actualPort());
        HubSpotClient client = new HubSpotClient(vertx, HubSpotClientConfig.defaults(base),
                portalId -> Uni.createFrom().item("sandbox-hubspot-" + portalId));
        HubSpotPortal portal = client.portal(40213377L);
        List<Uni<CrmObject>> reads = new ArrayList<>();
        for (int i = 1; i <= TOGETHER; i++) {
            reads.add(portal.get(CrmObjectType.CONTACTS, String.valueOf(i), List.of(), List.of()));
        }

        List<?> objects = Uni.join().all(reads).andFailFast().await().atMost(Duration.ofSeconds(20));

        assertEquals(TOGETHER, objects.size());
        assertEquals(HubSpotClientConfig.DEFAULT_MAX_CONNECTIONS, HubSpotClientConfig.defaults(base).maxConnections());
        client.close();
    }

    @Test
    void shouldRefuseAPoolWithoutConnections() {
        assertThrows(IllegalArgumentException.class, () -> new HubSpotClientConfig(URI.create("http://127.0.0.1"),
                Duration.ofSeconds(1), 0, Duration.ofMillis(1), 0));
    }
}
