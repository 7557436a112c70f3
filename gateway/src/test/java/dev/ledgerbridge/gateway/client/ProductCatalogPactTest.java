package dev.ledgerbridge.gateway.client;

import static au.com.dius.pact.consumer.dsl.LambdaDsl.newJsonBody;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import au.com.dius.pact.consumer.dsl.PactDslWithProvider;
import au.com.dius.pact.consumer.junit5.PactConsumerTestExt;
import au.com.dius.pact.consumer.junit5.PactTestFor;
import au.com.dius.pact.core.model.PactSpecVersion;
import au.com.dius.pact.core.model.V4Pact;
import au.com.dius.pact.core.model.annotations.Pact;
import au.com.dius.pact.core.model.annotations.PactDirectory;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Consumer side of the gateway -> product-catalog-service contract (issue 3, style guide 18), exercised through the
 * real {@link ProductCatalogClient} bean.
 */
@QuarkusTest
@TestProfile(PactMockServerProfile.class)
@ExtendWith(PactConsumerTestExt.class)
@PactTestFor(providerName = ProductCatalogPactTest.PROVIDER, hostInterface = PactMockServerProfile.HOST,
        port = PactMockServerProfile.PORT, pactVersion = PactSpecVersion.V4)
@PactDirectory("target/pacts")
class ProductCatalogPactTest {

    static final String PROVIDER = "product-catalog-service";
    private static final String REALM = "9130350000000001";
    private static final long PORTAL = 40213377L;
    /** A connected US company that never got catalog settings. */
    private static final String SETTINGLESS_REALM = "9130350000000002";
    private static final Map<String, String> JSON = Map.of("Content-Type", "application/json");
    private static final String UNMATCHED_MESSAGE = "No QuickBooks product matches 1 line item: Custom Integration"
            + " (SKU CUS-INT, quantity 1). Create it in QuickBooks or turn on 'Create missing products'.";

    private static final String NO_LINES_MESSAGE = "There are no line items to put on the QuickBooks document. Add at"
            + " least one product line in HubSpot.";
    private static final String AMBIGUOUS_MESSAGE = "1 line item matches more than one active QuickBooks product:"
            + " Annual Subscription (SKU SUB-ANNUAL).";

    @Inject
    ProductCatalogClient client;

    @Inject
    CatalogSettingsClient settings;

    @Inject
    HubSpotProductSyncClient productSync;

    // Money and quantities are plain JSON numbers: the gateway sends HubSpot's values as they come (12000 or
    // 12000.5) and reads any number into BigDecimal, so a decimal matcher (which demands a fraction) would be wrong.
    @Pact(consumer = "gateway", provider = PROVIDER)
    V4Pact resolvesALineItemBySku(PactDslWithProvider builder) {
        return builder
                .given("the US company has an item with SKU SUB-ANNUAL")
                .uponReceiving("a request to resolve a line item whose SKU is in QuickBooks")
                .method("POST").path("/v1/line-items/resolve")
                .headers(JSON)
                .matchHeader(ServiceHeaders.CORRELATION_ID, "[ -~]{1,200}", "ap-pact-catalog-1")
                .body(newJsonBody(body -> {
                    body.stringMatcher("realmId", "[0-9]{1,32}", REALM);
                    body.integerType("portalId", (int) PORTAL);
                    body.booleanValue("createMissing", false);
                    body.minArrayLike("lineItems", 1, line -> {
                        line.stringType("id", "401");
                        line.stringType("name", "Annual Subscription");
                        line.stringType("sku", "SUB-ANNUAL");
                        line.stringType("productId", "202");
                        line.numberType("quantity", 1);
                        line.numberType("price", new BigDecimal("12000.00"));
                    });
                }).build())
                .willRespondWith()
                .status(200)
                .headers(JSON)
                .body(newJsonBody(body -> body.minArrayLike("lines", 1, line -> {
                    line.stringType("lineItemId", "401");
                    line.stringMatcher("itemId", "[0-9]{1,32}", "2");
                    line.stringType("itemName", "Annual Subscription");
                    line.stringMatcher("matchedBy", "PRODUCT_LINK|SKU|NAME|CREATED", "SKU");
                    line.numberType("quantity", 1);
                    line.numberType("unitPrice", 12000);
                    line.numberType("amount", new BigDecimal("12000.00"));
                })).build())
                .toPact(V4Pact.class);
    }

