package dev.ledgerbridge.sandbox.admin;

import dev.ledgerbridge.sandbox.hubspot.HubSpotSpecValidator;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
@TestProfile(SandboxTestProfile.class)
class AdminResourceTest {

    private static final String QBO_QUERY = "/v3/company/9130350000000001/query";

    @BeforeEach
    void reset() {
        given().post("/_sandbox/reset").then().statusCode(200);
    }

    private static RequestSpecification hubspot(String correlationId) {
        RequestSpecification r = given().auth().oauth2("sandbox-hubspot-40213377").contentType(ContentType.JSON);
        return correlationId == null ? r : r.header("X-LedgerBridge-Correlation-Id", correlationId);
    }

    private static void faults(Map<String, Object> settings) {
        given().contentType(ContentType.JSON).body(settings).when().put("/_sandbox/faults").then().statusCode(200);
    }

    @Test
    @SuppressWarnings("unchecked")
    void shouldCountRequestsPerVendorEndpointAndCorrelationId() {
        hubspot("cb-1").get("/crm/v3/objects/deals/301").then().statusCode(200);
        hubspot("cb-1").get("/crm/v3/objects/deals/302").then().statusCode(200);
        hubspot("cb-1").body(Map.of("limit", 1)).post("/crm/v3/objects/deals/search").then().statusCode(200);
        hubspot("cb-2").body(Map.of("properties", Map.of("qbo_invoice_id", "1"))).patch("/crm/v3/objects/deals/302").then().statusCode(200);
        given().header("X-LedgerBridge-Correlation-Id", "cb-1").queryParam("query", "select * from Item").get(QBO_QUERY);
        given().contentType(ContentType.URLENC).formParam("grant_type", "refresh_token").post("/oauth/v1/token");
        given().get("/_sandbox/stats");

        JsonPath stats = given().get("/_sandbox/stats").then().statusCode(200).extract().jsonPath();
        Map<String, Map<String, Object>> endpoints = stats.getMap("endpoints");
        assertEquals(2, ((Number) endpoints.get("GET /crm/v3/objects/deals/{id}").get("total")).intValue());
        assertEquals("read", endpoints.get("GET /crm/v3/objects/deals/{id}").get("kind"));
        assertEquals(Map.of("200", 2), endpoints.get("GET /crm/v3/objects/deals/{id}").get("statuses"));
        assertEquals("read", endpoints.get("POST /crm/v3/objects/deals/search").get("kind"));
        assertEquals("write", endpoints.get("PATCH /crm/v3/objects/deals/{id}").get("kind"));
        assertEquals("qbo", endpoints.get("GET /v3/company/{realmId}/query").get("vendor"));
        assertEquals("oauth", endpoints.get("POST /oauth/v1/token").get("vendor"));
        assertEquals(4, stats.getInt("vendors.hubspot.total"));
        assertEquals(1, stats.getInt("vendors.hubspot.write"));
        assertEquals(6, stats.getInt("total"), "admin calls are not counted");

        given().get("/_sandbox/stats/correlation/cb-1").then().statusCode(200)
                .body("total", equalTo(4))
                .body("read", equalTo(4))
                .body("write", equalTo(0))
                .body("vendors.hubspot.total", equalTo(3))
                .body("vendors.qbo.total", equalTo(1));
        Map<String, Object> cb1 = given().get("/_sandbox/stats/correlation/cb-1").jsonPath().getMap("endpoints");
        assertEquals(2, ((Number) cb1.get("GET /crm/v3/objects/deals/{id}")).intValue());
        given().get("/_sandbox/stats/correlation/cb-2").then().body("write", equalTo(1)).body("total", equalTo(1));
        given().get("/_sandbox/stats/correlation/never-seen").then().statusCode(200).body("total", equalTo(0));
    }

    @Test
    void shouldLogEachCallOfACorrelationInOrderWithItsStatusAndQueriedEntity() {
        hubspot("cb-log").get("/crm/v3/objects/deals/301").then().statusCode(200);
        hubspot("cb-log").get("/crm/v3/objects/deals/999999").then().statusCode(404);
        given().auth().oauth2("sandbox-qbo-9130350000000001").header("X-LedgerBridge-Correlation-Id", "cb-log")
                .queryParam("query", "select * from Customer where PrimaryEmailAddr = 'ada@example.com'")
                .get(QBO_QUERY).then().statusCode(200);

        given().get("/_sandbox/stats/correlation/cb-log").then().statusCode(200)
                .body("calls.seq", equalTo(List.of(1, 2, 3)))
                .body("calls.vendor", equalTo(List.of("hubspot", "hubspot", "qbo")))
                .body("calls.endpoint", equalTo(List.of("/crm/v3/objects/deals/{id}", "/crm/v3/objects/deals/{id}",
                        "/v3/company/{realmId}/query")))
                .body("calls.status", equalTo(List.of("200", "404", "200")))
                .body("calls[2].detail", equalTo("Customer"))
                .body("calls[2].kind", equalTo("read"));
    }

