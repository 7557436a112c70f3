package dev.ledgerbridge.sandbox.hubspot;

import dev.ledgerbridge.sandbox.admin.SandboxTestProfile;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static dev.ledgerbridge.sandbox.hubspot.CrmObjectResourceTest.filter;
import static dev.ledgerbridge.sandbox.hubspot.CrmObjectResourceTest.group;
import static dev.ledgerbridge.sandbox.hubspot.CrmObjectResourceTest.hubspot;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every HubSpot endpoint the sandbox serves, successes and errors, checked against HubSpot's own OpenAPI specs. */
@QuarkusTest
@TestProfile(SandboxTestProfile.class)
class HubSpotSchemaConformanceTest {

    private static HubSpotSpecValidator specs;

    @BeforeAll
    static void loadSpecs() {
        specs = HubSpotSpecValidator.get();
    }

    @BeforeEach
    void reset() {
        given().post("/_sandbox/reset").then().statusCode(200);
    }

    private static Response call(RequestSpecification request, String method, String path, int expectedStatus) {
        Response r = request.request(method, path);
        assertEquals(expectedStatus, r.statusCode(), () -> method + " " + path + ": " + r.asString());
        specs.assertValid(method, path, r.statusCode(), r.asString());
        return r;
    }

    @Test
    void shouldCatchABodyThatBreaksTheSpec() {
        // The validator itself must be able to fail: an object without its required fields.
        List<String> errors = specs.validate("GET", "/crm/v3/objects/deals/1", 200, "{\"id\": 5}");
        assertTrue(errors.size() >= 3, errors.toString());
        assertTrue(!specs.validate("GET", "/crm/v3/objects/contacts/1", 404, "{\"message\": \"x\"}").isEmpty());
        // Nested $refs resolve: a v4 result without associationTypes, a property value that is not a string.
        assertTrue(!specs.validate("GET", "/crm/v4/objects/deals/1/associations/contacts", 200,
                "{\"results\": [{\"toObjectId\": \"1\"}]}").isEmpty());
        assertTrue(!specs.validate("GET", "/crm/v3/objects/deals/1", 200, "{\"id\": \"1\", \"archived\": false,"
                + " \"createdAt\": \"x\", \"updatedAt\": \"x\", \"properties\": {\"amount\": 5}}").isEmpty());
        assertTrue(!specs.validate("POST", "/oauth/v1/token", 200, "{\"access_token\": \"a\"}").isEmpty());
    }

    @Test
    void shouldMatchSpecForEveryCrmObjectEndpoint() {
        for (String type : List.of("deals", "contacts", "line_items", "products", "quotes", "commerce_payments")) {
            String id = switch (type) {
                case "deals" -> "301";
                case "contacts" -> "101";
                case "line_items" -> "401";
                case "products" -> "201";
                case "quotes" -> "501";
                default -> "601";
            };
            call(hubspot().queryParam("properties", "name,dealname,email,hs_sku,amount,price,hs_title,hs_initial_amount")
                    .queryParam("associations", "contacts,line_items,deals"), "GET", "/crm/v3/objects/" + type + "/" + id, 200);
            call(hubspot(), "GET", "/crm/v3/objects/" + type + "/987654", 404);
            call(hubspot().queryParam("limit", 2), "GET", "/crm/v3/objects/" + type, 200);
            call(hubspot().body(Map.of("properties", List.of("name"), "inputs", List.of(Map.of("id", id)))),
                    "POST", "/crm/v3/objects/" + type + "/batch/read", 200);
            call(hubspot().body(Map.of("properties", List.of("name"), "inputs", List.of(Map.of("id", id), Map.of("id", "987654")))),
                    "POST", "/crm/v3/objects/" + type + "/batch/read", 207);
            call(hubspot().body(Map.of("filterGroups", List.of(group(Map.of("propertyName", "hs_object_id", "operator", "HAS_PROPERTY"))),
                    "limit", 2)), "POST", "/crm/v3/objects/" + type + "/search", 200);
            call(hubspot().body(Map.of("properties", Map.of("sandbox_note", "x"))), "PATCH", "/crm/v3/objects/" + type + "/" + id, 200);
            call(hubspot().body(Map.of("properties", Map.of("sandbox_note", "x"))), "PATCH", "/crm/v3/objects/" + type + "/987654", 404);
            call(hubspot().body(Map.of("properties", Map.of("name", "created"), "associations", List.of())),
                    "POST", "/crm/v3/objects/" + type, 201);
        }
    }