    @Pact(consumer = "gateway", provider = PROVIDER)
    V4Pact refusesALineItemWithoutAProduct(PactDslWithProvider builder) {
        return builder
                .given("no item of the US company has SKU CUS-INT or name Custom Integration")
                .uponReceiving("a request to resolve a line item that matches no QuickBooks product")
                .method("POST").path("/v1/line-items/resolve")
                .headers(JSON)
                .matchHeader(ServiceHeaders.CORRELATION_ID, "[ -~]{1,200}", "ap-pact-catalog-2")
                .body(newJsonBody(body -> {
                    body.stringMatcher("realmId", "[0-9]{1,32}", REALM);
                    body.integerType("portalId", (int) PORTAL);
                    body.booleanValue("createMissing", false);
                    body.minArrayLike("lineItems", 1, line -> {
                        line.stringType("id", "402");
                        line.stringType("name", "Custom Integration");
                        line.stringType("sku", "CUS-INT");
                        line.stringType("productId", "203");
                        line.numberType("quantity", 1);
                        line.numberType("price", new BigDecimal("3000.00"));
                    });
                }).build())
                .willRespondWith()
                .status(422)
                .headers(JSON)
                .body(newJsonBody(body -> {
                    // The code is the contract (the gateway hands it to HubSpot as error_code); the wording is not.
                    body.stringValue("code", "UNMATCHED_LINE_ITEMS");
                    body.stringType("message", UNMATCHED_MESSAGE);
                    body.minArrayLike("unmatched", 1, unmatched -> {
                        unmatched.stringType("lineItemId", "402");
                        unmatched.stringType("name", "Custom Integration");
                        unmatched.stringType("sku", "CUS-INT");
                        unmatched.numberType("quantity", 1);
                    });
                }).build())
                .toPact(V4Pact.class);
    }

    @Pact(consumer = "gateway", provider = PROVIDER)
    V4Pact refusesARecordWithoutLineItems(PactDslWithProvider builder) {
        return builder
                .given("the US company is connected")
                .uponReceiving("a request to resolve the line items of a record without line items")
                .method("POST").path("/v1/line-items/resolve")
                .headers(JSON)
                .matchHeader(ServiceHeaders.CORRELATION_ID, "[ -~]{1,200}", "ap-pact-catalog-3")
                .body(newJsonBody(body -> {
                    body.stringMatcher("realmId", "[0-9]{1,32}", REALM);
                    body.integerType("portalId", (int) PORTAL);
                    body.booleanValue("createMissing", false);
                    body.array("lineItems", lineItems -> { });
                }).build())
                .willRespondWith()
                .status(422)
                .headers(JSON)
                .body(newJsonBody(body -> {
                    body.stringValue("code", "NO_LINE_ITEMS");
                    body.stringType("message", NO_LINES_MESSAGE);
                }).build())
                .toPact(V4Pact.class);
    }

