package dev.ledgerbridge.gateway.support;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.ledgerbridge.auth.testing.TestOidcProvider;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.HashMap;
import java.util.Map;

/**
 * One WireMock server on a dynamic port standing in for everything downstream of the gateway: HubSpot, QBO and the
 * three services (their paths do not overlap), so every test class shares one Quarkus start.
 */
public class DownstreamWireMock implements QuarkusTestResourceLifecycleManager {

    private WireMockServer server;

    @Override
    public Map<String, String> start() {
        server = new WireMockServer(options().dynamicPort());
        server.start();
        String url = server.baseUrl();
        Map<String, String> config = new HashMap<>(Map.of(
                "ledgerbridge.hubspot.base-url", url,
                "ledgerbridge.quickbooks.base-url", url,
                "quarkus.rest-client.contact-sync.url", url,
                "quarkus.rest-client.product-catalog.url", url,
                "quarkus.rest-client.document.url", url,
                "quarkus.rest-client.payments-bridge.url", url,
                // Intuit's token and revoke endpoints (HubSpot's follows ledgerbridge.hubspot.base-url).
                "quarkus.oidc-client.intuit.auth-server-url", url,
                "quarkus.oidc-client.intuit.revoke-path", url + "/v2/oauth2/tokens/revoke"));
        // The gateway's own token for the services comes from the test token endpoint, not from these stubs.
        config.putAll(TestOidcProvider.configOverrides());
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
