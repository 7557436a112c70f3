package dev.ledgerbridge.contacts.rest;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static dev.ledgerbridge.contacts.QboStubs.customer;
import static dev.ledgerbridge.contacts.QboStubs.customerResponse;
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
import dev.ledgerbridge.auth.testing.TestTokens;
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
import org.apache.hc.core5.http.HttpRequest;
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
    static final String ONLY_CUSTOMERS = "the US company only syncs contacts whose lifecycle stage is customer";
    static final String LINK_TO_MERGED_CUSTOMER = "contact 101 is linked to customer 58, which QBO merged into customer 64";
    static final String EVERY_NAME_TAKEN = "QBO uses every readable name for contact Grace Hopper";
    static final String COMPANY_DISCONNECTED = "company 9130350000000077 is not connected";
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
                case ONLY_CUSTOMERS -> settings.replace(REALM, 0, new SettingsSnapshot(MatchingMode.SYNC_FILTERS,
                                List.of(new SyncFilterGroup(List.of(new SyncFilter("lifecyclestage", "EQUALS",
                                        List.of("customer")))))), "pact")
                        .await().atMost(Duration.ofSeconds(10));
                case LINK_TO_MERGED_CUSTOMER -> {
                    pool.preparedQuery("INSERT INTO contact_link (realm_id, portal_id, contact_id, customer_id,"
                                    + " display_name, resolution) VALUES ($1, 40213377, '101', '58', 'Ada Lovelace',"
                                    + " 'CREATED')")
                            .execute(Tuple.of(REALM)).await().atMost(Duration.ofSeconds(10));
                    // Merged away: still readable, inactive; the survivor of the merge has the same name and e-mail.
                    wireMock.stubFor(get(urlPathEqualTo(QboStubs.QBO_PATH + "/customer/58")).willReturn(
                            customerResponse(customer("58", "Ada Lovelace", "Ada", "Lovelace", "ada@example.com", false))));
                    wireMock.stubFor(customerQuery(emailQuery("'ada@example.com'")).willReturn(queryResponse(
                            customer("58", "Ada Lovelace", "Ada", "Lovelace", "ada@example.com", false),
                            customer("64", "Ada Lovelace", "Ada", "Lovelace", "ada@example.com", true))));
                }
                case EVERY_NAME_TAKEN -> {
                    wireMock.stubFor(customerQuery(emailQuery("'grace@example.com'")).willReturn(queryResponse()));
                    wireMock.stubFor(post(urlPathEqualTo(QboStubs.QBO_PATH + "/customer")).willReturn(
                            QboStubs.fault("6240", "Duplicate Name Exists Error")));
                }
                case COMPANY_DISCONNECTED -> wireMock.stubFor(get(urlPathEqualTo(
                                "/internal/v1/quickbooks/9130350000000077/access-token"))
                        .willReturn(aResponse().withStatus(404).withHeader("Content-Type", "application/json")
                                .withBody("{\"code\":\"COMPANY_NOT_CONNECTED\",\"message\":\"not connected\"}")));
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
    @State({ ADA_IS_A_CUSTOMER, COMPANY_CONNECTED, SYNCS_ONE_COMPANY, ONLY_CUSTOMERS, LINK_TO_MERGED_CUSTOMER,
            EVERY_NAME_TAKEN, COMPANY_DISCONNECTED })
    void knownStates() {
        // Prepared in @BeforeEach, where the WireMock server and the database pool are injected.
    }

    // The consumers' pacts leave authentication out (it is not part of the contract): each replayed request carries
    // the token a caller gets from the OIDC provider for this service, as the gateway's and payments-bridge's do.
    @TestTemplate
    @ExtendWith(PactVerificationInvocationContextProvider.class)
    void shouldHonourTheGatewaysPact(PactVerificationContext context, HttpRequest request) {
        request.setHeader("Authorization", "Bearer " + TestTokens.service("contact-sync-service"));
        context.verifyInteraction();
    }
}
