package dev.ledgerbridge.catalog.service;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.ledgerbridge.catalog.CatalogSettings;
import dev.ledgerbridge.catalog.LineItem;
import dev.ledgerbridge.catalog.LineItemRefusal;
import dev.ledgerbridge.catalog.MatchedBy;
import dev.ledgerbridge.catalog.PreviewedLine;
import dev.ledgerbridge.catalog.QboStubs;
import dev.ledgerbridge.catalog.QboStubs.StubItem;
import dev.ledgerbridge.catalog.ResolveLineItemsCommand;
import dev.ledgerbridge.catalog.ResolvedLine;
import dev.ledgerbridge.catalog.WireMockVendors;
import dev.ledgerbridge.catalog.WireMockVendors.InjectWireMock;
import dev.ledgerbridge.catalog.repository.CatalogSettingsRepository;
import dev.ledgerbridge.catalog.repository.ProductLinkRepository;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The preview of a resolution (nothing written: no QBO item, no product link) and the action's income account for
 * created items, on the real PostgreSQL with QBO in WireMock.
 */
@QuarkusTest
@QuarkusTestResource(WireMockVendors.class)
class LineItemPreviewTest {

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

    private QboStubs qbo;

    @BeforeEach
    void resetVendors() {
        wireMock.resetAll();
        qbo = new QboStubs(wireMock);
    }

    @Test
    void shouldPreviewTheItemsItWouldUseAndCreateWithoutWritingAnything() {
        String realm = "9130350000000801";
        stubEmptyCompany(realm);
        saveSettings(realm);
        qbo.items(realm, "Sku IN", StubItem.service("2", "Annual Subscription", "SUB-ANNUAL"));

        List<PreviewedLine> lines = resolver.preview(command(realm, true, null,
                new LineItem("401", "Annual Subscription", "SUB-ANNUAL", "9401", BigDecimal.ONE, BigDecimal.TEN),
                new LineItem("402", " Custom Integration ", null, "9402", BigDecimal.ONE, BigDecimal.TEN)))
                .await().atMost(WAIT);

        assertEquals(List.of(new PreviewedLine("401", "2", "Annual Subscription", MatchedBy.SKU, null, null, null),
                new PreviewedLine("402", null, "Custom Integration", MatchedBy.CREATED, "NonInventory", "79",
                        "Sales of Product Income")), lines);
        assertEquals(0, wireMock.findAll(postRequestedFor(urlPathMatching("/v3/company/.*"))).size());
        assertEquals(Map.of(), links.itemIds(realm, PORTAL, List.of("9401", "9402")).await().atMost(WAIT),
                "a preview links no product");
    }

    @Test
    void shouldRefuseLikeResolveWhenCreationIsOffOrImpossible() {
        String realm = "9130350000000802";
        stubEmptyCompany(realm);

        LineItemRefusal unmatched = assertThrows(LineItemRefusal.class, () -> resolver.preview(command(realm, false,
                null, new LineItem("501", "Custom Integration", null, null, BigDecimal.ONE, BigDecimal.TEN)))
                .await().atMost(WAIT));
        LineItemRefusal noSettings = assertThrows(LineItemRefusal.class, () -> resolver.preview(command(realm, true,
                null, new LineItem("501", "Custom Integration", null, null, BigDecimal.ONE, BigDecimal.TEN)))
                .await().atMost(WAIT));

        assertEquals(LineItemRefusal.UNMATCHED_LINE_ITEMS, unmatched.code());
        assertEquals(LineItemRefusal.CATALOG_SETTINGS_MISSING, noSettings.code());
    }

    @Test
    void shouldCreateMissingItemsWithTheActionsIncomeAccountInsteadOfTheSetting() {
        String realm = "9130350000000803";
        stubEmptyCompany(realm);
        saveSettings(realm);
        stubAccount(realm, "80", "Consulting Income", "Income");
        wireMock.stubFor(post(urlPathEqualTo("/v3/company/" + realm + "/item")).willReturn(okJson(
                "{\"Item\":{\"Id\":\"78\",\"SyncToken\":\"0\",\"Name\":\"Custom Integration\",\"Type\":\"NonInventory\","
                        + "\"Active\":true,\"IncomeAccountRef\":{\"value\":\"80\"}},"
                        + "\"time\":\"2026-11-26T10:00:00.000-08:00\"}")));
        LineItem line = new LineItem("501", "Custom Integration", null, null, BigDecimal.ONE, BigDecimal.TEN);

        List<PreviewedLine> previewed = resolver.preview(command(realm, true, "80", line)).await().atMost(WAIT);
        List<ResolvedLine> resolved = resolver.resolve(command(realm, true, "80", line)).await().atMost(WAIT);

        assertEquals(List.of(new PreviewedLine("501", null, "Custom Integration", MatchedBy.CREATED, "NonInventory",
                "80", "Consulting Income")), previewed);
        assertEquals(List.of(new ResolvedLine("501", "78", "Custom Integration", MatchedBy.CREATED)), resolved);
        var creates = wireMock.findAll(postRequestedFor(urlPathEqualTo("/v3/company/" + realm + "/item")));
        assertEquals(1, creates.size());
        String body = creates.get(0).getBodyAsString();
        assertTrue(body.contains("\"IncomeAccountRef\":{\"value\":\"80\"}"), body);
    }

