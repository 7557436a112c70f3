package dev.ledgerbridge.gateway.rest;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
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

/** Admin API of customer matching: the settings proxy (R8) and the customer preview of a deal. */
@QuarkusTest
@WithTestResource(DownstreamWireMock.class)
class CustomerMatchingAdminResourceTest {

    private static final String REALM = "9130350000000001";
    private static final String SETTINGS = "/v1/companies/" + REALM + "/matching-settings";
    private static final String CONFLICT = """
            {"code":"VERSION_CONFLICT","message":"The settings were changed by someone else (version 4); read them again."}""";

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
        return given().contentType(ContentType.JSON).body(body).when().post("/admin/v1/preview/customer")
                .then().extract();
    }

    @Test
    void shouldPassTheSettingsThrough() {
        String settings = """
                {"realmId":"9130350000000001","mode":"LEGACY","filterGroups":[],"version":0,"updatedAt":null,"updatedBy":null}""";
        wireMock.stubFor(get(urlPathEqualTo(SETTINGS)).willReturn(okJson(settings)));

        String body = given().when().get("/admin/v1/companies/" + REALM + "/matching-settings")
                .then().statusCode(200).contentType(ContentType.JSON).extract().asString();

        assertEquals(settings, body);
    }

    @Test
    void shouldSendTheChangeWithItsActorAndPassA409ThroughUnchanged() {
        wireMock.stubFor(put(urlPathEqualTo(SETTINGS)).willReturn(aResponse().withStatus(409)
                .withHeader("Content-Type", "application/json").withBody(CONFLICT)));
        String change = "{\"mode\":\"SYNC_FILTERS\",\"expectedVersion\":3,\"filterGroups\":[]}";

        String body = given().contentType(ContentType.JSON).header("X-LedgerBridge-Actor", "jane.doe@example.com")
                .body(change).when().put("/admin/v1/companies/" + REALM + "/matching-settings")
                .then().statusCode(409).extract().asString();

        assertEquals(CONFLICT, body);
        wireMock.verify(putRequestedFor(urlPathEqualTo(SETTINGS))
                .withHeader("X-LedgerBridge-Actor", equalTo("jane.doe@example.com"))
                .withRequestBody(WireMock.equalToJson(change)));
    }

    @Test
    void shouldPassA400ThroughUnchanged() {
        String invalid = "{\"code\":\"INVALID_REQUEST\",\"message\":\"filterGroups[0]: a group needs at least one filter\"}";
        wireMock.stubFor(put(urlPathEqualTo(SETTINGS)).willReturn(aResponse().withStatus(400)
                .withHeader("Content-Type", "application/json").withBody(invalid)));

        String body = given().contentType(ContentType.JSON).header("X-LedgerBridge-Actor", "jane")
                .body("{\"mode\":\"SYNC_FILTERS\",\"expectedVersion\":0,\"filterGroups\":[{\"filters\":[]}]}")
                .when().put("/admin/v1/companies/" + REALM + "/matching-settings")
                .then().statusCode(400).extract().asString();

        assertEquals(invalid, body);
    }

    @Test
    void shouldPassTheHistoryLimitOn() {
        wireMock.stubFor(get(urlPathEqualTo(SETTINGS + "/history")).willReturn(okJson("[]")));

        given().when().get("/admin/v1/companies/" + REALM + "/matching-settings/history?limit=5")
                .then().statusCode(200);

        wireMock.verify(getRequestedFor(urlPathEqualTo(SETTINGS + "/history")).withQueryParam("limit", equalTo("5")));
    }

    @Test
    void shouldAnswer503WhenContactSyncFails() {
        wireMock.stubFor(get(urlPathEqualTo(SETTINGS)).willReturn(aResponse().withStatus(503)
                .withHeader("Content-Type", "application/json").withBody("{\"code\":\"X\",\"message\":\"down\"}")));

        given().when().get("/admin/v1/companies/" + REALM + "/matching-settings").then().statusCode(503);
    }

    @Test
    void shouldRefuseARealmThatIsNotAnId() {
        given().when().get("/admin/v1/companies/abc/matching-settings").then().statusCode(400);
        wireMock.verify(0, anyRequestedFor(urlPathMatching("/v1/.*")));
    }

    @Test
    void shouldPreviewTheCustomerOfADealReadingHubSpotAndWritingNothing() {
        DownstreamStubs.hubSpotDeal301(wireMock);
        wireMock.stubFor(post(urlPathEqualTo("/v1/customers/preview")).willReturn(okJson("""
                {"outcome":"MATCH","contactId":"101","customerId":"58","displayName":"Ada Lovelace","reactivate":false,
                 "message":"QuickBooks customer \\"Ada Lovelace\\" (Id 58) has the contact's name and email address.",
                 "mode":"LEGACY","settingsVersion":0}""")));

        ExtractableResponse<Response> answer = preview("""
                {"realmId":"9130350000000001","portalId":40213377,"objectType":"DEAL","objectId":"301"}""");

        assertEquals(200, answer.statusCode(), answer.asString());
        assertEquals("MATCH", answer.path("preview.outcome"));
        assertEquals("58", answer.path("preview.customerId"));
        assertEquals("101", answer.path("contacts[0].id"));
        assertEquals("104", answer.path("contacts[1].id"));
        // Reads only: the deal and its two batches; no note, no resolve, no document, no QBO.
        wireMock.verify(0, postRequestedFor(urlPathEqualTo(DownstreamStubs.NOTES)));
        wireMock.verify(0, postRequestedFor(urlPathEqualTo(DownstreamStubs.CONTACT_SYNC)));
        wireMock.verify(0, postRequestedFor(urlPathEqualTo(DownstreamStubs.DOCUMENTS)));
        wireMock.verify(0, anyRequestedFor(urlPathMatching("/v3/.*")));
        String correlation = wireMock.findAll(postRequestedFor(urlPathEqualTo("/v1/customers/preview"))).get(0)
                .getHeader("X-LedgerBridge-Correlation-Id");
        assertEquals(true, correlation.startsWith("preview-"), correlation);
    }

    @Test
    void shouldPreviewTheRefusalOfACompanyThatIsNotConnected() {
        ExtractableResponse<Response> answer = preview("""
                {"realmId":"9130350000000077","portalId":40213377,"objectType":"DEAL","objectId":"301"}""");

        assertEquals(200, answer.statusCode());
        assertEquals("REFUSE", answer.path("preview.outcome"));
        assertEquals("COMPANY_NOT_CONNECTED", answer.path("preview.code"));
        wireMock.verify(0, anyRequestedFor(urlPathMatching("/crm/.*")));
    }

    @Test
    void shouldAnswer404ForADealHubSpotDoesNotHave() {
        DownstreamStubs.hubSpotDealMissing(wireMock, "999");

        ExtractableResponse<Response> answer = preview("""
                {"realmId":"9130350000000001","portalId":40213377,"objectType":"DEAL","objectId":"999"}""");

        assertEquals(404, answer.statusCode(), answer.asString());
        assertEquals("RECORD_NOT_FOUND", answer.path("code"));
    }

    @Test
    void shouldRefuseAPreviewOfAnotherObjectType() {
        ExtractableResponse<Response> answer = preview("""
                {"realmId":"9130350000000001","portalId":40213377,"objectType":"QUOTE","objectId":"501"}""");

        assertEquals(400, answer.statusCode());
        assertEquals("INVALID_REQUEST", answer.path("code"));
    }
}
