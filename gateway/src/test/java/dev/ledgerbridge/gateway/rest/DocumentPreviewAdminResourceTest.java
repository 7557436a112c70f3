package dev.ledgerbridge.gateway.rest;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.ledgerbridge.gateway.repository.QuickBooksConnectionRepository;
import dev.ledgerbridge.gateway.support.DownstreamStubs;
import dev.ledgerbridge.gateway.support.DownstreamWireMock;
import dev.ledgerbridge.gateway.support.InjectWireMock;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Admin API: the document preview of a deal or quote (HubSpot and the three services in WireMock; nothing written),
 * and the proxies of the document settings and the product sync to HubSpot.
 */
@QuarkusTest
@WithTestResource(DownstreamWireMock.class)
class DocumentPreviewAdminResourceTest {

    private static final String REALM = "9130350000000001";
    private static final String CUSTOMER_PREVIEW = "/v1/customers/preview";
    private static final String LINES_PREVIEW = "/v1/line-items/preview";
    private static final String DOCUMENT_PREVIEW = "/v1/documents/preview";

    @InjectWireMock
    WireMockServer wireMock;

    @Inject
    QuickBooksConnectionRepository connections;

    @BeforeEach
    void reset() {
        wireMock.resetAll();
        DownstreamStubs.contactSyncLegacyEverywhere(wireMock);
        connections.deleteAll().await().atMost(Duration.ofSeconds(5));
        connections.upsertConnected(REALM, "Ledger Demo US Inc.", "US").await().atMost(Duration.ofSeconds(5));
    }

    private static ExtractableResponse<Response> preview(String body) {
        return given().contentType(ContentType.JSON).body(body).when().post("/admin/v1/preview/document")
                .then().extract();
    }

    private void stubServicePreviews(String customerOutcome, String customerId) {
        wireMock.stubFor(post(urlPathEqualTo(CUSTOMER_PREVIEW)).willReturn(okJson("""
                {"outcome":"%s","contactId":"101",%s"displayName":"Ada Lovelace","message":"m","mode":"LEGACY",
                 "settingsVersion":0}""".formatted(customerOutcome,
                customerId == null ? "" : "\"customerId\":\"" + customerId + "\","))));
        wireMock.stubFor(post(urlPathEqualTo(LINES_PREVIEW)).willReturn(okJson("""
                {"lines":[{"lineItemId":"401","action":"USE","itemId":"2","itemName":"Annual Subscription",
                           "matchedBy":"SKU","quantity":1,"unitPrice":12000.00,"amount":12000.00},
                          {"lineItemId":"402","action":"WOULD_CREATE","itemName":"Onboarding Package",
                           "matchedBy":"CREATED","itemType":"Service","incomeAccountId":"80",
                           "incomeAccountName":"Consulting Income","quantity":2,"unitPrice":1500.00,"amount":3000.00}]}""")));
        wireMock.stubFor(post(urlPathEqualTo(DOCUMENT_PREVIEW)).willReturn(okJson("""
                {"type":"INVOICE","customerId":"%s","docNumber":null,"termId":"3","termName":"Net 30",
                 "privateNote":"LedgerBridge portal=40213377 object=DEAL/301 callback=preview-x",
                 "lines":[{"itemId":"2","description":"Annual Subscription","quantity":1,"unitPrice":12000.00,"amount":12000.00},
                          {"itemId":"0","description":"Onboarding Package","quantity":2,"unitPrice":1500.00,"amount":3000.00}],
                 "totalAmount":15000.00,"qboDocument":{"CustomerRef":{"value":"%s"},"SalesTermRef":{"value":"3"}}}"""
                .formatted(customerId == null ? "0" : customerId, customerId == null ? "0" : customerId))));
    }