    @Test
    void shouldUseTheActionsIncomeAccountAsServiceItemsWhenTheCompanyHasNoSettings() {
        String realm = "9130350000000804";
        stubEmptyCompany(realm);
        stubAccount(realm, "80", "Consulting Income", "Income");

        List<PreviewedLine> previewed = resolver.preview(command(realm, true, "80",
                new LineItem("501", "Custom Integration", null, null, BigDecimal.ONE, BigDecimal.TEN)))
                .await().atMost(WAIT);

        assertEquals("Service", previewed.get(0).itemType());
        assertEquals("80", previewed.get(0).incomeAccountId());
    }

    @Test
    void shouldRefuseAnIncomeAccountThatIsNotAnIncomeAccountBeforeAnyWrite() {
        String realm = "9130350000000805";
        stubEmptyCompany(realm);
        saveSettings(realm);
        stubAccount(realm, "35", "Checking", "Bank");
        LineItem line = new LineItem("501", "Custom Integration", null, null, BigDecimal.ONE, BigDecimal.TEN);

        LineItemRefusal previewed = assertThrows(LineItemRefusal.class,
                () -> resolver.preview(command(realm, true, "35", line)).await().atMost(WAIT));
        LineItemRefusal resolved = assertThrows(LineItemRefusal.class,
                () -> resolver.resolve(command(realm, true, "35", line)).await().atMost(WAIT));

        assertEquals(LineItemRefusal.INVALID_INCOME_ACCOUNT, previewed.code());
        assertEquals(LineItemRefusal.INVALID_INCOME_ACCOUNT, resolved.code());
        assertTrue(resolved.getMessage().contains("Account 35 (Checking) is of type Bank"), resolved.getMessage());
        assertEquals(0, wireMock.findAll(postRequestedFor(urlPathMatching("/v3/company/.*"))).size());
    }

    @Test
    void shouldAnswerThePreviewOverHttpWithTheActionOfEachLine() {
        String realm = "9130350000000806";
        stubEmptyCompany(realm);
        saveSettings(realm);
        qbo.items(realm, "Sku IN", StubItem.service("2", "Annual Subscription", "SUB-ANNUAL"));

        given().contentType(ContentType.JSON).body("""
                        {"realmId": "%s", "portalId": 40213377, "createMissing": true, "lineItems": [
                          {"id": "401", "name": "Annual Subscription", "sku": "SUB-ANNUAL", "quantity": 1, "price": 12000.00},
                          {"id": "402", "name": "Custom Integration", "quantity": 2, "price": 250.00}]}"""
                        .formatted(realm))
                .when().post("/v1/line-items/preview")
                .then().statusCode(200)
                .body("lines[0].action", equalTo("USE"))
                .body("lines[0].itemId", equalTo("2"))
                .body("lines[0].matchedBy", equalTo("SKU"))
                .body("lines[0].amount", equalTo(12000.00f))
                .body("lines[1].action", equalTo("WOULD_CREATE"))
                .body("lines[1].itemId", nullValue())
                .body("lines[1].itemName", equalTo("Custom Integration"))
                .body("lines[1].itemType", equalTo("NonInventory"))
                .body("lines[1].incomeAccountId", equalTo("79"))
                .body("lines[1].amount", equalTo(500.00f));
        given().contentType(ContentType.JSON).body("""
                        {"realmId": "%s", "portalId": 40213377, "createMissing": false, "lineItems": [
                          {"id": "402", "name": "Custom Integration", "quantity": 2, "price": 250.00}]}"""
                        .formatted(realm))
                .when().post("/v1/line-items/preview")
                .then().statusCode(422)
                .body("code", equalTo("UNMATCHED_LINE_ITEMS"));
        given().contentType(ContentType.JSON).body("""
                        {"realmId": "%s", "portalId": 40213377, "incomeAccountId": "x", "lineItems": []}"""
                        .formatted(realm))
                .when().post("/v1/line-items/preview")
                .then().statusCode(400)
                .body("code", equalTo("INVALID_REQUEST"));

        assertEquals(0, wireMock.findAll(postRequestedFor(urlPathMatching("/v3/company/.*"))).size());
    }

    private void stubEmptyCompany(String realm) {
        qbo.token(realm);
        qbo.items(realm, "FROM Item");
    }

    private void stubAccount(String realm, String id, String name, String type) {
        wireMock.stubFor(get(urlPathEqualTo(QboStubs.queryPath(realm)))
                .withQueryParam("query", containing("FROM Account WHERE Id = '" + id + "'"))
                .willReturn(okJson("{\"QueryResponse\":{\"Account\":[{\"Id\":\"" + id + "\",\"Name\":\"" + name
                        + "\",\"AccountType\":\"" + type + "\",\"Active\":true}],\"startPosition\":1,\"maxResults\":1},"
                        + "\"time\":\"2026-11-26T10:00:00.000-08:00\"}")));
    }

    private void saveSettings(String realm) {
        settings.save(new CatalogSettings(realm, "NonInventory", "79", "Sales of Product Income"))
                .await().atMost(WAIT);
    }

    private static ResolveLineItemsCommand command(String realm, boolean createMissing, String incomeAccountId,
            LineItem... lines) {
        return new ResolveLineItemsCommand(realm, PORTAL, List.of(lines), null, createMissing, incomeAccountId);
    }
}
