package dev.ledgerbridge.gateway.rest;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.exactly;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static dev.ledgerbridge.gateway.support.SignedActionRequests.dealExecution;
import static dev.ledgerbridge.gateway.support.SignedActionRequests.postCreateInvoice;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.ledgerbridge.gateway.ActionExecution;
import dev.ledgerbridge.gateway.ExecutionState;
import dev.ledgerbridge.gateway.repository.ActionExecutionRepository;
import dev.ledgerbridge.gateway.repository.QuickBooksConnectionRepository;
import dev.ledgerbridge.gateway.support.DownstreamStubs;
import dev.ledgerbridge.gateway.support.DownstreamWireMock;
import dev.ledgerbridge.gateway.support.InjectWireMock;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The slow path (issue 6) inside the gateway, downstreams on WireMock: an execution slower than the answer budget
 * is answered BLOCK, goes on in the background (again after a transient failure, and after the process that owned it
 * died) and reaches HubSpot through the callback API, retried until HubSpot accepts it.
 */
@QuarkusTest
@TestProfile(SlowPathResourceTest.ShortBudget.class)
@WithTestResource(DownstreamWireMock.class)
class SlowPathResourceTest {

    private static final String US_REALM = "9130350000000001";
    private static final String CALLBACKS = "/automation/v4/actions/callbacks/";