    @Pact(consumer = "gateway", provider = PROVIDER)
    V4Pact refusesALineItemTwoProductsMatch(PactDslWithProvider builder) {
        return builder
                .given("two active items of the US company have SKU SUB-ANNUAL")
                .uponReceiving("a request to resolve a line item whose SKU two QuickBooks products share")
                .method("POST").path("/v1/line-items/resolve")
                .headers(JSON)
                .matchHeader(ServiceHeaders.CORRELATION_ID, "[ -~]{1,200}", "ap-pact-catalog-4")
                .body(newJsonBody(body -> {
                    body.stringMatcher("realmId", "[0-9]{1,32}", REALM);
                    body.integerType("portalId", (int) PORTAL);
                    body.booleanValue("createMissing", false);
                    body.minArrayLike("lineItems", 1, line -> {
                        line.stringType("id", "401");
                        line.stringType("name", "Annual Subscription");
                        line.stringType("sku", "SUB-ANNUAL");
                        line.stringType("productId", "202");
                        line.numberType("quantity", 1);
                        line.numberType("price", new BigDecimal("12000.00"));
                    });
                }).build())
                .willRespondWith()
                .status(422)
                .headers(JSON)
                .body(newJsonBody(body -> {
                    body.stringValue("code", "AMBIGUOUS_LINE_ITEMS");
                    body.stringType("message", AMBIGUOUS_MESSAGE);
                }).build())
                .toPact(V4Pact.class);
    }

    @Pact(consumer = "gateway", provider = PROVIDER)
    V4Pact resolvesALineItemByItsProductLink(PactDslWithProvider builder) {
        return builder
                .given("the US company has an active item with id 2")
                .uponReceiving("a request to resolve a discounted line item whose product carries a QBO item id")
                .method("POST").path("/v1/line-items/resolve")
                .headers(JSON)
                .matchHeader(ServiceHeaders.CORRELATION_ID, "[ -~]{1,200}", "ap-pact-catalog-5")
                .body(newJsonBody(body -> {
                    body.stringMatcher("realmId", "[0-9]{1,32}", REALM);
                    body.integerType("portalId", (int) PORTAL);
                    body.booleanValue("createMissing", false);
                    body.minArrayLike("lineItems", 1, line -> {
                        line.stringType("id", "405");
                        line.stringType("name", "Annual plan (renewal)");
                        line.stringType("productId", "9001");
                        line.stringMatcher("qboItemId", "[0-9]{1,32}", "2");
                        line.stringType("description", "Renewal 2027");
                        line.numberType("quantity", 3);
                        line.numberType("price", new BigDecimal("33.33"));
                        line.numberType("discountPercentage", 10);
                    });
                }).build())
                .willRespondWith()
                .status(200)
                .headers(JSON)
                .body(newJsonBody(body -> body.minArrayLike("lines", 1, line -> {
                    line.stringType("lineItemId", "405");
                    line.stringMatcher("itemId", "[0-9]{1,32}", "2");
                    line.stringType("itemName", "Annual Subscription");
                    line.stringValue("matchedBy", "PRODUCT_LINK");
                    line.numberType("quantity", 1);
                    line.numberType("unitPrice", new BigDecimal("89.99"));
                    line.numberType("amount", new BigDecimal("89.99"));
                    line.stringType("amountNote", "3 x 29.997");
                })).build())
                .toPact(V4Pact.class);
    }

    @Pact(consumer = "gateway", provider = PROVIDER)
    V4Pact createsAMissingItemWhenAsked(PactDslWithProvider builder) {
        return builder
                .given("the US company has catalog settings and no item named Custom Integration")
                .uponReceiving("a request to resolve an unmatched line item with Create missing products on")
                .method("POST").path("/v1/line-items/resolve")
                .headers(JSON)
                .matchHeader(ServiceHeaders.CORRELATION_ID, "[ -~]{1,200}", "ap-pact-catalog-6")
                .body(newJsonBody(body -> {
                    body.stringMatcher("realmId", "[0-9]{1,32}", REALM);
                    body.integerType("portalId", (int) PORTAL);
                    body.booleanValue("createMissing", true);
                    body.minArrayLike("lineItems", 1, line -> {
                        line.stringType("id", "402");
                        line.stringType("name", "Custom Integration");
                        line.stringType("sku", "CUS-INT");
                        line.numberType("quantity", 1);
                        line.numberType("price", new BigDecimal("3000.00"));
                    });
                }).build())
                .willRespondWith()
                .status(200)
                .headers(JSON)
                .body(newJsonBody(body -> body.minArrayLike("lines", 1, line -> {
                    line.stringType("lineItemId", "402");
                    line.stringMatcher("itemId", "[0-9]{1,32}", "77");
                    line.stringType("itemName", "Custom Integration");
                    line.stringValue("matchedBy", "CREATED");
                    line.numberType("quantity", 1);
                    line.numberType("unitPrice", 3000);
                    line.numberType("amount", new BigDecimal("3000.00"));
                })).build())
                .toPact(V4Pact.class);
    }

