package dev.ledgerbridge.sandbox.workflow;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ledgerbridge.sandbox.admin.SandboxTestProfile;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import io.vertx.core.Vertx;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Workflows with enrollment triggers: which CRM writes enroll a record, what is sent, and refused workflows. */
@QuarkusTest
@TestProfile(SandboxTestProfile.class)
class WorkflowTriggersTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static final String PAYMENT_LINK_FILTER = """
            {"filterGroups": [{"filters": [{"propertyName": "dealname", "operator": "CONTAINS", "value": "payment link"}]}]}""";
    private static final String SIGNED_FILTER = """
            {"filterGroups": [{"filters": [
              {"propertyName": "hs_esign_num_signers_required", "operator": "GTE", "value": "1"},
              {"propertyName": "hs_esign_num_signers_completed", "operator": "EQ", "valueProperty": "hs_esign_num_signers_required"}]}]}""";

    @Inject
    Vertx vertx;

    private ActionReceiver receiver;

    @BeforeEach
    void setUp() throws Exception {
        given().post("/_sandbox/reset").then().statusCode(200);
        receiver = ActionReceiver.start(vertx);
    }

    @AfterEach
    void tearDown() throws Exception {
        receiver.close();
    }

    private static RequestSpecification hubspot() {
        return given().auth().oauth2("sandbox-hubspot-40213377").contentType(ContentType.JSON);
    }

    private String createWorkflow(String objectType, String criteria) {
        return given().contentType(ContentType.JSON).body("""
                        {"name": "test", "objectType": "%s", "enrollmentCriteria": %s,
                         "action": {"actionUrl": "%s", "inputFields": {"quickbooks_company": "9130350000000001"},
                                    "objectProperties": ["dealname"]}}"""
                        .formatted(objectType, criteria, receiver.url("/hubspot/actions/create-invoice")))
                .post("/_sandbox/workflows").then().statusCode(201)
                .header("Location", containsString("/_sandbox/workflows/"))
                .extract().path("id");
    }

    private static JsonPath workflow(String id) {
        return given().get("/_sandbox/workflows/" + id).then().statusCode(200).extract().jsonPath();
    }

    private static void patch(String type, String id, String properties) {
        hubspot().body("{\"properties\": " + properties + "}").patch("/crm/v3/objects/" + type + "/" + id)
                .then().statusCode(200);
    }

    private static String create(String type, String properties) {
        return hubspot().body("{\"properties\": " + properties + "}").post("/crm/v3/objects/" + type)
                .then().statusCode(201).extract().path("id");
    }

    @Test
    void shouldEnrollADealCreatedOrRenamedToContainPaymentLinkOnceAndNotTheOnesAlreadyMatching() throws Exception {
        String workflowId = createWorkflow("DEAL", PAYMENT_LINK_FILTER);
        // Deal 302 "O'Brien payment link" matched before the workflow existed: not enrolled, not even when updated.
        patch("deals", "302", "{\"amount\": \"10\"}");
        String created = create("deals", "{\"dealname\": \"Globex Payment Link\"}");
        patch("deals", "303", "{\"dealname\": \"Zoë payment link, second try\"}");
        patch("deals", "303", "{\"dealname\": \"Zoë payment link, third try\"}");
        String plain = create("deals", "{\"dealname\": \"Globex renewal\"}");

        JsonPath wf = workflow(workflowId);
        assertEquals(List.of(created, "303"), wf.getList("enrollments.objectId"));
        assertEquals(List.of("CREATED", "UPDATED"), wf.getList("enrollments.trigger"));
        assertEquals(2, wf.getInt("enrolledCount"));
        await().atMost(Duration.ofSeconds(10)).until(() -> receiver.received().size() == 2);
        JsonNode first = JSON.readTree(receiver.received().stream()
                .filter(r -> r.body().contains("\"objectId\":" + created)).findFirst().orElseThrow().body());
        assertEquals("DEAL", first.path("object").path("objectType").asText());
        assertEquals("Globex Payment Link", first.path("object").path("properties").path("dealname").asText());
        assertEquals(Long.parseLong(workflowId), first.path("context").path("workflowId").asLong());
        assertEquals("9130350000000001", first.path("inputFields").path("quickbooks_company").asText());
        // Executions are the engine's own: visible, signed and finished like an explicit enrollment's.
        String callbackId = wf.getString("enrollments[0].callbackId");
        await().atMost(Duration.ofSeconds(10)).until(() -> "SUCCESS".equals(given()
                .get("/_sandbox/workflows/executions/" + callbackId).then().extract().path("state")));
        given().get("/_sandbox/workflows/executions/" + callbackId).then()
                .body("objectId", equalTo(created)).body("attempts[0].signatureV3", notNullValue());
        assertEquals(0, workflow(workflowId).getList("enrollments.objectId").stream().filter(plain::equals).count());
    }

    @Test
    void shouldEnrollAQuoteWhenItsLastSignatureArrivesByPatchOrBatchUpdate() {
        String workflowId = createWorkflow("QUOTE", SIGNED_FILTER);
        String waiting = create("quotes", "{\"hs_title\": \"Half signed\", \"hs_esign_num_signers_required\": \"2\","
                + " \"hs_esign_num_signers_completed\": \"1\"}");
        String batched = create("quotes", "{\"hs_title\": \"Unsigned\", \"hs_esign_num_signers_required\": \"3\","
                + " \"hs_esign_num_signers_completed\": \"0\"}");
        assertEquals(0, workflow(workflowId).getInt("enrolledCount"), "quote 501 was signed before; others are not");

        patch("quotes", waiting, "{\"hs_esign_num_signers_completed\": \"2\"}");
        hubspot().body("{\"inputs\": [{\"id\": \"" + batched + "\", \"properties\": {\"hs_esign_num_signers_completed\": \"2\"}}]}")
                .post("/crm/v3/objects/quotes/batch/update").then().statusCode(200).body("status", equalTo("COMPLETE"));
        assertEquals(List.of(waiting), workflow(workflowId).getList("enrollments.objectId"), "2 of 3 is not all");
        hubspot().body("{\"inputs\": [{\"id\": \"" + batched + "\", \"properties\": {\"hs_esign_num_signers_completed\": \"3\"}}]}")
                .post("/crm/v3/objects/quotes/batch/update").then().statusCode(200);

        JsonPath wf = workflow(workflowId);
        assertEquals(List.of(waiting, batched), wf.getList("enrollments.objectId"));
        assertEquals("QUOTE", wf.getString("objectType"));
        await().atMost(Duration.ofSeconds(10)).until(() -> receiver.received().size() == 2);
    }

    @Test
    void shouldEnrollExistingRecordsOnlyWhenAsked() {
        given().contentType(ContentType.JSON).body("""
                        {"objectType": "0-14", "enrollmentCriteria": %s,
                         "action": {"actionUrl": "%s"}}""".formatted(SIGNED_FILTER.replace("{\"filterGroups\"",
                        "{\"enrollExistingRecords\": true, \"filterGroups\""), receiver.url("/a")))
                .post("/_sandbox/workflows").then().statusCode(201)
                .body("enrollmentCriteria.enrollExistingRecords", equalTo(true))
                .body("enrollmentCriteria.shouldReEnroll", equalTo(false))
                .body("enrollments.objectId", equalTo(List.of("501")))
                .body("enrollments[0].trigger", equalTo("EXISTING"));
    }

    @Test
    void shouldReEnrollOnlyWhenReEnrollmentIsOnAndTheRecordMatchesAnew() {
        String once = createWorkflow("DEAL", PAYMENT_LINK_FILTER);
        String again = createWorkflow("DEAL", PAYMENT_LINK_FILTER.replace("{\"filterGroups\"", "{\"shouldReEnroll\": true, \"filterGroups\""));

        patch("deals", "304", "{\"dealname\": \"Custom work payment link\"}");
        patch("deals", "304", "{\"dealname\": \"Custom work\"}");
        patch("deals", "304", "{\"dealname\": \"Custom work payment link\"}");

        assertEquals(List.of("304"), workflow(once).getList("enrollments.objectId"));
        assertEquals(List.of("304", "304"), workflow(again).getList("enrollments.objectId"));
    }

    @Test
    void shouldRefuseFiltersTheEngineCannotEvaluateInHubSpotsErrorFormat() {
        String url = receiver.url("/a");
        Map<String, String> refused = Map.of(
                "{\"filterGroups\": [{\"filters\": [{\"propertyName\": \"dealname\", \"operator\": \"LIKE\", \"value\": \"x\"}]}]}",
                "invalid operator 'LIKE'",
                "{\"filterGroups\": []}", "at least one filter group",
                "{\"filterGroups\": [{\"filters\": [{\"operator\": \"EQ\", \"value\": \"x\"}]}]}", "needs a propertyName",
                "{\"filterGroups\": [{\"filters\": [{\"propertyName\": \"amount\", \"operator\": \"GTE\"}]}]}", "GTE needs a value",
                "{\"filterGroups\": [{\"filters\": [{\"propertyName\": \"dealname\", \"operator\": \"CONTAINS_TOKEN\","
                        + " \"valueProperty\": \"description\"}]}]}", "valueProperty works with EQ, GT, GTE, LT, LTE, NEQ only",
                "{\"filterGroups\": [{\"filters\": [{\"propertyName\": \"amount\", \"operator\": \"EQ\", \"value\": \"1\","
                        + " \"valueProperty\": \"x\"}]}]}", "not both",
                "{\"shouldReEnroll\": \"yes\", " + PAYMENT_LINK_FILTER.substring(1), "shouldReEnroll must be true or false");
        refused.forEach((criteria, message) -> given().contentType(ContentType.JSON)
                .body("{\"objectType\": \"DEAL\", \"enrollmentCriteria\": " + criteria + ", \"action\": {\"actionUrl\": \"" + url + "\"}}")
                .post("/_sandbox/workflows").then().statusCode(400)
                .body("status", equalTo("error"))
                .body("category", equalTo("VALIDATION_ERROR"))
                .body("correlationId", notNullValue())
                .body("message", containsString(message)));

        given().contentType(ContentType.JSON).body("{\"objectType\": \"INVOICE_THING\", \"enrollmentCriteria\": " + PAYMENT_LINK_FILTER + "}")
                .post("/_sandbox/workflows").then().statusCode(400).body("message", containsString("Unknown objectType"));
        given().contentType(ContentType.JSON).body("{\"objectType\": \"DEAL\", \"enrollmentCriteria\": " + PAYMENT_LINK_FILTER + "}")
                .post("/_sandbox/workflows").then().statusCode(400).body("message", containsString("action is required"));
        given().contentType(ContentType.JSON).body("{\"objectType\": \"DEAL\", \"enrollmentCriteria\": " + PAYMENT_LINK_FILTER
                        + ", \"action\": {\"definitionId\": \"999999\"}}")
                .post("/_sandbox/workflows").then().statusCode(400).body("message", containsString("not a live action definition"));
        given().contentType(ContentType.JSON).body("{\"objectType\": \"DEAL\", \"enrollmentCriteria\": " + PAYMENT_LINK_FILTER
                        + ", \"action\": {\"actionUrl\": \"ftp://x/y\"}}")
                .post("/_sandbox/workflows").then().statusCode(400).body("message", containsString("absolute http(s) URL"));
        given().contentType(ContentType.JSON).body("{\"objectType\": \"DEAL\", \"enrollmentCriteria\": {")
                .post("/_sandbox/workflows").then().statusCode(400)
                .body("category", equalTo("VALIDATION_ERROR")).body("message", containsString("Invalid input JSON"));
        given().get("/_sandbox/workflows").then().statusCode(200).body("results.size()", equalTo(0));
    }

    @Test
    void shouldStopEnrollingOnceDeletedOrReset() {
        String workflowId = createWorkflow("DEAL", PAYMENT_LINK_FILTER);
        given().delete("/_sandbox/workflows/" + workflowId).then().statusCode(204);
        given().get("/_sandbox/workflows/" + workflowId).then().statusCode(404).body("category", equalTo("OBJECT_NOT_FOUND"));
        given().delete("/_sandbox/workflows/" + workflowId).then().statusCode(404);

        create("deals", "{\"dealname\": \"After delete payment link\"}");
        given().get("/_sandbox/workflows/executions").then().statusCode(200).body("results.size()", equalTo(0));
        String kept = createWorkflow("DEAL", PAYMENT_LINK_FILTER);
        given().post("/_sandbox/reset").then().statusCode(200);
        given().get("/_sandbox/workflows/" + kept).then().statusCode(404);
        create("deals", "{\"dealname\": \"After reset payment link\"}");

        given().get("/_sandbox/workflows/executions").then().statusCode(200).body("results.size()", equalTo(0));
    }

    @Test
    void shouldAnswerABatchUpdateWithUnknownIdsAs207AndUpdateTheRest() {
        hubspot().body("{\"inputs\": [{\"id\": \"301\", \"properties\": {\"amount\": \"99.00\"}},"
                        + " {\"id\": \"999999\", \"properties\": {\"amount\": \"1\"}}]}")
                .post("/crm/v3/objects/deals/batch/update").then().statusCode(207)
                .body("results[0].id", equalTo("301"))
                .body("results[0].properties.amount", equalTo("99.00"))
                .body("errors[0].category", equalTo("OBJECT_NOT_FOUND"))
                .body("errors[0].context.ids", equalTo(List.of("999999")));
        hubspot().body("{\"inputs\": [{\"id\": \"301\", \"properties\": {}}, {\"id\": \"301\", \"properties\": {}}]}")
                .post("/crm/v3/objects/deals/batch/update").then().statusCode(400)
                .body("message", containsString("Duplicate IDs"));
    }
}
