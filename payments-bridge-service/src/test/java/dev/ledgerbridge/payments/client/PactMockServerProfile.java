package dev.ledgerbridge.payments.client;

import dev.ledgerbridge.auth.testing.TestOidcProvider;
import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.HashMap;
import java.util.Map;

/**
 * Points the three service clients at the Pact mock server (style guide 18). The rest clients are built once per
 * application start, so the mock server needs a port known before Quarkus starts: a fixed one, shared by the three
 * consumer test classes so they share one Quarkus start too, and other than the gateway's 39731. The clients' bearer
 * token comes from the test-jar's {@link TestOidcProvider}; the pacts leave it out (the mock server ignores it).
 */
public class PactMockServerProfile implements QuarkusTestProfile {

    /** Port of the Pact mock server; unusual on purpose, as other builds may run on the same machine. */
    public static final String PORT = "39741";

    /** Address the mock server binds to. */
    public static final String HOST = "127.0.0.1";

    @Override
    public Map<String, String> getConfigOverrides() {
        String url = "http://" + HOST + ":" + PORT;
        Map<String, String> config = new HashMap<>(TestOidcProvider.configOverrides());
        config.put("quarkus.rest-client.contact-sync.url", url);
        config.put("quarkus.rest-client.product-catalog.url", url);
        config.put("quarkus.rest-client.document.url", url);
        return config;
    }
}
