package dev.ledgerbridge.catalog.service;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.ledgerbridge.catalog.CatalogSettings;
import dev.ledgerbridge.catalog.LineItem;
import dev.ledgerbridge.catalog.LineItemRefusal;
import dev.ledgerbridge.catalog.MatchedBy;
import dev.ledgerbridge.catalog.MirrorItem;
import dev.ledgerbridge.catalog.QboStubs;
import dev.ledgerbridge.catalog.QboStubs.StubItem;
import dev.ledgerbridge.catalog.ResolveLineItemsCommand;
import dev.ledgerbridge.catalog.ResolvedLine;
import dev.ledgerbridge.catalog.WireMockVendors;
import dev.ledgerbridge.catalog.WireMockVendors.InjectWireMock;
import dev.ledgerbridge.catalog.repository.CatalogItemRepository;
import dev.ledgerbridge.catalog.repository.CatalogSettingsRepository;
import dev.ledgerbridge.catalog.repository.ProductLinkRepository;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Product links as the first rule (R10), and "Create missing products" (R11, R12) incl. concurrent executions. */
@QuarkusTest
@QuarkusTestResource(WireMockVendors.class)
class ProductLinkAndCreationTest {

    private static final Duration WAIT = Duration.ofSeconds(15);
    private static final long PORTAL = 40213377L;

    @InjectWireMock
    WireMockServer wireMock;

    @Inject
    LineItemResolver resolver;

    @Inject
    ProductLinkRepository links;

    @Inject
    CatalogSettingsRepository settings;

    @Inject
    CatalogItemRepository items;

    private QboStubs qbo;

    @BeforeEach
    void resetVendors() {
        wireMock.resetAll();
        qbo = new QboStubs(wireMock);
    }

    @Test
    void shouldMatchByTheProductLinkBeforeTheSku() {
        String realm = "9130350000000701";
        stubEmptyCompany(realm);
        qbo.items(realm, "Id IN", StubItem.service("31", "Linked Plan", "LINKED"));
        qbo.items(realm, "Sku IN", StubItem.service("2", "Annual Subscription", "SUB-ANNUAL"));
        links.link(realm, PORTAL, Map.of("9001", new ProductLinkRepository.Link("31", "SKU"))).await().atMost(WAIT);

        List<ResolvedLine> lines = resolve(realm, false,
                new LineItem("401", "Annual Subscription", "SUB-ANNUAL", "9001", BigDecimal.ONE, BigDecimal.TEN));

        assertEquals(List.of(new ResolvedLine("401", "31", "Linked Plan", MatchedBy.PRODUCT_LINK)), lines);
        assertTrue(qbo.statements(realm).stream().noneMatch(s -> s.contains("Sku IN")), "no SKU look-up needed");
    }

    @Test
    void shouldMatchByTheProductsQboItemIdAndLinkAProductMatchedBySku() {
        String realm = "9130350000000702";
        stubEmptyCompany(realm);
        qbo.items(realm, "Id IN", StubItem.service("44", "Synced Product", null));
        qbo.items(realm, "Sku IN", StubItem.service("2", "Annual Subscription", "SUB-ANNUAL"));

        List<ResolvedLine> lines = resolve(realm, false,
                new LineItem("401", "Anything", null, "9101", BigDecimal.ONE, BigDecimal.TEN, "44", null, null, null),
                new LineItem("402", "Annual Subscription", "SUB-ANNUAL", "9102", BigDecimal.ONE, BigDecimal.TEN));

        assertEquals(List.of(new ResolvedLine("401", "44", "Synced Product", MatchedBy.PRODUCT_LINK),
                new ResolvedLine("402", "2", "Annual Subscription", MatchedBy.SKU)), lines);
        assertEquals(Map.of("9101", "44", "9102", "2"),
                links.itemIds(realm, PORTAL, List.of("9101", "9102")).await().atMost(WAIT));
    }