    @Pact(consumer = "gateway", provider = PROVIDER)
    V4Pact refusesToCreateWithoutCatalogSettings(PactDslWithProvider builder) {
        return builder
                .given("the US company has no catalog settings and no item named Custom Integration")
                .uponReceiving("a request to create a missing item for a company without catalog settings")
                .method("POST").path("/v1/line-items/resolve")
                .headers(JSON)
                .matchHeader(ServiceHeaders.CORRELATION_ID, "[ -~]{1,200}", "ap-pact-catalog-7")
                .body(newJsonBody(body -> {
                    body.stringMatcher("realmId", "[0-9]{1,32}", SETTINGLESS_REALM);
                    body.integerType("portalId", (int) PORTAL);
                    body.booleanValue("createMissing", true);
                    body.minArrayLike("lineItems", 1, line -> {
                        line.stringType("id", "402");
                        line.stringType("name", "Custom Integration");
                        line.stringType("sku", "CUS-INT");
                        line.numberType("quantity", 1);
                        line.numberType("price", new BigDecimal("3000.00"));
                    });
                }).build())
                .willRespondWith()
                .status(422)
                .headers(JSON)
                .body(newJsonBody(body -> {
                    body.stringValue("code", "CATALOG_SETTINGS_MISSING");
                    body.stringType("message", "Cannot create 1 missing QuickBooks product");
                }).build())
                .toPact(V4Pact.class);
    }

    @Pact(consumer = "gateway", provider = PROVIDER)
    V4Pact savesCatalogSettings(PactDslWithProvider builder) {
        return builder
                .given("the US company has an active Income account 79")
                .uponReceiving("a request to save the catalog settings of the US company")
                .method("PUT").path("/v1/companies/" + REALM + "/catalog-settings")
                .headers(JSON)
                .body(newJsonBody(body -> {
                    body.stringValue("itemType", "NonInventory");
                    body.stringValue("incomeAccountId", "79");
                }).build())
                .willRespondWith()
                .status(200)
                .headers(JSON)
                .body(newJsonBody(body -> {
                    body.stringValue("realmId", REALM);
                    body.stringValue("itemType", "NonInventory");
                    body.stringValue("incomeAccountId", "79");
                    body.stringType("incomeAccountName", "Sales of Product Income");
                }).build())
                .toPact(V4Pact.class);
    }

    @Pact(consumer = "gateway", provider = PROVIDER)
    V4Pact refusesCatalogSettingsWithANonIncomeAccount(PactDslWithProvider builder) {
        return builder
                .given("the US company's account 12 is an Expense account")
                .uponReceiving("a request to save catalog settings naming an account that is not of type Income")
                .method("PUT").path("/v1/companies/" + REALM + "/catalog-settings")
                .headers(JSON)
                .body(newJsonBody(body -> {
                    body.stringValue("itemType", "Service");
                    body.stringValue("incomeAccountId", "12");
                }).build())
                .willRespondWith()
                .status(422)
                .headers(JSON)
                .body(newJsonBody(body -> {
                    body.stringValue("code", "INVALID_CATALOG_SETTINGS");
                    body.stringType("message", "Account 12 is of type Expense; new products need an account of type Income.");
                }).build())
                .toPact(V4Pact.class);
    }

