package dev.ledgerbridge.payments.support;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.ledgerbridge.auth.testing.TestOidcProvider;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.HashMap;
import java.util.Map;

/**
 * One WireMock on a dynamic port that plays QBO, the gateway's token endpoint and the three services a payment action
 * calls (their paths do not overlap), style guide 17. The service's own bearer token for all of them comes from the
 * test-jar's {@link TestOidcProvider}.
 */
public class DownstreamWireMock implements QuarkusTestResourceLifecycleManager {

    private WireMockServer server;

    @Override
    public Map<String, String> start() {
        server = new WireMockServer(wireMockConfig().dynamicPort().containerThreads(20));
        server.start();
        String url = server.baseUrl();
        Map<String, String> config = new HashMap<>(TestOidcProvider.configOverrides());
        config.put("ledgerbridge.quickbooks.base-url", url);
        config.put("quarkus.rest-client.gateway.url", url);
        config.put("quarkus.rest-client.contact-sync.url", url);
        config.put("quarkus.rest-client.product-catalog.url", url);
        config.put("quarkus.rest-client.document.url", url);
        return config;
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