    @Test
    void shouldPreviewTheInvoiceOfADealThroughTheServicePreviewsWritingNothing() {
        DownstreamStubs.hubSpotDeal301(wireMock);
        stubServicePreviews("MATCH", "58");

        ExtractableResponse<Response> answer = preview("""
                {"portalId":40213377,"objectType":"DEAL","objectId":"301","actionType":"create-invoice",
                 "inputFields":{"quickbooks_company":"9130350000000001","payment_terms":"Net 30",
                                "create_missing_products":"true","income_account":"80"}}""");

        assertEquals(200, answer.statusCode(), answer.asString());
        assertEquals("9130350000000001", answer.path("realmId"));
        assertEquals("create-invoice", answer.path("actionType"));
        assertEquals("MATCH", answer.path("customer.outcome"));
        assertEquals("WOULD_CREATE", answer.path("lines[1].action"));
        assertEquals("80", answer.path("lines[1].incomeAccountId"));
        assertEquals(15000.00f, (Float) answer.path("document.totalAmount"));
        assertEquals("58", answer.path("document.customerId"));
        assertEquals("3", answer.path("document.qboDocument.SalesTermRef.value"));
        // The action's requests, to the preview endpoints: lines in deal order, the income account, a placeholder
        // item id for the line whose item would be created.
        wireMock.verify(postRequestedFor(urlPathEqualTo(LINES_PREVIEW))
                .withRequestBody(matchingJsonPath("$.createMissing", equalTo("true")))
                .withRequestBody(matchingJsonPath("$.incomeAccountId", equalTo("80")))
                .withRequestBody(matchingJsonPath("$.lineItems[0].id", equalTo("401"))));
        wireMock.verify(postRequestedFor(urlPathEqualTo(DOCUMENT_PREVIEW))
                .withRequestBody(matchingJsonPath("$.type", equalTo("INVOICE")))
                .withRequestBody(matchingJsonPath("$.customerId", equalTo("58")))
                .withRequestBody(matchingJsonPath("$.termName", equalTo("Net 30")))
                .withRequestBody(matchingJsonPath("$.lines[1].itemId", equalTo("0"))));
        String correlation = wireMock.findAll(postRequestedFor(urlPathEqualTo(DOCUMENT_PREVIEW))).get(0)
                .getHeader("X-LedgerBridge-Correlation-Id");
        assertTrue(correlation.startsWith("preview-"), correlation);
        assertEquals(correlation, answer.path("correlationId"));
        // Reads only: no note, no resolve, no document, no QBO.
        wireMock.verify(0, postRequestedFor(urlPathEqualTo(DownstreamStubs.NOTES)));
        wireMock.verify(0, postRequestedFor(urlPathEqualTo(DownstreamStubs.CONTACT_SYNC)));
        wireMock.verify(0, postRequestedFor(urlPathEqualTo(DownstreamStubs.PRODUCT_CATALOG)));
        wireMock.verify(0, postRequestedFor(urlPathEqualTo(DownstreamStubs.DOCUMENTS)));
        wireMock.verify(0, anyRequestedFor(urlPathMatching("/v3/.*")));
    }

    @Test
    void shouldPreviewAnEstimateOfAQuoteWithoutACustomerIdWhileTheCustomerWouldBeCreated() {
        DownstreamStubs.hubSpotQuote501(wireMock);
        stubServicePreviews("CREATE", null);

        ExtractableResponse<Response> answer = preview("""
                {"portalId":40213377,"objectType":"QUOTE","objectId":"501","actionType":"create-estimate",
                 "inputFields":{"payment_terms":"Net 30"}}""");

        assertEquals(200, answer.statusCode(), answer.asString());
        assertEquals("QUOTE", answer.path("objectType"));
        assertEquals("CREATE", answer.path("customer.outcome"));
        assertNull(answer.path("document.customerId"));
        wireMock.verify(postRequestedFor(urlPathEqualTo(DOCUMENT_PREVIEW))
                .withRequestBody(matchingJsonPath("$.type", equalTo("ESTIMATE")))
                .withRequestBody(matchingJsonPath("$.expirationDate", equalTo("2026-12-27")))
                .withRequestBody(matchingJsonPath("$.customerId", equalTo("0")))
                .withRequestBody(matchingJsonPath("$.source.objectType", equalTo("QUOTE"))));
        // An estimate carries no terms, as in the action.
        assertEquals(0, wireMock.findAll(postRequestedFor(urlPathEqualTo(DOCUMENT_PREVIEW))).get(0)
                .getBodyAsString().indexOf("termName") + 1);
    }

    @Test
    void shouldRefuseWith422AndTheActionsCode() {
        DownstreamStubs.hubSpotDeal301(wireMock);
        stubServicePreviews("MATCH", "58");

        ExtractableResponse<Response> notOnRecord = preview("""
                {"portalId":40213377,"objectType":"DEAL","objectId":"301","actionType":"create-invoice",
                 "inputFields":{"line_items":"401,999"}}""");
        ExtractableResponse<Response> notConnected = preview("""
                {"portalId":40213377,"objectType":"DEAL","objectId":"301","actionType":"create-invoice",
                 "inputFields":{"quickbooks_company":"9130350000000077"}}""");
        wireMock.stubFor(post(urlPathEqualTo(LINES_PREVIEW)).willReturn(DownstreamStubs.refusal(
                "UNMATCHED_LINE_ITEMS", "No QuickBooks product matches 1 line item")));
        ExtractableResponse<Response> unmatched = preview("""
                {"portalId":40213377,"objectType":"DEAL","objectId":"301","actionType":"create-sales-receipt",
                 "inputFields":{}}""");
        wireMock.stubFor(post(urlPathEqualTo(CUSTOMER_PREVIEW)).willReturn(okJson("""
                {"outcome":"REFUSE","code":"CONTACT_NOT_ELIGIBLE","message":"Ada fails the filters"}""")));
        ExtractableResponse<Response> notEligible = preview("""
                {"portalId":40213377,"objectType":"DEAL","objectId":"301","actionType":"create-invoice",
                 "inputFields":{}}""");

        assertEquals(422, notOnRecord.statusCode());
        assertEquals("LINE_ITEM_NOT_ON_RECORD", notOnRecord.path("code"));
        assertTrue(notOnRecord.<String>path("message").contains("999"));
        assertEquals(422, notConnected.statusCode());
        assertEquals("COMPANY_NOT_CONNECTED", notConnected.path("code"));
        assertEquals(422, unmatched.statusCode());
        assertEquals("UNMATCHED_LINE_ITEMS", unmatched.path("code"));
        assertEquals("product-catalog", unmatched.path("downstream"));
        assertEquals(422, notEligible.statusCode());
        assertEquals("CONTACT_NOT_ELIGIBLE", notEligible.path("code"));
        wireMock.verify(0, postRequestedFor(urlPathEqualTo(DownstreamStubs.NOTES)));
    }