    @Pact(consumer = "gateway", provider = PROVIDER)
    V4Pact previewsAMissingItemWithoutCreatingIt(PactDslWithProvider builder) {
        return builder
                .given("the US company has catalog settings and no item named Custom Integration")
                .uponReceiving("a request to preview an unmatched line item with Create missing products on")
                .method("POST").path("/v1/line-items/preview")
                .headers(JSON)
                .matchHeader(ServiceHeaders.CORRELATION_ID, "[ -~]{1,200}", "preview-pact-catalog-1")
                .body(newJsonBody(body -> {
                    body.stringMatcher("realmId", "[0-9]{1,32}", REALM);
                    body.integerType("portalId", (int) PORTAL);
                    body.booleanValue("createMissing", true);
                    body.minArrayLike("lineItems", 1, line -> {
                        line.stringType("id", "402");
                        line.stringType("name", "Custom Integration");
                        line.stringType("sku", "CUS-INT");
                        line.numberType("quantity", 1);
                        line.numberType("price", new BigDecimal("3000.00"));
                    });
                }).build())
                .willRespondWith()
                .status(200)
                .headers(JSON)
                .body(newJsonBody(body -> body.minArrayLike("lines", 1, line -> {
                    line.stringType("lineItemId", "402");
                    line.stringValue("action", "WOULD_CREATE");
                    line.stringType("itemName", "Custom Integration");
                    line.stringValue("matchedBy", "CREATED");
                    line.stringMatcher("itemType", "Service|NonInventory", "NonInventory");
                    line.stringMatcher("incomeAccountId", "[0-9]{1,32}", "79");
                    line.stringType("incomeAccountName", "Sales of Product Income");
                    line.numberType("quantity", 1);
                    line.numberType("unitPrice", 3000);
                    line.numberType("amount", new BigDecimal("3000.00"));
                })).build())
                .toPact(V4Pact.class);
    }

    @Pact(consumer = "gateway", provider = PROVIDER)
    V4Pact refusesToPreviewAnUnmatchedLineItem(PactDslWithProvider builder) {
        return builder
                .given("no item of the US company has SKU CUS-INT or name Custom Integration")
                .uponReceiving("a request to preview a line item that matches no QuickBooks product")
                .method("POST").path("/v1/line-items/preview")
                .headers(JSON)
                .matchHeader(ServiceHeaders.CORRELATION_ID, "[ -~]{1,200}", "preview-pact-catalog-2")
                .body(newJsonBody(body -> {
                    body.stringMatcher("realmId", "[0-9]{1,32}", REALM);
                    body.integerType("portalId", (int) PORTAL);
                    body.booleanValue("createMissing", false);
                    body.minArrayLike("lineItems", 1, line -> {
                        line.stringType("id", "402");
                        line.stringType("name", "Custom Integration");
                        line.stringType("sku", "CUS-INT");
                        line.numberType("quantity", 1);
                        line.numberType("price", new BigDecimal("3000.00"));
                    });
                }).build())
                .willRespondWith()
                .status(422)
                .headers(JSON)
                .body(newJsonBody(body -> {
                    body.stringValue("code", "UNMATCHED_LINE_ITEMS");
                    body.stringType("message", UNMATCHED_MESSAGE);
                }).build())
                .toPact(V4Pact.class);
    }

    @Pact(consumer = "gateway", provider = PROVIDER)
    V4Pact createsAMissingItemInTheActionsIncomeAccount(PactDslWithProvider builder) {
        return builder
                .given("the US company has catalog settings, an active Income account 80 and no item named"
                        + " Custom Integration")
                .uponReceiving("a request to create a missing item in the income account the action names")
                .method("POST").path("/v1/line-items/resolve")
                .headers(JSON)
                .matchHeader(ServiceHeaders.CORRELATION_ID, "[ -~]{1,200}", "ap-pact-catalog-8")
                .body(newJsonBody(body -> {
                    body.stringMatcher("realmId", "[0-9]{1,32}", REALM);
                    body.integerType("portalId", (int) PORTAL);
                    body.booleanValue("createMissing", true);
                    body.stringMatcher("incomeAccountId", "[0-9]{1,32}", "80");
                    body.minArrayLike("lineItems", 1, line -> {
                        line.stringType("id", "402");
                        line.stringType("name", "Custom Integration");
                        line.stringType("sku", "CUS-INT");
                        line.numberType("quantity", 1);
                        line.numberType("price", new BigDecimal("3000.00"));
                    });
                }).build())
                .willRespondWith()
                .status(200)
                .headers(JSON)
                .body(newJsonBody(body -> body.minArrayLike("lines", 1, line -> {
                    line.stringType("lineItemId", "402");
                    line.stringMatcher("itemId", "[0-9]{1,32}", "78");
                    line.stringType("itemName", "Custom Integration");
                    line.stringValue("matchedBy", "CREATED");
                    line.numberType("quantity", 1);
                    line.numberType("unitPrice", 3000);
                    line.numberType("amount", new BigDecimal("3000.00"));
                })).build())
                .toPact(V4Pact.class);
    }

