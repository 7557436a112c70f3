package dev.ledgerbridge.catalog;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.ledgerbridge.auth.testing.TestOidcProvider;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.HashMap;
import java.util.Map;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

/**
 * One WireMock server on a dynamic port standing in for QBO, HubSpot and the gateway's token endpoints (style guide 17);
 * their paths do not overlap, so both base URLs point at it. The service's own bearer token for the gateway calls comes
 * from {@link TestOidcProvider}'s token endpoint, kept apart from WireMock, whose stubs the tests reset.
 */
public class WireMockVendors implements QuarkusTestResourceLifecycleManager {

    /** Marks the test field that receives the running server. */
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.FIELD)
    public @interface InjectWireMock {
    }

    private WireMockServer server;

    @Override
    public Map<String, String> start() {
        server = new WireMockServer(options().dynamicPort());
        server.start();
        Map<String, String> config = new HashMap<>(TestOidcProvider.configOverrides());
        config.put("ledgerbridge.quickbooks.base-url", server.baseUrl());
        config.put("quarkus.rest-client.gateway.url", server.baseUrl());
        config.put("ledgerbridge.hubspot.base-url", server.baseUrl());
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
