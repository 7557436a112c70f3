package dev.ledgerbridge.catalog.rest;

import au.com.dius.pact.core.model.ProviderState;
import au.com.dius.pact.provider.junit5.HttpTestTarget;
import au.com.dius.pact.provider.junit5.PactVerificationContext;
import au.com.dius.pact.provider.junit5.PactVerificationInvocationContextProvider;
import au.com.dius.pact.provider.junitsupport.Provider;
import au.com.dius.pact.provider.junitsupport.State;
import au.com.dius.pact.provider.junitsupport.loader.PactFolder;
import com.github.tomakehurst.wiremock.WireMockServer;
import dev.ledgerbridge.catalog.QboStubs;
import dev.ledgerbridge.catalog.QboStubs.StubItem;
import dev.ledgerbridge.catalog.WireMockVendors;
import dev.ledgerbridge.catalog.WireMockVendors.InjectWireMock;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;
import java.net.URL;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestTemplate;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Verifies the gateway's pact (src/test/resources/pacts, copied from the gateway's target/pacts) against the real
 * resource and resolver, with QBO and the gateway's token endpoint in WireMock (style guide 18).
 */
@QuarkusTest
@QuarkusTestResource(WireMockVendors.class)
@Provider("product-catalog-service")
@PactFolder("pacts")
class GatewayPactVerificationTest {

    static final String SKU_IN_QBO = "the US company has an item with SKU SUB-ANNUAL";
    static final String NO_MATCHING_ITEM = "no item of the US company has SKU CUS-INT or name Custom Integration";
    static final String COMPANY_CONNECTED = "the US company is connected";
    static final String SKU_TWICE_IN_QBO = "two active items of the US company have SKU SUB-ANNUAL";
    private static final String REALM = "9130350000000001";

    @InjectWireMock
    WireMockServer wireMock;

    @TestHTTPResource("/")
    URL service;

    // CDI is not available inside @State methods, so each state is prepared here from the interaction's state name.
    @BeforeEach
    void prepare(PactVerificationContext context) {
        context.setTarget(new HttpTestTarget(service.getHost(), service.getPort()));
        wireMock.resetAll();
        QboStubs qbo = new QboStubs(wireMock);
        qbo.token(REALM);
        qbo.items(REALM, "FROM Item");
        for (ProviderState state : context.getInteraction().getProviderStates()) {
            switch (state.getName()) {
                case SKU_IN_QBO -> qbo.items(REALM, "Sku IN", StubItem.service("2", "Annual Subscription", "SUB-ANNUAL"));
                case NO_MATCHING_ITEM -> {
                    // Every item query already answers with no items.
                }
                case COMPANY_CONNECTED -> {
                    // The token stub above is all a connected company needs.
                }
                case SKU_TWICE_IN_QBO -> qbo.items(REALM, "Sku IN",
                        StubItem.service("2", "Annual Subscription", "SUB-ANNUAL"),
                        StubItem.service("7", "Annual Subscription (2025)", "SUB-ANNUAL"));
                default -> throw new IllegalStateException("Unknown provider state: " + state.getName());
            }
        }
    }

    @AfterEach
    void resetBreakers() {
        CircuitBreakerMaintenance.get().resetAll();
    }

    /** Marks the states this test knows; they are prepared in {@link #prepare}. */
    @State({ SKU_IN_QBO, NO_MATCHING_ITEM, COMPANY_CONNECTED, SKU_TWICE_IN_QBO })
    void knownStates() {
        // Prepared in @BeforeEach, where the WireMock server is injected.
    }

    @TestTemplate
    @ExtendWith(PactVerificationInvocationContextProvider.class)
    void shouldHonourTheGatewaysPact(PactVerificationContext context) {
        context.verifyInteraction();
    }
}