    @Test
    void shouldAnswer400ForAnInvalidRequest() {
        assertEquals(400, preview("""
                {"portalId":40213377,"objectType":"CONTACT","objectId":"301","actionType":"create-invoice"}""")
                .statusCode());
        assertEquals(400, preview("""
                {"portalId":40213377,"objectType":"DEAL","objectId":"301","actionType":"create-payment"}""")
                .statusCode());
        assertEquals(400, preview("""
                {"objectType":"DEAL","objectId":"301","actionType":"create-invoice"}""").statusCode());
        wireMock.verify(0, anyRequestedFor(urlPathMatching("/(v1|crm)/.*")));
    }

    @Test
    void shouldProxyTheDocumentSettings() {
        String path = "/v1/companies/" + REALM + "/document-settings";
        wireMock.stubFor(get(urlPathEqualTo(path)).willReturn(okJson("""
                {"realmId":"9130350000000001","depositAccountId":null,"paymentMethodId":null,"docNumberPattern":"HS-{objectId}"}""")));
        wireMock.stubFor(put(urlPathEqualTo(path)).willReturn(aResponse().withStatus(422)
                .withHeader("Content-Type", "application/json").withBody("""
                        {"code":"INVALID_DEPOSIT_ACCOUNT","message":"Account 3 \\"Services\\" has type Income"}""")));

        given().when().get("/admin/v1/companies/" + REALM + "/document-settings")
                .then().statusCode(200)
                .body("docNumberPattern", org.hamcrest.Matchers.is("HS-{objectId}"));
        given().contentType(ContentType.JSON).body("{\"depositAccountId\":\"3\",\"paymentMethodId\":\"3\"}")
                .when().put("/admin/v1/companies/" + REALM + "/document-settings")
                .then().statusCode(422)
                .body("code", org.hamcrest.Matchers.is("INVALID_DEPOSIT_ACCOUNT"));
        given().when().get("/admin/v1/companies/abc/document-settings").then().statusCode(400);

        wireMock.verify(putRequestedFor(urlPathEqualTo(path))
                .withRequestBody(equalToJson("{\"depositAccountId\":\"3\",\"paymentMethodId\":\"3\"}")));
    }

    @Test
    void shouldProxyTheProductSyncToHubSpot() {
        String path = "/v1/companies/" + REALM + "/hubspot-product-sync";
        wireMock.stubFor(get(urlPathEqualTo(path)).willReturn(aResponse().withStatus(404)
                .withHeader("Content-Type", "application/json").withBody("""
                        {"code":"HUBSPOT_PRODUCT_SYNC_NOT_FOUND","message":"no product sync configured"}""")));
        wireMock.stubFor(put(urlPathEqualTo(path)).willReturn(okJson("""
                {"realmId":"9130350000000001","enabled":true,"portalId":40213377,"syncedThrough":null,
                 "lastRunAt":null,"productsSynced":0,"lastError":null,"lastErrorAt":null}""")));

        given().when().get("/admin/v1/companies/" + REALM + "/hubspot-product-sync")
                .then().statusCode(404)
                .body("code", org.hamcrest.Matchers.is("HUBSPOT_PRODUCT_SYNC_NOT_FOUND"));
        given().contentType(ContentType.JSON).body("{\"enabled\":true,\"portalId\":40213377}")
                .when().put("/admin/v1/companies/" + REALM + "/hubspot-product-sync")
                .then().statusCode(200)
                .body("enabled", org.hamcrest.Matchers.is(true))
                .body("portalId", org.hamcrest.Matchers.is(40213377))
                .body("productsSynced", org.hamcrest.Matchers.is(0));

        wireMock.verify(putRequestedFor(urlPathEqualTo(path))
                .withRequestBody(equalToJson("{\"enabled\":true,\"portalId\":40213377}")));
    }
}