    @Test
    void shouldRefuseUnmatchedLinesAndWriteNothingWhenCreationIsOff() {
        String realm = "9130350000000703";
        stubEmptyCompany(realm);
        saveSettings(realm);

        LineItemRefusal refusal = assertThrows(LineItemRefusal.class, () -> resolve(realm, false,
                new LineItem("501", "Custom Integration", "CUS-INT", "9201", BigDecimal.ONE, BigDecimal.TEN)));

        assertEquals(LineItemRefusal.UNMATCHED_LINE_ITEMS, refusal.code());
        assertEquals(0, wireMock.findAll(postRequestedFor(urlPathEqualTo(itemPath(realm)))).size());
        assertEquals(Map.of(), links.itemIds(realm, PORTAL, List.of("9201")).await().atMost(WAIT));
    }

    @Test
    void shouldRefuseToCreateWhenTheCompanyHasNoCatalogSettings() {
        String realm = "9130350000000704";
        stubEmptyCompany(realm);

        LineItemRefusal refusal = assertThrows(LineItemRefusal.class, () -> resolve(realm, true,
                new LineItem("501", "Custom Integration", "CUS-INT", null, BigDecimal.ONE, BigDecimal.TEN)));

        assertEquals(LineItemRefusal.CATALOG_SETTINGS_MISSING, refusal.code());
        assertTrue(refusal.getMessage().contains("Custom Integration (SKU CUS-INT, quantity 1)"), refusal.getMessage());
        assertEquals(0, wireMock.findAll(postRequestedFor(urlPathEqualTo(itemPath(realm)))).size());
    }

    @Test
    void shouldRefuseToCreateAnItemWhoseNameQuickBooksCannotTake() {
        String realm = "9130350000000705";
        stubEmptyCompany(realm);
        saveSettings(realm);

        LineItemRefusal refusal = assertThrows(LineItemRefusal.class, () -> resolve(realm, true,
                new LineItem("501", "Support: premium", null, null, BigDecimal.ONE, BigDecimal.TEN)));

        assertEquals(LineItemRefusal.ITEM_NOT_CREATABLE, refusal.code());
        assertTrue(refusal.getMessage().contains("cannot contain a colon"), refusal.getMessage());
    }

    @Test
    void shouldCreateTheMissingItemWithTheCompanySettingsMirrorItAndLinkTheProduct() {
        String realm = "9130350000000706";
        stubEmptyCompany(realm);
        saveSettings(realm);
        stubCreate(realm, "77", "Custom Integration", 0);

        List<ResolvedLine> lines = resolve(realm, true,
                new LineItem("501", "Custom Integration", "CUS-INT", "9301", new BigDecimal("2"),
                        new BigDecimal("250.00"), null, "Two days of integration work", null, null),
                new LineItem("502", " custom integration ", null, null, BigDecimal.ONE, new BigDecimal("250.00")));

        assertEquals(List.of(new ResolvedLine("501", "77", "Custom Integration", MatchedBy.CREATED),
                new ResolvedLine("502", "77", "Custom Integration", MatchedBy.CREATED)), lines);
        var creates = wireMock.findAll(postRequestedFor(urlPathEqualTo(itemPath(realm))));
        assertEquals(1, creates.size(), "two lines with the same name need one item");
        String body = creates.get(0).getBodyAsString();
        assertTrue(body.contains("\"Name\":\"Custom Integration\""), body);
        assertTrue(body.contains("\"Type\":\"NonInventory\""), body);
        assertTrue(body.contains("\"Sku\":\"CUS-INT\""), body);
        assertTrue(body.contains("\"UnitPrice\":250.00"), body);
        assertTrue(body.contains("\"Description\":\"Two days of integration work\""), body);
        assertTrue(body.contains("\"IncomeAccountRef\":{\"value\":\"79\"}"), body);
        MirrorItem mirrored = items.find(realm, "77").await().atMost(WAIT);
        assertNotNull(mirrored, "the created item is in the mirror at once");
        assertEquals(Map.of("9301", "77"), links.itemIds(realm, PORTAL, List.of("9301")).await().atMost(WAIT));
    }

    @Test
    void shouldUseTheItemSomeoneElseCreatedWhenQuickBooksAnswersDuplicateName() {
        String realm = "9130350000000707";
        stubEmptyCompany(realm);
        saveSettings(realm);
        wireMock.stubFor(post(urlPathEqualTo(itemPath(realm))).willReturn(aResponse().withStatus(400)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"Fault\":{\"Error\":[{\"Message\":\"Duplicate Name Exists Error\",\"Detail\":\"The name"
                        + " supplied already exists. : Id=88\",\"code\":\"6240\",\"element\":\"\"}],"
                        + "\"type\":\"ValidationFault\"},\"time\":\"2026-11-26T10:00:00.000-08:00\"}")));
        // The resolution's own name look-up saw nothing; the read-back after 6240 (active or not) finds it.
        qbo.items(realm, "Active IN", StubItem.service("88", "Custom Integration", null));

