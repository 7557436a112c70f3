package dev.ledgerbridge.sandbox.hubspot;

import dev.ledgerbridge.sandbox.admin.SandboxTestProfile;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static dev.ledgerbridge.sandbox.hubspot.CrmObjectResourceTest.hubspot;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;

@QuarkusTest
@TestProfile(SandboxTestProfile.class)
public class AutomationActionResourceTest {

    public static final Map<String, Object> DEFINITION = Map.of(
            "actionUrl", "https://bridge.example.com/hubspot/actions/create-invoice",
            "published", true,
            "objectTypes", List.of("DEAL"),
            "objectRequestOptions", Map.of("properties", List.of("dealname", "amount")),
            "inputFields", List.of(Map.of("typeDefinition", Map.of("name", "termName", "type", "string", "fieldType", "text"),
                    "supportedValueTypes", List.of("STATIC_VALUE"), "isRequired", false)),
            "outputFields", List.of(Map.of("typeDefinition", Map.of("name", "qboInvoiceId", "type", "string", "fieldType", "text"))),
            "labels", Map.of("en", Map.of("actionName", "Create QuickBooks invoice",
                    "executionRules", Map.of("noContact", "The deal has no associated contact."))),
            "executionRules", List.of(Map.of("labelName", "noContact", "conditions", Map.of("errorCode", "NO_CONTACT"))));

    @BeforeEach
    void reset() {
        given().post("/_sandbox/reset").then().statusCode(200);
    }

    static String createDefinition(Map<String, Object> definition) {
        return given().contentType(ContentType.JSON).queryParam("hapikey", "sandbox-developer-key").body(definition)
                .when().post("/automation/v4/actions/1")
                .then().statusCode(201)
                .extract().path("id");
    }

    @Test
    void shouldCreateListPatchAndArchiveDefinitions() {
        String id = createDefinition(DEFINITION);
        given().queryParam("hapikey", "sandbox-developer-key").when().get("/automation/v4/actions/1/" + id)
                .then().statusCode(200)
                .body("actionUrl", endsWith("/create-invoice"))
                .body("revisionId", equalTo("1"))
                .body("objectRequestOptions.properties", contains("dealname", "amount"));
        hubspot().when().get("/automation/v4/actions/1").then().statusCode(200).body("results.id", contains(id));
        hubspot().body(Map.of("published", false)).when().patch("/automation/v4/actions/1/" + id)
                .then().statusCode(200).body("published", equalTo(false)).body("revisionId", equalTo("2"));
        hubspot().when().delete("/automation/v4/actions/1/" + id).then().statusCode(204);
        hubspot().when().get("/automation/v4/actions/1/" + id).then().statusCode(404);
        hubspot().when().get("/automation/v4/actions/1").then().body("results", empty());
        hubspot().queryParam("archived", true).when().get("/automation/v4/actions/1").then().body("results.id", contains(id));
    }

    @Test
    void shouldRefuseWrongDeveloperKeyAndUnknownApp() {
        given().contentType(ContentType.JSON).queryParam("hapikey", "wrong").body(DEFINITION)
                .when().post("/automation/v4/actions/1").then().statusCode(401);
        given().contentType(ContentType.JSON).queryParam("hapikey", "sandbox-developer-key").body(DEFINITION)
                .when().post("/automation/v4/actions/2").then().statusCode(404);
        given().contentType(ContentType.JSON).queryParam("hapikey", "sandbox-developer-key").body(Map.of("published", true))
                .when().post("/automation/v4/actions/1").then().statusCode(400).body("category", equalTo("VALIDATION_ERROR"));
    }

    @Test
    void shouldAnswer404ForUnknownCallbackAnd400ForBadState() {
        hubspot().body(Map.of("outputFields", Map.of("hs_execution_state", "SUCCESS")))
                .when().post("/automation/v4/actions/callbacks/ap-40213377-1-1-0/complete")
                .then().statusCode(404).body("category", equalTo("OBJECT_NOT_FOUND"));
        hubspot().body(Map.of("outputFields", Map.of("hs_execution_state", "BLOCK")))
                .when().post("/automation/v4/actions/callbacks/ap-40213377-1-1-0/complete")
                .then().statusCode(400);
        hubspot().body(Map.of("inputs", List.of(Map.of("callbackId", "nope", "outputFields", Map.of("hs_execution_state", "SUCCESS")))))
                .when().post("/automation/v4/actions/callbacks/complete")
                .then().statusCode(404);
    }
}
