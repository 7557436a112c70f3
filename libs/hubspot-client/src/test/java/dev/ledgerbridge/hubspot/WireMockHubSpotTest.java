package dev.ledgerbridge.hubspot;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import java.net.URI;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;

/**
 * Shared set-up: WireMock on a dynamic port (reset before each test by the extension), one Vert.x, and a client
 * whose token provider hands out the sandbox's seeded {@code sandbox-hubspot-<portalId>} tokens.
 */
abstract class WireMockHubSpotTest {

    static final long PORTAL = 40213377L;
    static final String TOKEN = "sandbox-hubspot-" + PORTAL;
    static final Duration AWAIT = Duration.ofSeconds(10);

    @RegisterExtension
    static WireMockExtension wm = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort().extensions(new ReversedBatchResults())).build();

    static Vertx vertx;

    final AtomicInteger tokenRequests = new AtomicInteger();
    HubSpotClient client;
    HubSpotPortal portal;

    @BeforeAll
    static void startVertx() {
        vertx = Vertx.vertx();
    }

    @AfterAll
    static void stopVertx() {
        vertx.closeAndAwait();
    }

    @BeforeEach
    void createClient() {
        client = new HubSpotClient(vertx, config(), portalId -> {
            tokenRequests.incrementAndGet();
            return Uni.createFrom().item("sandbox-hubspot-" + portalId);
        });
        portal = client.portal(PORTAL);
    }

    @AfterEach
    void closeClient() {
        client.close();
    }

    /** Two retries and a 10 ms backoff keep retry tests fast while still telling a backoff from Retry-After. */
    HubSpotClientConfig config() {
        return new HubSpotClientConfig(baseUrl(), Duration.ofSeconds(5), 2, Duration.ofMillis(10));
    }

    static URI baseUrl() {
        return URI.create(wm.baseUrl());
    }
}
