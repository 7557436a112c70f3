package dev.ledgerbridge.contacts.rest;

import static dev.ledgerbridge.contacts.QboStubs.customer;
import static dev.ledgerbridge.contacts.QboStubs.customerQuery;
import static dev.ledgerbridge.contacts.QboStubs.emailQuery;
import static dev.ledgerbridge.contacts.QboStubs.queryResponse;

import au.com.dius.pact.core.model.ProviderState;
import au.com.dius.pact.provider.junit5.HttpTestTarget;
import au.com.dius.pact.provider.junit5.PactVerificationContext;
import au.com.dius.pact.provider.junit5.PactVerificationInvocationContextProvider;
import au.com.dius.pact.provider.junitsupport.Provider;
import au.com.dius.pact.provider.junitsupport.State;
import au.com.dius.pact.provider.junitsupport.loader.PactFolder;
import com.github.tomakehurst.wiremock.WireMockServer;
import dev.ledgerbridge.contacts.InjectWireMock;
import dev.ledgerbridge.contacts.MatchingMode;
import dev.ledgerbridge.contacts.SettingsSnapshot;
import dev.ledgerbridge.contacts.SyncFilter;
import dev.ledgerbridge.contacts.SyncFilterGroup;
import dev.ledgerbridge.contacts.repository.MatchingSettingsRepository;
import dev.ledgerbridge.contacts.QboStubs;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.net.URL;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestTemplate;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Verifies the gateway's pact (src/test/resources/pacts, copied from the gateway's target/pacts) against the real
 * resource, service and database, with QBO and the gateway's token endpoint in WireMock (style guide 18).
 */
@QuarkusTest
@Provider("contact-sync-service")
@PactFolder("pacts")
class GatewayPactVerificationTest {

    static final String ADA_IS_A_CUSTOMER = "the US company has customer Ada Lovelace";
    static final String COMPANY_CONNECTED = "the US company is connected";
    static final String SYNCS_ONE_COMPANY = "the US company only syncs contacts of company Analytical Engines Ltd";
    private static final String REALM = "9130350000000001";

    @InjectWireMock
    WireMockServer wireMock;

    @Inject
    Pool pool;

    @Inject
    MatchingSettingsRepository settings;

    @TestHTTPResource("/")
    URL service;

    // CDI is not available inside @State methods, so each state is prepared here from the interaction's state name.
    @BeforeEach
    void prepare(PactVerificationContext context) {
        context.setTarget(new HttpTestTarget(service.getHost(), service.getPort()));
        QboStubs.reset(wireMock);
        clearSettings();
        for (ProviderState state : context.getInteraction().getProviderStates()) {
            switch (state.getName()) {
                case ADA_IS_A_CUSTOMER -> wireMock.stubFor(customerQuery(emailQuery("'ada@example.com'"))
                        .willReturn(queryResponse(customer("58", "Ada Lovelace", "Ada", "Lovelace", "ada@example.com",
                                true))));
                case COMPANY_CONNECTED -> {
                    // The token stub of QboStubs.reset is all a connected company needs.
                }
                // R7: stored through the repository, as the settings API would, at the realm's first version.
                case SYNCS_ONE_COMPANY -> settings.replace(REALM, 0, new SettingsSnapshot(MatchingMode.SYNC_FILTERS,
                                List.of(new SyncFilterGroup(List.of(new SyncFilter("company", "EQUALS",
                                        List.of("Analytical Engines Ltd")))))), "pact")
                        .await().atMost(Duration.ofSeconds(10));
                default -> throw new IllegalStateException("Unknown provider state: " + state.getName());
            }
        }
    }

    // The realm is shared with the LEGACY tests of other classes: leave it on the defaults.
    @AfterEach
    void clearSettings() {
        pool.query("DELETE FROM contact_link").execute()
                .chain(() -> pool.preparedQuery("DELETE FROM matching_settings WHERE realm_id = $1")
                        .execute(Tuple.of(REALM)))
                .chain(() -> pool.preparedQuery("DELETE FROM matching_settings_audit WHERE realm_id = $1")
                        .execute(Tuple.of(REALM)))
                .await().atMost(Duration.ofSeconds(10));
    }

    /** Marks the states this test knows; they are prepared in {@link #prepare}. */
    @State({ ADA_IS_A_CUSTOMER, COMPANY_CONNECTED, SYNCS_ONE_COMPANY })
    void knownStates() {
        // Prepared in @BeforeEach, where the WireMock server and the database pool are injected.
    }

    @TestTemplate
    @ExtendWith(PactVerificationInvocationContextProvider.class)
    void shouldHonourTheGatewaysPact(PactVerificationContext context) {
        context.verifyInteraction();
    }
}
