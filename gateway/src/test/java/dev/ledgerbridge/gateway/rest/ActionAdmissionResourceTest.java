package dev.ledgerbridge.gateway.rest;

import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static dev.ledgerbridge.gateway.support.SignedActionRequests.dealExecution;
import static dev.ledgerbridge.gateway.support.SignedActionRequests.postCreateInvoice;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.ledgerbridge.gateway.repository.ActionExecutionRepository;
import dev.ledgerbridge.gateway.repository.QuickBooksConnectionRepository;
import dev.ledgerbridge.gateway.service.ActionAdmission;
import dev.ledgerbridge.gateway.support.DownstreamStubs;
import dev.ledgerbridge.gateway.support.DownstreamWireMock;
import dev.ledgerbridge.gateway.support.InjectWireMock;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The gateway turns away a delivery beyond its in-flight bound before any work, and takes the next one again. */
@QuarkusTest
@TestProfile(ActionAdmissionResourceTest.OneActionAtATime.class)
@WithTestResource(DownstreamWireMock.class)
class ActionAdmissionResourceTest {

    /** A bound of one, so two concurrent deliveries are enough to reach it. */
    public static class OneActionAtATime implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("ledgerbridge.gateway.admission.max-in-flight", "1",
                    "ledgerbridge.gateway.admission.retry-after", "PT3S");
        }
    }

    private static final String US_REALM = "9130350000000001";
    private static final Duration WAIT = Duration.ofSeconds(10);

    @InjectWireMock
    WireMockServer wireMock;

    @Inject
    ActionExecutionRepository executions;

    @Inject
    QuickBooksConnectionRepository connections;

    @Inject
    ActionAdmission admission;

    @Inject
    CircuitBreakerMaintenance circuitBreakers;

    @BeforeEach
    void oneUsCompanyAndASlowDocumentService() {
        wireMock.resetAll();
        DownstreamStubs.contactSyncLegacyEverywhere(wireMock);
        connections.deleteAll().await().atMost(WAIT);
        connections.upsertConnected(US_REALM, "Ledger Demo US Inc.", "US").await().atMost(WAIT);
        DownstreamStubs.hubSpotDeal301(wireMock);
        DownstreamStubs.servicesSucceed(wireMock);
        // The first delivery still waits for document-service when the second arrives.
        wireMock.stubFor(post(urlPathEqualTo(DownstreamStubs.DOCUMENTS))
                .willReturn(DownstreamStubs.documentCreated().withFixedDelay(1500)));
    }

    @AfterEach
    void resetBreakers() {
        circuitBreakers.resetAll();
    }

    @Test
    void shouldTurnAwayADeliveryBeyondTheBoundWithoutAJournalRowAndTakeTheNextOne() {
        String first = "ap-40213377-" + UUID.randomUUID();
        String second = "ap-40213377-" + UUID.randomUUID();

        CompletableFuture<Response> running = CompletableFuture.supplyAsync(
                () -> postCreateInvoice(dealExecution(first, "301", "{}")));
        Awaitility.await().atMost(WAIT).until(() -> admission.inFlight() == 1);
        Response turnedAway = postCreateInvoice(dealExecution(second, "301", "{}"));

        assertEquals(429, turnedAway.statusCode(), turnedAway.asString());
        assertEquals("3", turnedAway.header("Retry-After"));
        assertEquals("GATEWAY_BUSY", turnedAway.jsonPath().getString("code"));
        assertNull(executions.findById(second).await().atMost(WAIT), "a turned-away delivery leaves no journal row");

        Response done = running.join();
        assertEquals(200, done.statusCode(), done.asString());
        assertEquals("SUCCESS", done.jsonPath().getString("outputFields.hs_execution_state"));
        assertEquals(0, admission.inFlight(), "the slot is given back when the action ends");

        // HubSpot's retry of the turned-away delivery now runs.
        postCreateInvoice(dealExecution(second, "301", "{}"))
                .then().statusCode(200).body("outputFields.hs_execution_state", equalTo("SUCCESS"));
        assertNotNull(executions.findById(second).await().atMost(WAIT));
    }
}
