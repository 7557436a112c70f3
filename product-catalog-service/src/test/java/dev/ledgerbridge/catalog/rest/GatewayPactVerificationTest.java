package dev.ledgerbridge.catalog.rest;

import au.com.dius.pact.core.model.ProviderState;
import au.com.dius.pact.provider.junit5.HttpTestTarget;
import au.com.dius.pact.provider.junit5.PactVerificationContext;
import au.com.dius.pact.provider.junit5.PactVerificationInvocationContextProvider;
import au.com.dius.pact.provider.junitsupport.Provider;
import au.com.dius.pact.provider.junitsupport.State;
import au.com.dius.pact.provider.junitsupport.loader.PactFolder;
import com.github.tomakehurst.wiremock.WireMockServer;
import dev.ledgerbridge.auth.testing.TestTokens;
import dev.ledgerbridge.catalog.CatalogSettings;
import dev.ledgerbridge.catalog.QboStubs;
import dev.ledgerbridge.catalog.QboStubs.StubItem;
import dev.ledgerbridge.catalog.WireMockVendors;
import dev.ledgerbridge.catalog.WireMockVendors.InjectWireMock;
import dev.ledgerbridge.catalog.repository.CatalogSettingsRepository;
import dev.ledgerbridge.catalog.repository.HubSpotProductSyncRepository;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.net.URL;
import java.time.Duration;
import org.apache.hc.core5.http.HttpRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestTemplate;
import org.junit.jupiter.api.extension.ExtendWith;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

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
    static final String ITEM_2_ACTIVE = "the US company has an active item with id 2";
    static final String SETTINGS_NO_ITEM = "the US company has catalog settings and no item named Custom Integration";
    static final String NO_SETTINGS = "the US company has no catalog settings and no item named Custom Integration";
    static final String INCOME_ACCOUNT = "the US company has an active Income account 79";
    static final String EXPENSE_ACCOUNT = "the US company's account 12 is an Expense account";
    static final String SETTINGS_ACCOUNT_80_NO_ITEM = "the US company has catalog settings, an active Income account 80"
            + " and no item named Custom Integration";
    static final String PRODUCT_SYNC_ON = "the US company's items are synced to HubSpot portal 40213377";
    private static final String REALM = "9130350000000001";
    private static final String SETTINGLESS_REALM = "9130350000000002";

    @Inject
    CatalogSettingsRepository settings;

    @Inject
    Pool pool;

    @Inject
    HubSpotProductSyncRepository productSyncs;

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
        qbo.token(SETTINGLESS_REALM);
        qbo.items(SETTINGLESS_REALM, "FROM Item");
        // Each interaction starts from no product links and no catalog settings of its own making.
        pool.query("DELETE FROM product_link").execute().await().atMost(Duration.ofSeconds(10));
        pool.query("DELETE FROM catalog_settings").execute().await().atMost(Duration.ofSeconds(10));
        pool.query("DELETE FROM hubspot_product_sync").execute().await().atMost(Duration.ofSeconds(10));
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
                case ITEM_2_ACTIVE -> qbo.items(REALM, "Id IN",
                        StubItem.service("2", "Annual Subscription", "SUB-ANNUAL"));
                case SETTINGS_NO_ITEM -> {
                    settings.save(new CatalogSettings(REALM, "NonInventory", "79", "Sales of Product Income"))
                            .await().atMost(Duration.ofSeconds(10));
                    wireMock.stubFor(post(urlPathEqualTo("/v3/company/" + REALM + "/item")).willReturn(okJson(
                            "{\"Item\":{\"Id\":\"77\",\"SyncToken\":\"0\",\"Name\":\"Custom Integration\","
                                    + "\"Sku\":\"CUS-INT\",\"Type\":\"NonInventory\",\"Active\":true,"
                                    + "\"UnitPrice\":3000,\"IncomeAccountRef\":{\"value\":\"79\"}},"
                                    + "\"time\":\"2026-11-26T10:00:00.000-08:00\"}")));
                }
                case NO_SETTINGS -> {
                    // No settings row (deleted above) and every item query answers with no items.
                }
                case INCOME_ACCOUNT -> account("79", "Sales of Product Income", "Income");
                case EXPENSE_ACCOUNT -> account("12", "Office Supplies", "Expense");
                case SETTINGS_ACCOUNT_80_NO_ITEM -> {
                    settings.save(new CatalogSettings(REALM, "NonInventory", "79", "Sales of Product Income"))
                            .await().atMost(Duration.ofSeconds(10));
                    account("80", "Consulting Income", "Income");
                    wireMock.stubFor(post(urlPathEqualTo("/v3/company/" + REALM + "/item"))
                            .withRequestBody(containing("\"IncomeAccountRef\":{\"value\":\"80\"}")).willReturn(okJson(
                            "{\"Item\":{\"Id\":\"78\",\"SyncToken\":\"0\",\"Name\":\"Custom Integration\","
                                    + "\"Sku\":\"CUS-INT\",\"Type\":\"NonInventory\",\"Active\":true,"
                                    + "\"UnitPrice\":3000,\"IncomeAccountRef\":{\"value\":\"80\"}},"
                                    + "\"time\":\"2026-11-26T10:00:00.000-08:00\"}")));
                }
                case PRODUCT_SYNC_ON -> productSyncs.save(REALM, true, 40213377L).await()
                        .atMost(Duration.ofSeconds(10));
                default -> throw new IllegalStateException("Unknown provider state: " + state.getName());
            }
        }
    }

    private void account(String id, String name, String type) {
        wireMock.stubFor(get(urlPathEqualTo(QboStubs.queryPath(REALM))).withQueryParam("query", containing("FROM Account"))
                .willReturn(okJson("{\"QueryResponse\":{\"Account\":[{\"Id\":\"" + id + "\",\"SyncToken\":\"0\","
                        + "\"Name\":\"" + name + "\",\"AccountType\":\"" + type + "\",\"Active\":true}],"
                        + "\"startPosition\":1,\"maxResults\":1},\"time\":\"2026-11-26T10:00:00.000-08:00\"}")));
    }

    @AfterEach
    void resetBreakers() {
        CircuitBreakerMaintenance.get().resetAll();
    }

    /** Marks the states this test knows; they are prepared in {@link #prepare}. */
    @State({ SKU_IN_QBO, NO_MATCHING_ITEM, COMPANY_CONNECTED, SKU_TWICE_IN_QBO, ITEM_2_ACTIVE, SETTINGS_NO_ITEM,
            NO_SETTINGS, INCOME_ACCOUNT, EXPENSE_ACCOUNT, SETTINGS_ACCOUNT_80_NO_ITEM, PRODUCT_SYNC_ON })
    void knownStates() {
        // Prepared in @BeforeEach, where the WireMock server is injected.
    }

    // The consumers' pacts leave authentication out (it is not part of the contract): each replayed request carries
    // the token a caller gets from the OIDC provider for this service, as the gateway's and payments-bridge's do.
    @TestTemplate
    @ExtendWith(PactVerificationInvocationContextProvider.class)
    void shouldHonourTheGatewaysPact(PactVerificationContext context, HttpRequest request) {
        request.setHeader("Authorization", "Bearer " + TestTokens.service("product-catalog-service"));
        context.verifyInteraction();
    }
}