    @Test
    void shouldMatchSpecForCrmErrors() {
        List<Map<String, String>> inputs = new ArrayList<>();
        for (int i = 0; i < 101; i++) {
            inputs.add(Map.of("id", Integer.toString(i)));
        }
        call(hubspot().body(Map.of("properties", List.of(), "inputs", inputs)), "POST", "/crm/v3/objects/line_items/batch/read", 400);
        List<Object> groups = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            groups.add(group(filter("email", "EQ", "a")));
        }
        call(hubspot().body(Map.of("filterGroups", groups)), "POST", "/crm/v3/objects/contacts/search", 400);
        call(given().contentType(ContentType.JSON), "GET", "/crm/v3/objects/deals/301", 401);
        call(hubspot().body("{not json"), "POST", "/crm/v3/objects/deals/search", 400);
        call(hubspot().body(Map.of("properties", Map.of("name", "x"), "associations", List.of(Map.of("to", Map.of("id", "101"),
                "types", List.of(Map.of("associationCategory", "HUBSPOT_DEFINED", "associationTypeId", 9999)))))),
                "POST", "/crm/v3/objects/deals", 400);
        given().contentType(ContentType.JSON).body(Map.of("requests", 1, "windowMillis", 60_000)).put("/_sandbox/hubspot/rate-limit");
        call(hubspot(), "GET", "/crm/v3/objects/contacts/101", 200);
        call(hubspot(), "GET", "/crm/v3/objects/contacts/101", 429);
    }

    @Test
    void shouldMatchSpecForNotes() {
        // There is no notes spec among HubSpot's published files; notes share the generic CRM object
        // contract, so the response is checked against the contacts spec's create operation.
        Response r = hubspot().body(Map.of("properties", Map.of("hs_timestamp", "2026-03-02T10:00:00Z", "hs_note_body", "n"),
                        "associations", List.of(Map.of("to", Map.of("id", "301"),
                                "types", List.of(Map.of("associationCategory", "HUBSPOT_DEFINED", "associationTypeId", 214))))))
                .post("/crm/v3/objects/notes");
        assertEquals(201, r.statusCode());
        specs.assertValid("POST", "/crm/v3/objects/contacts", 201, r.asString());
    }

    @Test
    void shouldMatchSpecForEveryAssociationEndpoint() {
        call(hubspot(), "GET", "/crm/v4/objects/deals/301/associations/contacts", 200);
        call(hubspot().queryParam("limit", 1), "GET", "/crm/v4/objects/deals/301/associations/line_items", 200);
        call(hubspot().body(Map.of("inputs", List.of(Map.of("id", "301"), Map.of("id", "305")))),
                "POST", "/crm/v4/associations/deals/contacts/batch/read", 200);
        call(hubspot(), "PUT", "/crm/v4/objects/deals/305/associations/default/contacts/102", 200);
        call(hubspot(), "PUT", "/crm/v4/objects/deals/305/associations/default/contacts/999", 404);
        call(hubspot().body(List.of(Map.of("associationCategory", "HUBSPOT_DEFINED", "associationTypeId", 3))),
                "PUT", "/crm/v4/objects/deals/305/associations/contacts/103", 201);
        call(hubspot().body(List.of(Map.of("associationCategory", "HUBSPOT_DEFINED", "associationTypeId", 1))),
                "PUT", "/crm/v4/objects/deals/305/associations/contacts/103", 400);
        Response del = hubspot().delete("/crm/v4/objects/deals/305/associations/contacts/103");
        assertEquals(204, del.statusCode());
        // GET /crm/v4/associations/{from}/{to}/labels is not in HubSpot's associations v4 spec file
        // (it lives in the "association schema" spec, which is not among the published files we hold),
        // so only its shape is checked, in AssociationResourceTest.
    }

    @Test
    void shouldMatchSpecForEveryAutomationEndpoint() {
        RequestSpecification dev = given().contentType(ContentType.JSON).queryParam("hapikey", "sandbox-developer-key");
        String id = call(dev.body(AutomationActionResourceTest.DEFINITION), "POST", "/automation/v4/actions/1", 201).path("id");
        call(given().queryParam("hapikey", "sandbox-developer-key"), "GET", "/automation/v4/actions/1/" + id, 200);
        call(hubspot(), "GET", "/automation/v4/actions/1", 200);
        call(hubspot().body(Map.of("published", false)), "PATCH", "/automation/v4/actions/1/" + id, 200);
        call(hubspot(), "GET", "/automation/v4/actions/1/424242", 404);
        call(hubspot().body(Map.of("published", true)), "POST", "/automation/v4/actions/1", 400);
        Response del = hubspot().delete("/automation/v4/actions/1/" + id);
        assertEquals(204, del.statusCode());
        call(hubspot().body(Map.of("outputFields", Map.of("hs_execution_state", "SUCCESS"))),
                "POST", "/automation/v4/actions/callbacks/ap-40213377-9-9-0/complete", 404);
        call(hubspot().body(Map.of("inputs", List.of(Map.of("callbackId", "x", "outputFields", Map.of("hs_execution_state", "WAIT"))))),
                "POST", "/automation/v4/actions/callbacks/complete", 400);
    }

    @Test
    void shouldMatchSpecForOAuthEndpoints() {
        Response token = given().contentType(ContentType.URLENC).formParam("grant_type", "refresh_token")
                .formParam("client_id", "ledgerbridge-local").formParam("client_secret", "ledgerbridge-local-secret")
                .formParam("refresh_token", "seed-refresh-40213377").post("/oauth/v1/token");
        assertEquals(200, token.statusCode());
        specs.assertValid("POST", "/oauth/v1/token", 200, token.asString());
        Response bad = given().contentType(ContentType.URLENC).formParam("grant_type", "refresh_token")
                .formParam("client_id", "ledgerbridge-local").formParam("client_secret", "ledgerbridge-local-secret")
                .formParam("refresh_token", "nope").post("/oauth/v1/token");
        assertEquals(400, bad.statusCode());
        specs.assertValid("POST", "/oauth/v1/token", 400, bad.asString());
        String access = token.path("access_token");
        call(given(), "GET", "/oauth/v1/access-tokens/" + access, 200);
        call(given(), "GET", "/oauth/v1/access-tokens/unknown", 404);
        call(given(), "GET", "/oauth/v1/refresh-tokens/seed-refresh-40213377", 200);
    }
}
