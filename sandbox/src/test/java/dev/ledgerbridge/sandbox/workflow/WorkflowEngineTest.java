package dev.ledgerbridge.sandbox.workflow;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ledgerbridge.sandbox.admin.SandboxTestProfile;
import dev.ledgerbridge.sandbox.hubspot.AutomationActionResourceTest;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.vertx.core.Vertx;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
@TestProfile(SandboxTestProfile.class)
class WorkflowEngineTest {

    private static final String SECRET = "ledgerbridge-local-secret";
    private static final ObjectMapper JSON = new ObjectMapper();

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

    private static String enroll(Map<String, Object> request) {
        return given().contentType(ContentType.JSON).body(request)
                .when().post("/_sandbox/workflows/enroll")
                .then().statusCode(202)
                .extract().path("callbackId");
    }

    private static Map<String, Object> dealEnrollment(String actionUrl) {
        Map<String, Object> r = new HashMap<>();
        r.put("actionUrl", actionUrl);
        r.put("objectType", "DEAL");
        r.put("objectId", "301");
        r.put("objectProperties", List.of("dealname"));
        r.put("inputFields", Map.of("termName", "Net 30"));
        return r;
    }

    private static JsonPath execution(String callbackId) {
        return given().when().get("/_sandbox/workflows/executions/" + callbackId).then().statusCode(200).extract().jsonPath();
    }

    private static JsonPath awaitState(String callbackId, String state) {
        await().atMost(Duration.ofSeconds(10)).until(() -> state.equals(execution(callbackId).getString("state")));
        return execution(callbackId);
    }

    @Test
    void shouldSendHubSpotShapedRequestWithSignaturesAnIndependentCheckAccepts() throws Exception {
        Map<String, Object> definition = new HashMap<>(AutomationActionResourceTest.DEFINITION);
        definition.put("actionUrl", receiver.url("/hubspot/actions/create-invoice?portal=40213377&at=a%3Ab"));
        String definitionId = given().contentType(ContentType.JSON).queryParam("hapikey", "sandbox-developer-key")
                .body(definition).post("/automation/v4/actions/1").then().statusCode(201).extract().path("id");
        receiver.then(ActionReceiver.Reply.of(200, "{\"outputFields\":{\"hs_execution_state\":\"SUCCESS\",\"qboInvoiceId\":\"1207\"}}"));

        String callbackId = enroll(Map.of("definitionId", definitionId, "objectType", "DEAL", "objectId", "301",
                "inputFields", Map.of("termName", "Net 30", "createMissingItems", true)));

        JsonPath done = awaitState(callbackId, "SUCCESS");
        assertEquals("1207", done.getString("outputFields.qboInvoiceId"));
        assertEquals(1, receiver.received().size());
        ActionReceiver.Received req = receiver.received().get(0);
        assertTrue(callbackId.matches("ap-40213377-\\d+-\\d+-0"), callbackId);

        JsonNode body = JSON.readTree(req.body());
        assertEquals(callbackId, body.path("callbackId").asText());
        assertEquals(40213377L, body.path("origin").path("portalId").asLong());
        assertEquals(Long.parseLong(definitionId), body.path("origin").path("actionDefinitionId").asLong());
        assertEquals(1, body.path("origin").path("actionDefinitionVersion").asInt());
        assertEquals(Long.parseLong(definitionId), body.path("origin").path("extensionDefinitionId").asLong());
        assertTrue(body.path("origin").has("extensionDefinitionVersionId"));
        assertEquals("WORKFLOWS", body.path("context").path("source").asText());
        assertTrue(body.path("context").path("workflowId").isNumber());
        assertEquals(301, body.path("object").path("objectId").asLong());
        assertEquals("DEAL", body.path("object").path("objectType").asText());
        // Only the properties the definition's objectRequestOptions ask for.
        assertEquals(Map.of("dealname", "Acme – annual plan", "amount", "15000.00"),
                JSON.convertValue(body.path("object").path("properties"), Map.class));
        assertEquals("Net 30", body.path("inputFields").path("termName").asText());
        assertEquals("true", body.path("inputFields").path("createMissingItems").textValue());

        String fullUri = receiver.url(req.uri());
        String timestamp = req.headers().get("X-HubSpot-Request-Timestamp");
        assertTrue(Math.abs(System.currentTimeMillis() - Long.parseLong(timestamp)) < 300_000);
        assertEquals(independentV3(fullUri, req.body(), timestamp), req.headers().get("X-HubSpot-Signature-v3"));
        assertEquals("v2", req.headers().get("X-HubSpot-Signature-Version"));
        assertEquals(independentV2(fullUri, req.body()), req.headers().get("X-HubSpot-Signature"));
    }