    @Pact(consumer = "gateway", provider = PROVIDER)
    V4Pact readsTheProductSyncToHubSpot(PactDslWithProvider builder) {
        return builder
                .given("the US company's items are synced to HubSpot portal 40213377")
                .uponReceiving("a request for the product sync to HubSpot of the US company")
                .method("GET").path("/v1/companies/" + REALM + "/hubspot-product-sync")
                .willRespondWith()
                .status(200)
                .headers(JSON)
                .body(newJsonBody(body -> {
                    body.stringValue("realmId", REALM);
                    body.booleanValue("enabled", true);
                    body.integerType("portalId", (int) PORTAL);
                    body.integerType("productsSynced", 0);
                }).build())
                .toPact(V4Pact.class);
    }

    @Pact(consumer = "gateway", provider = PROVIDER)
    V4Pact savesTheProductSyncToHubSpot(PactDslWithProvider builder) {
        return builder
                .given("the US company is connected")
                .uponReceiving("a request to turn on the product sync to HubSpot of the US company")
                .method("PUT").path("/v1/companies/" + REALM + "/hubspot-product-sync")
                .headers(JSON)
                .body(newJsonBody(body -> {
                    body.booleanValue("enabled", true);
                    body.integerType("portalId", (int) PORTAL);
                }).build())
                .willRespondWith()
                .status(200)
                .headers(JSON)
                .body(newJsonBody(body -> {
                    body.stringValue("realmId", REALM);
                    body.booleanValue("enabled", true);
                    body.integerType("portalId", (int) PORTAL);
                }).build())
                .toPact(V4Pact.class);
    }

    @Test
    @PactTestFor(pactMethod = "previewsAMissingItemWithoutCreatingIt")
    void shouldReadThePreviewOfAMissingItem() {
        PreviewedLineItems previewed = client.preview("preview-pact-catalog-1", new LineItemResolveRequest(REALM,
                PORTAL, List.of(new LineItemResolveRequest.LineItem("402", "Custom Integration", "CUS-INT", null,
                        BigDecimal.ONE, new BigDecimal("3000.00"))), true)).await().atMost(Duration.ofSeconds(10));

        assertEquals(List.of(new PreviewedLineItems.Line("402", "WOULD_CREATE", null, "Custom Integration", "CREATED",
                "NonInventory", "79", "Sales of Product Income", BigDecimal.ONE, new BigDecimal("3000"),
                new BigDecimal("3000.00"), null)), previewed.lines());
        assertEquals("0", previewed.asResolved("0").lines().get(0).itemId());
    }

    @Test
    @PactTestFor(pactMethod = "refusesToPreviewAnUnmatchedLineItem")
    void shouldTurnAnUnmatchedPreviewIntoARefusal() {
        ServiceRefusalException refusal = assertThrows(ServiceRefusalException.class, () -> client.preview(
                "preview-pact-catalog-2", new LineItemResolveRequest(REALM, PORTAL, List.of(
                        new LineItemResolveRequest.LineItem("402", "Custom Integration", "CUS-INT", null,
                                BigDecimal.ONE, new BigDecimal("3000.00")))))
                .await().atMost(Duration.ofSeconds(10)));

        assertEquals(422, refusal.httpStatus());
        assertEquals("UNMATCHED_LINE_ITEMS", refusal.code());
    }

