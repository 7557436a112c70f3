package dev.ledgerbridge.gateway.client;

import dev.ledgerbridge.auth.testing.TestOidcProvider;
import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.HashMap;
import java.util.Map;

/**
 * Points the gateway's three service clients at the Pact mock server (style guide 18). The rest clients are built once
 * per application start, so the mock server needs a port known before Quarkus starts: a fixed one, shared by the three
 * consumer test classes so they share one Quarkus start too.
 */
public class PactMockServerProfile implements QuarkusTestProfile {

    /** Port of the Pact mock server; unusual on purpose, as other builds may run on the same machine. */
    public static final String PORT = "39731";

    /** Address the mock server binds to. */
    public static final String HOST = "127.0.0.1";

    @Override
    public Map<String, String> getConfigOverrides() {
        String url = "http://" + HOST + ":" + PORT;
        Map<String, String> config = new HashMap<>(Map.of(
                "quarkus.rest-client.contact-sync.url", url,
                "quarkus.rest-client.product-catalog.url", url,
                "quarkus.rest-client.document.url", url,
                "quarkus.rest-client.payments-bridge.url", url));
        config.putAll(TestOidcProvider.configOverrides());
        return config;
    }
}