    /** A budget short enough for WireMock delays to exceed it, and a worker that polls often. */
    public static class ShortBudget implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "ledgerbridge.gateway.slow-path.answer-budget", "PT0.4S",
                    "ledgerbridge.gateway.slow-path.poll-interval", "PT0.1S",
                    "ledgerbridge.gateway.slow-path.retry-initial-delay", "PT0.1S",
                    "ledgerbridge.gateway.slow-path.retry-max-delay", "PT1S",
                    "ledgerbridge.gateway.slow-path.run-lease", "PT5S");
        }
    }

    @InjectWireMock
    WireMockServer wireMock;

    @Inject
    ActionExecutionRepository executions;

    @Inject
    QuickBooksConnectionRepository connections;

    @Inject
    CircuitBreakerMaintenance circuitBreakers;

    @Inject
    Pool pool;

    @BeforeEach
    void oneUsCompanyAndHappyDownstreams() {
        wireMock.resetAll();
        DownstreamStubs.contactSyncLegacyEverywhere(wireMock);
        connections.deleteAll().await().atMost(Duration.ofSeconds(5));
        connections.upsertConnected(US_REALM, "Ledger Demo US Inc.", "US").await().atMost(Duration.ofSeconds(5));
        DownstreamStubs.hubSpotDeal301(wireMock);
        DownstreamStubs.servicesSucceed(wireMock);
    }

    @AfterEach
    void forgetSlowRows() {
        circuitBreakers.resetAll();
        // Finished or not, these rows must not be picked up by another test class's worker.
        pool.query("DELETE FROM action_execution WHERE callback_id LIKE 'ap-slow-%'").execute()
                .await().atMost(Duration.ofSeconds(5));
    }

    @Test
    void shouldAnswerBlockThenCompleteThroughTheCallbackWhenTheDocumentIsSlow() {
        String callbackId = newCallbackId();
        stubCallback(callbackId, aResponse().withStatus(204));
        wireMock.stubFor(post(urlPathEqualTo(DownstreamStubs.DOCUMENTS))
                .willReturn(DownstreamStubs.documentCreated().withFixedDelay(1500)));

        postCreateInvoice(dealExecution(callbackId, "301", "{\"quickbooks_company\":\"" + US_REALM + "\"}"))
                .then().statusCode(200)
                .body("outputFields.hs_execution_state", equalTo("BLOCK"))
                .body("outputFields.hs_expiration_duration", equalTo("PT24H"))
                .body("outputFields.qbo_document_id", nullValue());
        assertEquals(ExecutionState.BLOCKED, row(callbackId).state());

        ActionExecution done = awaitCompletion(callbackId, "SENT");
        assertEquals(ExecutionState.SUCCEEDED, done.state());
        assertEquals("130", done.outputFields().get("qbo_document_id"));
        wireMock.verify(exactly(1), postRequestedFor(urlPathEqualTo(CALLBACKS + callbackId + "/complete"))
                .withRequestBody(containing("\"hs_execution_state\":\"SUCCESS\""))
                .withRequestBody(containing("\"qbo_document_id\":\"130\"")));
        wireMock.verify(exactly(1), postRequestedFor(urlPathEqualTo(DownstreamStubs.DOCUMENTS)));
    }

    @Test
    void shouldRunABlockedExecutionAgainAfterATransientFailureInTheBackground() {
        String callbackId = newCallbackId();
        stubCallback(callbackId, aResponse().withStatus(204));
        // Slow, then unavailable (after the BLOCK answer, so HubSpot cannot retry it), then fine.
        wireMock.stubFor(post(urlPathEqualTo(DownstreamStubs.DOCUMENTS)).inScenario("flaky").whenScenarioStateIs(STARTED)
                .willReturn(aResponse().withStatus(503).withHeader("Content-Type", "application/json")
                        .withBody("{\"code\":\"QBO_THROTTLED\",\"message\":\"QuickBooks is throttling\"}")
                        .withFixedDelay(800))
                .willSetStateTo("recovered"));
        wireMock.stubFor(post(urlPathEqualTo(DownstreamStubs.DOCUMENTS)).inScenario("flaky")
                .whenScenarioStateIs("recovered").willReturn(DownstreamStubs.documentCreated()));

        postCreateInvoice(dealExecution(callbackId, "301", "{\"quickbooks_company\":\"" + US_REALM + "\"}"))
                .then().statusCode(200)
                .body("outputFields.hs_execution_state", equalTo("BLOCK"));

        ActionExecution done = awaitCompletion(callbackId, "SENT");
        assertEquals(ExecutionState.SUCCEEDED, done.state());
        wireMock.verify(exactly(2), postRequestedFor(urlPathEqualTo(DownstreamStubs.DOCUMENTS)));
        wireMock.verify(exactly(1), postRequestedFor(urlPathEqualTo(CALLBACKS + callbackId + "/complete")));
    }

    @Test
    void shouldRetryTheCompletionUntilHubSpotAcceptsIt() {
        String callbackId = newCallbackId();
        String path = CALLBACKS + callbackId + "/complete";
        wireMock.stubFor(post(urlPathEqualTo(path)).inScenario("hubspot").whenScenarioStateIs(STARTED)
                .willReturn(hubSpotError(502)).willSetStateTo("second"));
        wireMock.stubFor(post(urlPathEqualTo(path)).inScenario("hubspot").whenScenarioStateIs("second")
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "0")
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"status\":\"error\",\"message\":\"You have reached your secondly limit.\","
                                + "\"category\":\"RATE_LIMITS\"}"))
                .willSetStateTo("third"));
        wireMock.stubFor(post(urlPathEqualTo(path)).inScenario("hubspot").whenScenarioStateIs("third")
                .willReturn(aResponse().withStatus(204)));
        wireMock.stubFor(post(urlPathEqualTo(DownstreamStubs.DOCUMENTS))
                .willReturn(DownstreamStubs.documentCreated().withFixedDelay(800)));

        postCreateInvoice(dealExecution(callbackId, "301", "{\"quickbooks_company\":\"" + US_REALM + "\"}"))
                .then().statusCode(200)
                .body("outputFields.hs_execution_state", equalTo("BLOCK"));

        awaitCompletion(callbackId, "SENT");
        wireMock.verify(exactly(3), postRequestedFor(urlPathEqualTo(path)));
    }

    @Test
    void shouldKeepHubSpotsReasonWhenItRefusesTheCompletionForGood() {
        String callbackId = newCallbackId();
        String path = CALLBACKS + callbackId + "/complete";
        stubCallback(callbackId, hubSpotError(400));
        wireMock.stubFor(post(urlPathEqualTo(DownstreamStubs.DOCUMENTS))
                .willReturn(DownstreamStubs.documentCreated().withFixedDelay(800)));

        postCreateInvoice(dealExecution(callbackId, "301", "{\"quickbooks_company\":\"" + US_REALM + "\"}"))
                .then().statusCode(200)
                .body("outputFields.hs_execution_state", equalTo("BLOCK"));

        ActionExecution done = awaitCompletion(callbackId, "REJECTED");
        assertTrue(done.completionError().contains("400"), done.completionError());
        assertEquals(ExecutionState.SUCCEEDED, done.state());
        wireMock.verify(exactly(1), postRequestedFor(urlPathEqualTo(path)));
    }

    @Test
    void shouldResumeABlockedExecutionWhoseProcessDied() {
        String callbackId = newCallbackId();
        stubCallback(callbackId, aResponse().withStatus(204));
        // What a gateway that answered BLOCK and was then killed leaves behind: BLOCKED, lease long expired.
        insertBlocked(callbackId, "to_timestamp(0)");

        ActionExecution done = awaitCompletion(callbackId, "SENT");
        assertEquals(ExecutionState.SUCCEEDED, done.state());
        wireMock.verify(exactly(1), postRequestedFor(urlPathEqualTo(DownstreamStubs.DOCUMENTS)));
        wireMock.verify(exactly(1), postRequestedFor(urlPathEqualTo(CALLBACKS + callbackId + "/complete"))
                .withRequestBody(containing("\"qbo_document_id\":\"130\"")));
    }

    @Test
    void shouldAnswerBlockAgainToARedeliveryWhileTheExecutionIsBlocked() {
        String callbackId = newCallbackId();
        // Blocked and owned by a live run (fresh lease): a redelivery must neither run it nor answer 429.
        insertBlocked(callbackId, "now()");

        postCreateInvoice(dealExecution(callbackId, "301", "{\"quickbooks_company\":\"" + US_REALM + "\"}"))
                .then().statusCode(200)
                .body("outputFields.hs_execution_state", equalTo("BLOCK"));

        wireMock.verify(exactly(0), postRequestedFor(urlPathEqualTo(DownstreamStubs.DOCUMENTS)));
        assertEquals(2, row(callbackId).deliveries());
    }

    private void insertBlocked(String callbackId, String claimedAt) {
        JsonObject request = new JsonObject().put("callbackId", callbackId).put("portalId", 40213377L)
                .put("objectType", "DEAL").put("objectId", "301")
                .put("inputFields", new JsonObject().put("quickbooks_company", US_REALM));
        pool.preparedQuery("INSERT INTO action_execution (callback_id, portal_id, action_type, object_type, object_id, "
                        + "state, request, blocked_at, claimed_at, next_run_at) VALUES ($1, 40213377, 'CREATE_INVOICE', "
                        + "'DEAL', '301', 'BLOCKED', $2, now(), " + claimedAt + ", now())")
                .execute(Tuple.of(callbackId, request)).await().atMost(Duration.ofSeconds(5));
    }

    private void stubCallback(String callbackId,
            com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder response) {
        wireMock.stubFor(post(urlPathEqualTo(CALLBACKS + callbackId + "/complete")).willReturn(response));
    }

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder hubSpotError(int status) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json")
                .withBody("{\"status\":\"error\",\"message\":\"Callback failed with " + status + "\","
                        + "\"correlationId\":\"5b1f\",\"category\":\"VALIDATION_ERROR\"}");
    }

    private ActionExecution awaitCompletion(String callbackId, String completionState) {
        return await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(50))
                .until(() -> row(callbackId), row -> row != null && completionState.equals(row.completionState()));
    }

    private ActionExecution row(String callbackId) {
        return executions.findById(callbackId).await().atMost(Duration.ofSeconds(5));
    }

    private static String newCallbackId() {
        return "ap-slow-" + UUID.randomUUID();
    }
}