    @Test
    @PactTestFor(pactMethod = "createsAMissingItemInTheActionsIncomeAccount")
    void shouldSendTheActionsIncomeAccount() {
        ResolvedLineItems resolved = client.resolve("ap-pact-catalog-8", new LineItemResolveRequest(REALM, PORTAL,
                List.of(new LineItemResolveRequest.LineItem("402", "Custom Integration", "CUS-INT", null,
                        BigDecimal.ONE, new BigDecimal("3000.00"))), true, "80"))
                .await().atMost(Duration.ofSeconds(10));

        assertEquals("CREATED", resolved.lines().get(0).matchedBy());
        assertEquals("78", resolved.lines().get(0).itemId());
    }

    @Test
    @PactTestFor(pactMethod = "readsTheProductSyncToHubSpot")
    void shouldReadTheProductSync() {
        HubSpotProductSync state = productSync.get(REALM).await().atMost(Duration.ofSeconds(10));

        assertEquals(REALM, state.realmId());
        assertEquals(true, state.enabled());
        assertEquals(PORTAL, state.portalId());
    }

    @Test
    @PactTestFor(pactMethod = "savesTheProductSyncToHubSpot")
    void shouldSaveTheProductSync() {
        HubSpotProductSync saved = productSync.put(REALM, HubSpotProductSync.update(true, PORTAL)).await()
                .atMost(Duration.ofSeconds(10));

        assertEquals(true, saved.enabled());
        assertEquals(PORTAL, saved.portalId());
    }

    @Test
    @PactTestFor(pactMethod = "resolvesALineItemBySku")
    void shouldReadTheResolvedLines() {
        LineItemResolveRequest request = new LineItemResolveRequest(REALM, PORTAL, List.of(
                new LineItemResolveRequest.LineItem("401", "Annual Subscription", "SUB-ANNUAL", "202", BigDecimal.ONE,
                        new BigDecimal("12000.00"))));

        ResolvedLineItems resolved = client.resolve("ap-pact-catalog-1", request).await()
                .atMost(Duration.ofSeconds(10));

        assertEquals(List.of(new ResolvedLineItems.Line("401", "2", "Annual Subscription", "SKU", BigDecimal.ONE,
                new BigDecimal("12000"), new BigDecimal("12000.00"), null)), resolved.lines());
    }

    @Test
    @PactTestFor(pactMethod = "refusesALineItemWithoutAProduct")
    void shouldTurnUnmatchedLineItemsIntoARefusal() {
        LineItemResolveRequest request = new LineItemResolveRequest(REALM, PORTAL, List.of(
                new LineItemResolveRequest.LineItem("402", "Custom Integration", "CUS-INT", "203", BigDecimal.ONE,
                        new BigDecimal("3000.00"))));

        ServiceRefusalException refusal = assertThrows(ServiceRefusalException.class,
                () -> client.resolve("ap-pact-catalog-2", request).await().atMost(Duration.ofSeconds(10)));

        assertEquals(422, refusal.httpStatus());
        assertEquals("UNMATCHED_LINE_ITEMS", refusal.code());
        assertEquals(UNMATCHED_MESSAGE, refusal.getMessage());
    }

    @Test
    @PactTestFor(pactMethod = "refusesARecordWithoutLineItems")
    void shouldTurnNoLineItemsIntoARefusal() {
        assertRefused("ap-pact-catalog-3", new LineItemResolveRequest(REALM, PORTAL, List.of()), "NO_LINE_ITEMS",
                NO_LINES_MESSAGE);
    }

    @Test
    @PactTestFor(pactMethod = "refusesALineItemTwoProductsMatch")
    void shouldTurnAmbiguousLineItemsIntoARefusal() {
        assertRefused("ap-pact-catalog-4", new LineItemResolveRequest(REALM, PORTAL, List.of(
                new LineItemResolveRequest.LineItem("401", "Annual Subscription", "SUB-ANNUAL", "202", BigDecimal.ONE,
                        new BigDecimal("12000.00")))), "AMBIGUOUS_LINE_ITEMS", AMBIGUOUS_MESSAGE);
    }

