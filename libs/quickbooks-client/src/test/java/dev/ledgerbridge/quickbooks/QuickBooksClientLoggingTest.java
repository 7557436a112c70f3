package dev.ledgerbridge.quickbooks;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.ledgerbridge.quickbooks.model.Item;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import org.jboss.logmanager.ExtLogRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class QuickBooksClientLoggingTest {

    private static final String REALM = "9130350000000002";
    private static final String TOKEN = "secret-access-token-123";

    @RegisterExtension
    static WireMockExtension qbo = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    private final List<String> messages = new CopyOnWriteArrayList<>();
    private final Logger logger = Logger.getLogger("dev.ledgerbridge.quickbooks");
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            messages.add(record.getLevel() + " " + (record instanceof ExtLogRecord ext ? ext.getFormattedMessage() : record.getMessage()));
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };
    private Level previousLevel;
    private Vertx vertx;
    private QuickBooksClient client;

    @BeforeEach
    void setUp() {
        previousLevel = logger.getLevel();
        logger.setLevel(Level.FINE);
        logger.addHandler(capture);
        vertx = Vertx.vertx();
        client = new QuickBooksClient(vertx, QuickBooksClientConfig.defaults(URI.create(qbo.baseUrl()))
                .withThrottling(1, Duration.ofMillis(1)), realmId -> Uni.createFrom().item(TOKEN));
    }

    @AfterEach
    void tearDown() {
        client.close();
        vertx.closeAndAwait();
        logger.removeHandler(capture);
        logger.setLevel(previousLevel);
    }

    @Test
    void shouldLogTheIntuitTidAtDebugButNeverTheTokenOrTheQuery() {
        qbo.stubFor(get(urlPathEqualTo("/v3/company/" + REALM + "/query")).willReturn(aResponse().withStatus(429)
                .withHeader("intuit_tid", "tid-throttled")));
        qbo.stubFor(get(urlPathEqualTo("/v3/company/" + REALM + "/item/21")).willReturn(okJson("{\"Item\":{\"Id\":\"21\"}}")
                .withHeader("intuit_tid", "tid-ok-7")));

        client.company(REALM).read(Item.class, "21").await().atMost(Duration.ofSeconds(10));
        try {
            client.company(REALM).count(dev.ledgerbridge.quickbooks.query.QboQuery.countFrom(Item.class)
                    .whereEquals("Name", "ada@example.com")).await().atMost(Duration.ofSeconds(10));
        } catch (QboException expected) {
            // throttled twice: one retry, then the fault
        }

        assertTrue(messages.stream().anyMatch(m -> m.startsWith("DEBUG") && m.contains("intuit_tid=tid-ok-7")
                && m.contains("/v3/company/" + REALM + "/item/21")), messages.toString());
        assertTrue(messages.stream().anyMatch(m -> m.startsWith("WARN") && m.contains("tid-throttled")
                && m.contains("retry 1 of 1")), messages.toString());
        assertFalse(messages.stream().anyMatch(m -> m.contains(TOKEN)), messages.toString());
        assertFalse(messages.stream().anyMatch(m -> m.contains("ada@example.com")), messages.toString());
    }
}
