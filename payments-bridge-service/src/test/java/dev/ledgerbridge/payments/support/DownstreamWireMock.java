package dev.ledgerbridge.payments.support;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/**
 * One WireMock on a dynamic port that plays QBO, the gateway's token endpoint and the three services a payment action
 * calls (their paths do not overlap), style guide 17.
 */
public class DownstreamWireMock implements QuarkusTestResourceLifecycleManager {

    private WireMockServer server;

    @Override
    public Map<String, String> start() {
        server = new WireMockServer(wireMockConfig().dynamicPort().containerThreads(20));
        server.start();
        String url = server.baseUrl();
        return Map.of(
                "ledgerbridge.quickbooks.base-url", url,
                "quarkus.rest-client.gateway.url", url,
                "quarkus.rest-client.contact-sync.url", url,
                "quarkus.rest-client.product-catalog.url", url,
                "quarkus.rest-client.document.url", url);
    }

    @Override
    public void inject(TestInjector injector) {
        injector.injectIntoFields(server,
                new TestInjector.AnnotatedAndMatchesType(InjectWireMock.class, WireMockServer.class));
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop();
        }
    }
}
