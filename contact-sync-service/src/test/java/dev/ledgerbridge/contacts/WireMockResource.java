package dev.ledgerbridge.contacts;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.ledgerbridge.auth.testing.TestOidcProvider;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.HashMap;
import java.util.Map;

/**
 * One WireMock server on a dynamic port standing in for both QBO and the gateway's token endpoint (style guide
 * 17); tests get it through {@link InjectWireMock}. The service's own bearer token for those calls comes from
 * {@link TestOidcProvider}'s token endpoint, kept apart from WireMock, whose stubs the tests reset.
 */
public class WireMockResource implements QuarkusTestResourceLifecycleManager {

    private WireMockServer server;

    @Override
    public Map<String, String> start() {
        server = new WireMockServer(wireMockConfig().dynamicPort());
        server.start();
        Map<String, String> config = new HashMap<>(TestOidcProvider.configOverrides());
        config.put("ledgerbridge.quickbooks.base-url", server.baseUrl());
        config.put("quarkus.rest-client.gateway.url", server.baseUrl());
        return config;
    }

    @Override
    public void inject(TestInjector testInjector) {
        testInjector.injectIntoFields(server,
                new TestInjector.AnnotatedAndMatchesType(InjectWireMock.class, WireMockServer.class));
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop();
        }
    }
}