    @Test
    void shouldInjectHubSpotErrorsInHubSpotsFormat() {
        faults(Map.of("seed", 7, "rules", List.of(
                Map.of("vendor", "hubspot", "endpoint", "GET /crm/v3/objects/deals/{id}", "share429", 1.0, "retryAfterSeconds", 2, "times", 1),
                Map.of("vendor", "hubspot", "endpoint", "/crm/v3/objects/contacts/*", "share5xx", 1.0, "status5xx", 502))));
        Response limited = hubspot(null).get("/crm/v3/objects/deals/301");
        assertEquals(429, limited.statusCode());
        assertEquals("2", limited.header("Retry-After"));
        assertEquals("RATE_LIMITS", limited.path("category"));
        HubSpotSpecValidator.get().assertValid("GET", "/crm/v3/objects/deals/301", 429, limited.asString());
        hubspot(null).get("/crm/v3/objects/deals/301").then().statusCode(200);

        Response broken = hubspot(null).get("/crm/v3/objects/contacts/101");
        assertEquals(502, broken.statusCode());
        HubSpotSpecValidator.get().assertValid("GET", "/crm/v3/objects/contacts/101", 502, broken.asString());
        given().get("/_sandbox/faults").then().body("injected", equalTo(List.of(1, 1)));
    }

    @Test
    void shouldInjectQboErrorsAsFaults() {
        faults(Map.of("rules", List.of(Map.of("vendor", "qbo", "share429", 1.0, "times", 1),
                Map.of("vendor", "qbo", "share5xx", 1.0))));
        given().queryParam("query", "select * from Item").get(QBO_QUERY).then().statusCode(429)
                .body("Fault.Error[0].code", equalTo("003001"));
        given().queryParam("query", "select * from Item").get(QBO_QUERY).then().statusCode(503)
                .body("Fault.type", equalTo("SystemFault"))
                .body("Fault.Error[0].Message", equalTo("An application error has occurred while processing your request"));
        // Rules for one vendor leave the other alone.
        hubspot(null).get("/crm/v3/objects/deals/301").then().statusCode(200);
    }

    @Test
    void shouldRepeatTheSameFaultsForTheSameSeed() {
        Map<String, Object> settings = Map.of("seed", 1234, "rules", List.of(Map.of("vendor", "hubspot", "share429", 0.5)));
        faults(settings);
        List<Integer> first = statuses(20);
        faults(settings);
        List<Integer> second = statuses(20);
        assertEquals(first, second);
        assertTrue(first.contains(429) && first.contains(200), first.toString());
        faults(Map.of("seed", 99, "rules", List.of(Map.of("vendor", "hubspot", "share429", 0.5))));
        assertTrue(!statuses(20).equals(first), "another seed gives another sequence");
    }

    private static List<Integer> statuses(int n) {
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(hubspot(null).get("/crm/v3/objects/contacts/101").statusCode());
        }
        return out;
    }

    @Test
    void shouldAddLatencyWithoutLosingTheRequestBody() {
        faults(Map.of("rules", List.of(Map.of("endpoint", "POST /crm/v3/objects/*/search", "latencyMs", 300))));
        long started = System.currentTimeMillis();
        hubspot(null).body(Map.of("filterGroups", List.of(Map.of("filters", List.of(
                        Map.of("propertyName", "email", "operator", "EQ", "value", "ada@example.com"))))))
                .post("/crm/v3/objects/contacts/search")
                .then().statusCode(200).body("total", equalTo(1));
        assertTrue(System.currentTimeMillis() - started >= 300);
    }

    @Test
    @SuppressWarnings("unchecked")
    void shouldDropConnections() {
        // A POST, so the test's HTTP client does not silently retry the dropped request.
        faults(Map.of("rules", List.of(Map.of("vendor", "hubspot", "dropShare", 1.0, "times", 1))));
        assertThrows(Exception.class, () -> hubspot(null).body(Map.of("limit", 1)).post("/crm/v3/objects/deals/search"));
        hubspot(null).body(Map.of("limit", 1)).post("/crm/v3/objects/deals/search").then().statusCode(200);
        Map<String, Map<String, Object>> endpoints = given().get("/_sandbox/stats").jsonPath().getMap("endpoints");
        assertEquals(Map.of("dropped", 1, "200", 1), endpoints.get("POST /crm/v3/objects/deals/search").get("statuses"));
    }

    @Test
    void shouldRefuseInvalidFaultRulesAndClearThem() {
        given().contentType(ContentType.JSON).body(Map.of("rules", List.of(Map.of("share429", 1.5))))
                .put("/_sandbox/faults").then().statusCode(400);
        faults(Map.of("rules", List.of(Map.of("vendor", "hubspot", "share5xx", 1.0))));
        given().get("/_sandbox/faults").then().body("rules.size()", equalTo(1));
        given().delete("/_sandbox/faults").then().statusCode(204);
        given().get("/_sandbox/faults").then().body("rules", empty());
        hubspot(null).get("/crm/v3/objects/deals/301").then().statusCode(200);
    }

    @Test
    void shouldResetDataCountersAndFaults() {
        hubspot(null).body(Map.of("properties", Map.of("dealname", "Renamed"))).patch("/crm/v3/objects/deals/301").then().statusCode(200);
        hubspot(null).body(Map.of("properties", Map.of("firstname", "New"))).post("/crm/v3/objects/contacts").then().statusCode(201);
        faults(Map.of("rules", List.of(Map.of("vendor", "qbo", "share5xx", 1.0))));

        given().post("/_sandbox/reset").then().statusCode(200);

        given().get("/_sandbox/stats").then().body("total", equalTo(0));
        given().get("/_sandbox/faults").then().body("rules", empty());
        hubspot(null).queryParam("properties", "dealname").get("/crm/v3/objects/deals/301")
                .then().body("properties.dealname", equalTo("Acme – annual plan"));
        hubspot(null).body(Map.of("limit", 100)).post("/crm/v3/objects/contacts/search").then().body("total", equalTo(8));
    }
}
