package dev.ledgerbridge.documents.support;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.ledgerbridge.auth.testing.TestOidcProvider;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.HashMap;
import java.util.Map;

/**
 * One WireMock on a dynamic port that plays both QBO and the gateway's token endpoint (style guide 17); the service's
 * own bearer token for the gateway comes from the test-jar's {@link TestOidcProvider}.
 */
public class VendorWireMock implements QuarkusTestResourceLifecycleManager {

    private WireMockServer server;

    @Override
    public Map<String, String> start() {
        server = new WireMockServer(wireMockConfig().dynamicPort().containerThreads(20));
        server.start();
        Map<String, String> config = new HashMap<>(TestOidcProvider.configOverrides());
        config.put("ledgerbridge.quickbooks.base-url", server.baseUrl());
        config.put("quarkus.rest-client.gateway.url", server.baseUrl());
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