    /** Written from domain brief §2.5 independently of the engine's signer. */
    private static String independentV3(String uri, String body, String timestamp) throws Exception {
        String decoded = uri;
        String[][] map = {{"%3A", ":"}, {"%2F", "/"}, {"%3F", "?"}, {"%40", "@"}, {"%21", "!"}, {"%24", "$"},
                {"%27", "'"}, {"%28", "("}, {"%29", ")"}, {"%2A", "*"}, {"%2C", ","}, {"%3B", ";"}};
        for (String[] m : map) {
            decoded = decoded.replaceAll("(?i)" + java.util.regex.Pattern.quote(m[0]), java.util.regex.Matcher.quoteReplacement(m[1]));
        }
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        byte[] digest = mac.doFinal(("POST" + decoded + body + timestamp).getBytes(StandardCharsets.UTF_8));
        return Base64.getEncoder().encodeToString(digest);
    }

    private static String independentV2(String uri, String body) throws Exception {
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        return HexFormat.of().formatHex(sha.digest((SECRET + "POST" + uri + body).getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void shouldRetryAfter429HonouringRetryAfterSeconds() {
        receiver.then(new ActionReceiver.Reply(429, Map.of("Retry-After", "1"), "{}", 0));
        String callbackId = enroll(dealEnrollment(receiver.url("/action")));
        JsonPath done = awaitState(callbackId, "SUCCESS");
        assertEquals(2, receiver.received().size());
        long gap = receiver.received().get(1).atMillis() - receiver.received().get(0).atMillis();
        assertTrue(gap >= 1000, "second attempt came " + gap + " ms after the first");
        assertEquals(429, done.getInt("attempts[0].status"));
        assertEquals(1000, done.getLong("attempts[0].nextRetryInMillis"));
        assertEquals(200, done.getInt("attempts[1].status"));
    }

    @Test
    void shouldRetry5xxWithExponentialBackoff() {
        receiver.then(ActionReceiver.Reply.of(503, "{}")).then(ActionReceiver.Reply.of(500, "{}"));
        String callbackId = enroll(dealEnrollment(receiver.url("/action")));
        JsonPath done = awaitState(callbackId, "SUCCESS");
        assertEquals(3, receiver.received().size());
        assertEquals(List.of(503, 500, 200), done.getList("attempts.status", Integer.class));
        assertEquals(50L, done.getLong("attempts[0].nextRetryInMillis"));
        assertEquals(100L, done.getLong("attempts[1].nextRetryInMillis"));
        assertTrue(receiver.received().get(2).atMillis() - receiver.received().get(1).atMillis() >= 100);
        // Every retry carries the same body and callback id.
        assertEquals(receiver.received().get(0).body(), receiver.received().get(2).body());
    }

    @Test
    void shouldNotRetryOther4xx() {
        receiver.always(ActionReceiver.Reply.of(400, "{\"message\":\"bad\"}"));
        String callbackId = enroll(dealEnrollment(receiver.url("/action")));
        JsonPath done = awaitState(callbackId, "FAILED");
        await().during(Duration.ofMillis(400)).atMost(Duration.ofSeconds(2)).until(() -> receiver.received().size() == 1);
        assertEquals(1, done.getInt("attemptCount"));
        assertEquals("{\"message\":\"bad\"}", done.getString("attempts[0].responseBody"));
    }

    @Test
    void shouldRetryConnectionFailuresUntilAttemptsRunOut() throws Exception {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0)) {
            closedPort = s.getLocalPort();
        }
        String callbackId = enroll(dealEnrollment("http://localhost:" + closedPort + "/action"));
        JsonPath done = awaitState(callbackId, "FAILED");
        assertEquals(4, done.getInt("attemptCount"));
        assertEquals(List.of(0, 0, 0, 0), done.getList("attempts.status", Integer.class));
        assertTrue(done.getString("attempts[0].error").length() > 0);
    }

    @Test
    void shouldFinishWithFailContinueAndOutputs() {
        receiver.then(ActionReceiver.Reply.of(200, "{\"outputFields\":{\"hs_execution_state\":\"FAIL_CONTINUE\",\"errorCode\":\"NO_CONTACT\"}}"));
        String callbackId = enroll(dealEnrollment(receiver.url("/action")));
        JsonPath done = awaitState(callbackId, "FAIL_CONTINUE");
        assertEquals("NO_CONTACT", done.getString("outputFields.errorCode"));
    }

    @Test
    void shouldWaitInBlockUntilCallbackCompletion() {
        receiver.then(ActionReceiver.Reply.state("BLOCK"));
        String callbackId = enroll(dealEnrollment(receiver.url("/action")));
        awaitState(callbackId, "BLOCKED");
        given().auth().oauth2("sandbox-hubspot-40213377").contentType(ContentType.JSON)
                .body(Map.of("outputFields", Map.of("hs_execution_state", "SUCCESS", "qboInvoiceId", "1300")))
                .when().post("/automation/v4/actions/callbacks/" + callbackId + "/complete")
                .then().statusCode(204);
        JsonPath done = execution(callbackId);
        assertEquals("SUCCESS", done.getString("state"));
        assertEquals("CALLBACK", done.getString("completedBy"));
        assertEquals("1300", done.getString("outputFields.qboInvoiceId"));
        // A second completion is refused (documented choice: 400).
        given().auth().oauth2("sandbox-hubspot-40213377").contentType(ContentType.JSON)
                .body(Map.of("outputFields", Map.of("hs_execution_state", "SUCCESS")))
                .when().post("/automation/v4/actions/callbacks/" + callbackId + "/complete")
                .then().statusCode(400).body("category", equalTo("VALIDATION_ERROR"));
    }

    @Test
    void shouldCompleteSeveralBlockedExecutionsInOneBatch() {
        receiver.always(ActionReceiver.Reply.state("BLOCK"));
        String first = enroll(dealEnrollment(receiver.url("/action")));
        String second = enroll(dealEnrollment(receiver.url("/action")));
        awaitState(first, "BLOCKED");
        awaitState(second, "BLOCKED");
        given().auth().oauth2("sandbox-hubspot-40213377").contentType(ContentType.JSON)
                .body(Map.of("inputs", List.of(
                        Map.of("callbackId", first, "outputFields", Map.of("hs_execution_state", "SUCCESS")),
                        Map.of("callbackId", second, "outputFields", Map.of("hs_execution_state", "FAIL_CONTINUE", "errorCode", "QBO_ERROR")))))
                .when().post("/automation/v4/actions/callbacks/complete")
                .then().statusCode(204);
        assertEquals("SUCCESS", execution(first).getString("state"));
        assertEquals("FAIL_CONTINUE", execution(second).getString("state"));
    }

    @Test
    void shouldExpireBlockAfterItsExpirationDuration() {
        receiver.then(ActionReceiver.Reply.of(200, "{\"outputFields\":{\"hs_execution_state\":\"BLOCK\",\"hs_expiration_duration\":\"PT0.3S\"}}"));
        String callbackId = enroll(dealEnrollment(receiver.url("/action")));
        JsonPath done = awaitState(callbackId, "EXPIRED");
        assertEquals("EXPIRY", done.getString("completedBy"));
        given().auth().oauth2("sandbox-hubspot-40213377").contentType(ContentType.JSON)
                .body(Map.of("outputFields", Map.of("hs_execution_state", "SUCCESS")))
                .when().post("/automation/v4/actions/callbacks/" + callbackId + "/complete")
                .then().statusCode(400);
    }

    @Test
    void shouldDeliverTheSameRequestSeveralTimesOneAfterTheOther() {
        receiver.always(new ActionReceiver.Reply(200, Map.of(), "{\"outputFields\":{\"hs_execution_state\":\"SUCCESS\"}}", 100));
        Map<String, Object> request = dealEnrollment(receiver.url("/action"));
        request.put("deliveries", 3);
        String callbackId = enroll(request);
        await().atMost(Duration.ofSeconds(10)).until(() -> execution(callbackId).getMap("deliveryOutcomes").size() == 3);
        List<ActionReceiver.Received> got = receiver.received();
        assertEquals(3, got.size());
        for (int i = 1; i < 3; i++) {
            assertEquals(got.get(0).body(), got.get(i).body());
            assertTrue(got.get(i).atMillis() - got.get(i - 1).atMillis() >= 100, "deliveries overlapped");
        }
        assertEquals("SUCCESS", execution(callbackId).getString("state"));
    }

    @Test
    void shouldDeliverTheSameRequestSeveralTimesConcurrently() {
        receiver.always(new ActionReceiver.Reply(200, Map.of(), "{\"outputFields\":{\"hs_execution_state\":\"SUCCESS\"}}", 500));
        Map<String, Object> request = dealEnrollment(receiver.url("/action"));
        request.put("deliveries", 3);
        request.put("concurrentDeliveries", true);
        String callbackId = enroll(request);
        await().atMost(Duration.ofSeconds(10)).until(() -> execution(callbackId).getMap("deliveryOutcomes").size() == 3);
        List<ActionReceiver.Received> got = receiver.received();
        assertEquals(3, got.size());
        long spread = got.stream().mapToLong(ActionReceiver.Received::atMillis).max().orElseThrow()
                - got.stream().mapToLong(ActionReceiver.Received::atMillis).min().orElseThrow();
        assertTrue(spread < 500, "all copies should arrive before the first answer, spread " + spread + " ms");
        assertEquals(1, got.stream().map(ActionReceiver.Received::body).distinct().count());
    }

    @Test
    void shouldRedeliverAFinishedExecutionKeepingItsFirstOutcome() {
        receiver.always(new ActionReceiver.Reply(200, Map.of(), "{\"outputFields\":{\"hs_execution_state\":\"SUCCESS\"}}", 0));
        String callbackId = enroll(dealEnrollment(receiver.url("/action")));
        awaitState(callbackId, "SUCCESS");
        receiver.always(new ActionReceiver.Reply(200, Map.of(), "{\"outputFields\":{\"hs_execution_state\":\"FAIL_CONTINUE\"}}", 0));

        given().when().post("/_sandbox/workflows/executions/" + callbackId + "/redeliver")
                .then().statusCode(202).body("delivery", equalTo(2));

        await().atMost(Duration.ofSeconds(10)).until(() -> execution(callbackId).getMap("deliveryOutcomes").size() == 2);
        List<ActionReceiver.Received> got = receiver.received();
        assertEquals(2, got.size());
        assertEquals(got.get(0).body(), got.get(1).body());
        assertEquals("SUCCESS", execution(callbackId).getString("state"));
        assertEquals("FAIL_CONTINUE", execution(callbackId).getString("deliveryOutcomes.2"));
        given().when().post("/_sandbox/workflows/executions/ap-none/redeliver").then().statusCode(404);
    }

    @Test
    void shouldUseGivenCallbackIdAndRefuseItTwice() {
        Map<String, Object> request = dealEnrollment(receiver.url("/action"));
        request.put("callbackId", "ap-40213377-555-1-0");
        assertEquals("ap-40213377-555-1-0", enroll(request));
        given().contentType(ContentType.JSON).body(request).when().post("/_sandbox/workflows/enroll").then().statusCode(409);
        awaitState("ap-40213377-555-1-0", "SUCCESS");
        given().when().get("/_sandbox/workflows/executions").then().statusCode(200)
                .body("results[0].callbackId", equalTo("ap-40213377-555-1-0"));
    }

    @Test
    void shouldListEveryAttemptOnlyWhenAsked() {
        Map<String, Object> request = dealEnrollment(receiver.url("/action"));
        request.put("callbackId", "ap-40213377-556-1-0");
        enroll(request);
        awaitState("ap-40213377-556-1-0", "SUCCESS");
        given().when().get("/_sandbox/workflows/executions?attempts=true").then().statusCode(200)
                .body("results.find { it.callbackId == 'ap-40213377-556-1-0' }.attempts[0].status", equalTo(200));
        given().when().get("/_sandbox/workflows/executions").then().statusCode(200)
                .body("results.find { it.callbackId == 'ap-40213377-556-1-0' }.attempts", nullValue());
    }

    @Test
    void shouldRefuseEnrollmentOfUnknownRecordOrDefinition() {
        Map<String, Object> request = dealEnrollment(receiver.url("/action"));
        request.put("objectId", "999999");
        given().contentType(ContentType.JSON).body(request).when().post("/_sandbox/workflows/enroll").then().statusCode(404);
        given().contentType(ContentType.JSON).body(Map.of("definitionId", "77", "objectType", "DEAL", "objectId", "301"))
                .when().post("/_sandbox/workflows/enroll").then().statusCode(404);
        given().contentType(ContentType.JSON).body(Map.of("objectType", "DEAL", "objectId", "301"))
                .when().post("/_sandbox/workflows/enroll").then().statusCode(400).body("message", matchesPattern(".*actionUrl.*"));
        given().when().get("/_sandbox/workflows/executions/nope").then().statusCode(404);
    }

    @Test
    void shouldEnrollCommercePaymentsAndQuotes() {
        Map<String, Object> request = new HashMap<>();
        request.put("actionUrl", receiver.url("/payment"));
        request.put("objectType", "COMMERCE_PAYMENT");
        request.put("objectId", "603");
        request.put("objectProperties", List.of("hs_fees_amount"));
        String callbackId = enroll(request);
        awaitState(callbackId, "SUCCESS");
        assertTrue(receiver.received().get(0).body().contains("\"objectType\":\"COMMERCE_PAYMENT\""));
        assertTrue(receiver.received().get(0).body().contains("\"hs_fees_amount\":\"43.80\""));
    }
}