    @Test
    @PactTestFor(pactMethod = "resolvesALineItemByItsProductLink")
    void shouldSendTheProductLinkAndDiscountAndReadTheAmounts() {
        LineItemResolveRequest request = new LineItemResolveRequest(REALM, PORTAL, List.of(
                new LineItemResolveRequest.LineItem("405", "Annual plan (renewal)", null, "9001", new BigDecimal("3"),
                        new BigDecimal("33.33"), "2", "Renewal 2027", null, new BigDecimal("10"))), false);

        ResolvedLineItems resolved = client.resolve("ap-pact-catalog-5", request).await()
                .atMost(Duration.ofSeconds(10));

        assertEquals(List.of(new ResolvedLineItems.Line("405", "2", "Annual Subscription", "PRODUCT_LINK",
                BigDecimal.ONE, new BigDecimal("89.99"), new BigDecimal("89.99"), "3 x 29.997")), resolved.lines());
    }

    @Test
    @PactTestFor(pactMethod = "createsAMissingItemWhenAsked")
    void shouldAskForMissingItemsToBeCreated() {
        LineItemResolveRequest request = new LineItemResolveRequest(REALM, PORTAL, List.of(
                new LineItemResolveRequest.LineItem("402", "Custom Integration", "CUS-INT", null, BigDecimal.ONE,
                        new BigDecimal("3000.00"))), true);

        ResolvedLineItems resolved = client.resolve("ap-pact-catalog-6", request).await()
                .atMost(Duration.ofSeconds(10));

        assertEquals("CREATED", resolved.lines().get(0).matchedBy());
        assertEquals("77", resolved.lines().get(0).itemId());
    }

    @Test
    @PactTestFor(pactMethod = "refusesToCreateWithoutCatalogSettings")
    void shouldTurnMissingCatalogSettingsIntoARefusal() {
        ServiceRefusalException refusal = assertThrows(ServiceRefusalException.class, () -> client.resolve(
                "ap-pact-catalog-7", new LineItemResolveRequest(SETTINGLESS_REALM, PORTAL, List.of(
                        new LineItemResolveRequest.LineItem("402", "Custom Integration", "CUS-INT", null,
                                BigDecimal.ONE, new BigDecimal("3000.00"))), true))
                .await().atMost(Duration.ofSeconds(10)));

        assertEquals(422, refusal.httpStatus());
        assertEquals("CATALOG_SETTINGS_MISSING", refusal.code());
    }

    @Test
    @PactTestFor(pactMethod = "savesCatalogSettings")
    void shouldSaveCatalogSettings() {
        CatalogSettings saved = settings.put(REALM, new CatalogSettingsUpdate("NonInventory", "79")).await()
                .atMost(Duration.ofSeconds(10));

        assertEquals(new CatalogSettings(REALM, "NonInventory", "79", "Sales of Product Income"), saved);
    }

    @Test
    @PactTestFor(pactMethod = "refusesCatalogSettingsWithANonIncomeAccount")
    void shouldTurnAnInvalidIncomeAccountIntoARefusal() {
        ServiceRefusalException refusal = assertThrows(ServiceRefusalException.class,
                () -> settings.put(REALM, new CatalogSettingsUpdate("Service", "12")).await()
                        .atMost(Duration.ofSeconds(10)));

        assertEquals(422, refusal.httpStatus());
        assertEquals("INVALID_CATALOG_SETTINGS", refusal.code());
    }

    private void assertRefused(String correlationId, LineItemResolveRequest request, String code, String message) {
        ServiceRefusalException refusal = assertThrows(ServiceRefusalException.class,
                () -> client.resolve(correlationId, request).await().atMost(Duration.ofSeconds(10)));

        assertEquals(422, refusal.httpStatus());
        assertEquals(code, refusal.code());
        assertEquals(message, refusal.getMessage());
    }
}