        List<ResolvedLine> lines = resolve(realm, true,
                new LineItem("501", "Custom Integration", null, null, BigDecimal.ONE, BigDecimal.TEN));

        assertEquals(List.of(new ResolvedLine("501", "88", "Custom Integration", MatchedBy.CREATED)), lines);
        assertNotNull(items.find(realm, "88").await().atMost(WAIT));
    }

    @Test
    void shouldCreateOneItemWhenTwoExecutionsNeedTheSameMissingItemAtOnce() {
        String realm = "9130350000000708";
        stubEmptyCompany(realm);
        saveSettings(realm);
        // A slow QBO create keeps the first execution inside its lock while the second arrives.
        stubCreate(realm, "99", "Rush Delivery", 700);

        for (int round = 0; round < 3; round++) {
            String name = round == 0 ? "Rush Delivery" : "Rush Delivery " + round;
            if (round > 0) {
                stubCreate(realm, "99" + round, name, 700);
                wireMock.resetRequests();
            }
            Uni<List<ResolvedLine>> first = resolver.resolve(command(realm, true, "cb-a-" + round,
                    new LineItem("601", name, null, null, BigDecimal.ONE, BigDecimal.TEN)));
            Uni<List<ResolvedLine>> second = resolver.resolve(command(realm, true, "cb-b-" + round,
                    new LineItem("701", name, null, null, BigDecimal.ONE, BigDecimal.TEN)));
            CompletableFuture<List<ResolvedLine>> a = first.subscribeAsCompletionStage();
            CompletableFuture<List<ResolvedLine>> b = second.subscribeAsCompletionStage();

            String expectedId = round == 0 ? "99" : "99" + round;
            assertEquals(expectedId, a.orTimeout(WAIT.toSeconds(), java.util.concurrent.TimeUnit.SECONDS).join().get(0).itemId());
            assertEquals(expectedId, b.orTimeout(WAIT.toSeconds(), java.util.concurrent.TimeUnit.SECONDS).join().get(0).itemId());
            assertEquals(1, wireMock.findAll(postRequestedFor(urlPathEqualTo(itemPath(realm)))).size(),
                    "one QBO item for two concurrent executions (round " + round + ")");
        }
    }

    private void stubEmptyCompany(String realm) {
        qbo.token(realm);
        // Any item query not stubbed more precisely finds nothing; later stubs take precedence.
        qbo.items(realm, "FROM Item");
    }

    private void saveSettings(String realm) {
        settings.save(new CatalogSettings(realm, "NonInventory", "79", "Sales of Product Income"))
                .await().atMost(WAIT);
    }

    private void stubCreate(String realm, String id, String name, int delayMillis) {
        wireMock.stubFor(post(urlPathEqualTo(itemPath(realm))).withRequestBody(containing("\"Name\":\"" + name + "\""))
                .willReturn(okJson("{\"Item\":{\"Id\":\"" + id + "\",\"SyncToken\":\"0\",\"Name\":\"" + name
                        + "\",\"Type\":\"NonInventory\",\"Active\":true,\"FullyQualifiedName\":\"" + name
                        + "\",\"UnitPrice\":250,\"IncomeAccountRef\":{\"value\":\"79\"}},"
                        + "\"time\":\"2026-11-26T10:00:00.000-08:00\"}").withFixedDelay(delayMillis)));
    }

    private static String itemPath(String realm) {
        return "/v3/company/" + realm + "/item";
    }

    private List<ResolvedLine> resolve(String realm, boolean createMissing, LineItem... lines) {
        return resolver.resolve(command(realm, createMissing, null, lines)).await().atMost(WAIT);
    }

    private static ResolveLineItemsCommand command(String realm, boolean createMissing, String correlationId,
            LineItem... lines) {
        return new ResolveLineItemsCommand(realm, PORTAL, List.of(lines), correlationId, createMissing);
    }
}
