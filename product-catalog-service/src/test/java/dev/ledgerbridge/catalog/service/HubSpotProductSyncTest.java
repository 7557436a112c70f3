package dev.ledgerbridge.catalog.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.ledgerbridge.catalog.CatalogSyncState;
import dev.ledgerbridge.catalog.HubSpotProductSyncState;
import dev.ledgerbridge.catalog.QboStubs;
import dev.ledgerbridge.catalog.QboStubs.StubItem;
import dev.ledgerbridge.catalog.WireMockVendors;
import dev.ledgerbridge.catalog.WireMockVendors.InjectWireMock;
import dev.ledgerbridge.catalog.repository.ProductLinkRepository;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Product sync to HubSpot after mirror runs, against QBO, HubSpot and the gateway in WireMock. */
@QuarkusTest
@QuarkusTestResource(WireMockVendors.class)
class HubSpotProductSyncTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final long PORTAL = 40213377L;
    private static final String UPSERT = "/crm/v3/objects/products/batch/upsert";
    private static final ObjectMapper JSON = new ObjectMapper();

    @InjectWireMock
    WireMockServer wireMock;

    @Inject
    CatalogMirror mirror;

    @Inject
    HubSpotProductSync productSync;

    @Inject
    ProductLinkRepository links;

    private QboStubs qbo;

    @AfterEach
    void resetBreakers() {
        CircuitBreakerMaintenance.get().resetAll();
    }

    @BeforeEach
    void resetVendors() {
        wireMock.resetAll();
        qbo = new QboStubs(wireMock);
        wireMock.stubFor(get(urlPathEqualTo("/internal/v1/hubspot/" + PORTAL + "/access-token"))
                .willReturn(okJson("{\"accessToken\": \"hs-token\", \"expiresAt\": \"2099-01-01T00:00:00Z\"}")));
    }

    @Test
    void shouldUpsertActiveItemsByQboItemIdAndLinkTheReturnedProducts() {
        String realm = "9130350000001101";
        productSync.configure(realm, true, PORTAL).await().atMost(WAIT);
        wireMock.stubFor(post(urlPathEqualTo(UPSERT)).willReturn(okJson(upserted(
                "{\"id\": \"7001\", \"new\": true, \"properties\": {\"qbo_item_id\": \"1\"}}",
                "{\"id\": \"7003\", \"new\": false, \"properties\": {\"qbo_item_id\": \"3\"}}"))));
        qbo.token(realm);
        qbo.catalog(realm, List.of(StubItem.service("1", "Annual Subscription", "SUB-ANNUAL"),
                new StubItem("2", "Retired Plan", null, "Service", false),
                StubItem.service("3", "Support Hours", null),
                new StubItem("4", "Hardware", null, "Category", true)), 1000);

        CatalogSyncState mirrorState = mirror.syncNow(realm).await().atMost(WAIT);

        wireMock.verify(1, postRequestedFor(urlPathEqualTo(UPSERT))
                .withHeader("Authorization", WireMock.equalTo("Bearer hs-token"))
                .withRequestBody(equalToJson("""
                        {"inputs": [
                          {"id": "1", "idProperty": "qbo_item_id", "properties": {"qbo_item_id": "1",
                           "name": "Annual Subscription", "hs_sku": "SUB-ANNUAL", "price": "100.00"}},
                          {"id": "3", "idProperty": "qbo_item_id", "properties": {"qbo_item_id": "3",
                           "name": "Support Hours", "hs_sku": "", "price": "100.00"}}]}""")));
        assertEquals(Map.of("7001", "1", "7003", "3"),
                links.itemIds(realm, PORTAL, List.of("7001", "7003")).await().atMost(WAIT));
        HubSpotProductSyncState state = productSync.state(realm).await().atMost(WAIT);
        assertNull(state.lastError());
        assertEquals(2, state.productsSynced());
        assertEquals(mirrorState.syncedThrough().toInstant(), state.syncedThrough().toInstant());
        assertNull(mirrorState.lastError(), "the mirror run succeeded");
    }

    @Test
    void shouldSendAtMostOneHundredProductsPerCall() throws Exception {
        String realm = "9130350000001102";
        productSync.configure(realm, true, PORTAL).await().atMost(WAIT);
        wireMock.stubFor(post(urlPathEqualTo(UPSERT)).willReturn(okJson(upserted())));
        List<StubItem> catalog = new ArrayList<>();
        for (int i = 1; i <= 250; i++) {
            catalog.add(StubItem.service(String.valueOf(i), "Product " + i, "SKU-" + i));
        }
        qbo.token(realm);
        qbo.catalog(realm, catalog, 1000);

        mirror.syncNow(realm).await().atMost(WAIT);

        List<Integer> sizes = new ArrayList<>();
        for (LoggedRequest request : wireMock.findAll(postRequestedFor(urlPathEqualTo(UPSERT)))) {
            sizes.add(JSON.readTree(request.getBodyAsString()).path("inputs").size());
        }
        assertEquals(List.of(100, 100, 50), sizes);
        assertEquals(250, productSync.state(realm).await().atMost(WAIT).productsSynced());
    }

    @Test
    void shouldSendOnlyTheItemsCdcChangedAfterASuccessfulSync() throws Exception {
        String realm = "9130350000001103";
        productSync.configure(realm, true, PORTAL).await().atMost(WAIT);
        wireMock.stubFor(post(urlPathEqualTo(UPSERT)).willReturn(okJson(upserted())));
        qbo.token(realm);
        qbo.catalog(realm, List.of(StubItem.service("1", "Annual Subscription", null),
                StubItem.service("2", "Onboarding", null)), 1000);
        mirror.syncNow(realm).await().atMost(WAIT);
        wireMock.resetRequests();
        qbo.cdc(realm, List.of(StubItem.service("2", "Onboarding Package", "ONB-001")), List.of());

        mirror.syncNow(realm).await().atMost(WAIT);

        List<LoggedRequest> calls = wireMock.findAll(postRequestedFor(urlPathEqualTo(UPSERT)));
        assertEquals(1, calls.size());
        JsonNode inputs = JSON.readTree(calls.get(0).getBodyAsString()).path("inputs");
        assertEquals(1, inputs.size());
        assertEquals("Onboarding Package", inputs.get(0).path("properties").path("name").asText());
    }

    @Test
    void shouldRecordAHubSpotFailureWithoutFailingTheMirrorAndRetryItNextRun() {
        String realm = "9130350000001104";
        productSync.configure(realm, true, PORTAL).await().atMost(WAIT);
        wireMock.stubFor(post(urlPathEqualTo(UPSERT)).willReturn(aResponse().withStatus(400)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"status\": \"error\", \"category\": \"VALIDATION_ERROR\", \"correlationId\": \"c-1\","
                        + " \"message\": \"Unable to perform update/upsert by non-unique 0-7 property qbo_item_id"
                        + " in portal ID 40213377\"}")));
        qbo.token(realm);
        qbo.catalog(realm, List.of(StubItem.service("1", "Annual Subscription", null)), 1000);

        CatalogSyncState mirrorState = mirror.syncNow(realm).await().atMost(WAIT);

        assertTrue(mirrorState.loaded());
        assertNull(mirrorState.lastError());
        HubSpotProductSyncState failed = productSync.state(realm).await().atMost(WAIT);
        assertTrue(failed.lastError().contains("non-unique"), failed.lastError());
        assertNull(failed.syncedThrough());
        given().get("/q/metrics").then().statusCode(200).body(containsString(
                "ledgerbridge_catalog_hubspot_sync_failing{realm=\"" + realm + "\"} 1.0"));
        given().get("/v1/catalog/" + realm).then().statusCode(200)
                .body("status", equalTo("LOADED"))
                .body("lastError", nullValue())
                .body("hubspotProductSync.lastError", containsString("non-unique"));

        wireMock.resetAll();
        resetVendors();
        wireMock.stubFor(post(urlPathEqualTo(UPSERT)).willReturn(okJson(upserted())));
        qbo.token(realm);
        qbo.cdc(realm, List.of(), List.of());
        mirror.syncNow(realm).await().atMost(WAIT);

        wireMock.verify(1, postRequestedFor(urlPathEqualTo(UPSERT))
                .withRequestBody(equalToJson("{\"inputs\": [{\"id\": \"1\", \"idProperty\": \"qbo_item_id\"}]}",
                        true, true)));
        HubSpotProductSyncState recovered = productSync.state(realm).await().atMost(WAIT);
        assertNull(recovered.lastError());
        assertNotNull(recovered.syncedThrough());
        assertEquals(1, recovered.productsSynced());
    }

    @Test
    void shouldNotCallHubSpotWhenTheSyncIsOffAndRecordAPortalTheGatewayDoesNotKnow() {
        String off = "9130350000001105";
        productSync.configure(off, false, PORTAL).await().atMost(WAIT);
        qbo.token(off);
        qbo.catalog(off, List.of(StubItem.service("1", "Annual Subscription", null)), 1000);
        mirror.syncNow(off).await().atMost(WAIT);
        wireMock.verify(0, postRequestedFor(urlPathEqualTo(UPSERT)));

        String unknownPortal = "9130350000001106";
        wireMock.stubFor(get(urlPathEqualTo("/internal/v1/hubspot/777/access-token")).willReturn(aResponse()
                .withStatus(404).withHeader("Content-Type", "application/json")
                .withBody("{\"code\": \"PORTAL_NOT_CONNECTED\", \"message\": \"HubSpot portal 777 is not connected\"}")));
        productSync.configure(unknownPortal, true, 777L).await().atMost(WAIT);
        qbo.token(unknownPortal);
        qbo.catalog(unknownPortal, List.of(StubItem.service("1", "Annual Subscription", null)), 1000);

        assertNull(mirror.syncNow(unknownPortal).await().atMost(WAIT).lastError());

        wireMock.verify(0, postRequestedFor(urlPathEqualTo(UPSERT)));
        assertEquals(1, wireMock.findAll(WireMock.getRequestedFor(
                urlPathEqualTo("/internal/v1/hubspot/777/access-token"))).size(), "a 404 is not retried");
        assertTrue(productSync.state(unknownPortal).await().atMost(WAIT).lastError().contains("no connection"));
    }

    @Test
    void shouldSaveShowAndValidateTheSettingOverHttp() {
        String realm = "9130350000001107";
        given().get("/v1/companies/" + realm + "/hubspot-product-sync").then().statusCode(404)
                .body("code", equalTo("HUBSPOT_PRODUCT_SYNC_NOT_FOUND"));

        given().contentType(ContentType.JSON).body("{\"enabled\": true, \"portalId\": 40213377}")
                .put("/v1/companies/" + realm + "/hubspot-product-sync")
                .then().statusCode(200)
                .body("realmId", equalTo(realm))
                .body("enabled", equalTo(true))
                .body("portalId", equalTo(40213377))
                .body("syncedThrough", nullValue());
        given().get("/v1/companies/" + realm + "/hubspot-product-sync").then().statusCode(200)
                .body("enabled", equalTo(true));

        given().contentType(ContentType.JSON).body("{\"enabled\": true}")
                .put("/v1/companies/" + realm + "/hubspot-product-sync")
                .then().statusCode(400).body("code", equalTo("INVALID_REQUEST"))
                .body("message", containsString("portalId"));
        given().contentType(ContentType.JSON).body("{\"enabled\": true, \"portalId\": -5}")
                .put("/v1/companies/" + realm + "/hubspot-product-sync")
                .then().statusCode(400).body("message", notNullValue());
        given().contentType(ContentType.JSON).body("{\"enabled\": true, \"portalId\": 1}")
                .put("/v1/companies/abc/hubspot-product-sync")
                .then().statusCode(400);
    }

    private static String upserted(String... results) {
        return "{\"status\": \"COMPLETE\", \"startedAt\": \"2026-11-27T01:00:00.000Z\","
                + " \"completedAt\": \"2026-11-27T01:00:00.100Z\", \"results\": [" + String.join(",", results) + "]}";
    }
}
