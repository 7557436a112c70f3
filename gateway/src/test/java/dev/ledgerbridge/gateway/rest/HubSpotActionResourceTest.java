package dev.ledgerbridge.gateway.rest;

import static com.github.tomakehurst.wiremock.client.WireMock.exactly;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static dev.ledgerbridge.gateway.support.SignedActionRequests.CREATE_INVOICE;
import static dev.ledgerbridge.gateway.support.SignedActionRequests.dealExecution;
import static dev.ledgerbridge.gateway.support.SignedActionRequests.postAction;
import static dev.ledgerbridge.gateway.support.SignedActionRequests.postCreateInvoice;
import static dev.ledgerbridge.gateway.support.SignedActionRequests.signed;
import static dev.ledgerbridge.gateway.support.SignedActionRequests.signedFor;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.ledgerbridge.gateway.repository.ActionExecutionRepository;
import dev.ledgerbridge.gateway.repository.QuickBooksConnectionRepository;
import dev.ledgerbridge.gateway.support.DownstreamStubs;
import dev.ledgerbridge.gateway.support.DownstreamWireMock;
import dev.ledgerbridge.gateway.support.InjectWireMock;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The public action endpoint end to end inside the gateway: signature, parsing, journal, answer shape. */
@QuarkusTest
@WithTestResource(DownstreamWireMock.class)
class HubSpotActionResourceTest {

    private static final String US_REALM = "9130350000000001";

    @InjectWireMock
    WireMockServer wireMock;

    @Inject
    ActionExecutionRepository executions;

    @Inject
    QuickBooksConnectionRepository connections;

    @Inject
    CircuitBreakerMaintenance circuitBreakers;

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
    void resetBreakers() {
        circuitBreakers.resetAll();
    }

    @Test
    void shouldRejectBadSignatureWithoutJournalRowOrCall() {
        String callbackId = newCallbackId();
        String body = dealExecution(callbackId, "301", "{}");

        given().contentType("application/json")
                .header("X-HubSpot-Request-Timestamp", Long.toString(System.currentTimeMillis()))
                .header("X-HubSpot-Signature-v3", "bm90IGEgc2lnbmF0dXJl")
                .body(body)
                .when().post(CREATE_INVOICE)
                .then().statusCode(401)
                .body("code", equalTo("INVALID_SIGNATURE"));

        assertNull(executions.findById(callbackId).await().atMost(Duration.ofSeconds(5)));
        assertEquals(0, wireMock.getAllServeEvents().size());
    }

    @Test
    void shouldRejectSignatureOlderThanFiveMinutes() {
        String callbackId = newCallbackId();
        String body = dealExecution(callbackId, "301", "{}");
        long sixMinutesAgo = System.currentTimeMillis() - Duration.ofMinutes(6).toMillis();

        signedFor("http://localhost:" + RestAssured.port + CREATE_INVOICE, body, sixMinutesAgo)
                .when().post(CREATE_INVOICE)
                .then().statusCode(401);

        assertNull(executions.findById(callbackId).await().atMost(Duration.ofSeconds(5)));
    }

    @Test
    void shouldRejectBodyChangedAfterSigning() {
        String callbackId = newCallbackId();
        String signedBody = dealExecution(callbackId, "301", "{}");

        // The signature covers the exact bytes: one trailing space more and it no longer matches.
        signedFor("http://localhost:" + RestAssured.port + CREATE_INVOICE, signedBody, System.currentTimeMillis())
                .body(signedBody + " ")
                .when().post(CREATE_INVOICE)
                .then().statusCode(401);

        assertNull(executions.findById(callbackId).await().atMost(Duration.ofSeconds(5)));
    }

    @Test
    void shouldVerifyAgainstForwardedPublicUrl() {
        String body = dealExecution(newCallbackId(), "301", "{}");

        signedFor("https://bridge.example.com" + CREATE_INVOICE, body, System.currentTimeMillis())
                .header("X-Forwarded-Proto", "https")
                .header("X-Forwarded-Host", "bridge.example.com")
                .when().post(CREATE_INVOICE)
                .then().statusCode(200)
                .body("outputFields.hs_execution_state", equalTo("SUCCESS"));
    }

    @Test
    void shouldAnswer400ForMalformedJson() {
        signed("{\"callbackId\": \"ap-1\", ").when().post(CREATE_INVOICE)
                .then().statusCode(400)
                .body("code", equalTo("INVALID_REQUEST"));
        assertEquals(0, wireMock.getAllServeEvents().size());
    }

    @Test
    void shouldAnswer400WithoutCallbackIdOrObject() {
        signed("{\"origin\":{\"portalId\":40213377},\"object\":{\"objectId\":301,\"objectType\":\"DEAL\"}}")
                .when().post(CREATE_INVOICE)
                .then().statusCode(400)
                .body("message", equalTo("callbackId is missing"));
        signed("{\"callbackId\":\"ap-x\",\"origin\":{\"portalId\":40213377}}")
                .when().post(CREATE_INVOICE)
                .then().statusCode(400)
                .body("message", equalTo("object is missing"));
    }

    @Test
    void shouldAnswerHubSpotResponseFormatOnSuccess() {
        String callbackId = newCallbackId();

        postCreateInvoice(dealExecution(callbackId, "301", "{}"))
                .then().statusCode(200)
                .body("outputFields.hs_execution_state", equalTo("SUCCESS"))
                .body("outputFields.qbo_document_id", equalTo("130"))
                .body("outputFields.qbo_doc_number", equalTo("1001"))
                .body("outputFields.error_code", equalTo(""))
                .body("outputFields.error_message", equalTo(""));

        given().when().get("/admin/v1/executions/" + callbackId)
                .then().statusCode(200)
                .body("state", equalTo("SUCCEEDED"))
                .body("deliveries", equalTo(1))
                .body("outputFields.qbo_document_id", equalTo("130"));
    }

    @Test
    void shouldServeEstimateAndSalesReceiptBesideInvoiceWithTheirOwnLinksAndJournalTypes() {
        String estimate = newCallbackId();
        String receipt = newCallbackId();

        postAction("/hubspot/actions/create-estimate", dealExecution(estimate, "301", "{}"))
                .then().statusCode(200)
                .body("outputFields.hs_execution_state", equalTo("SUCCESS"))
                .body("outputFields.qbo_total", equalTo("15000.00"))
                .body("outputFields.qbo_link", equalTo("https://app.qbo.intuit.com/app/estimate?txnId=130"));
        postAction("/hubspot/actions/create-sales-receipt", dealExecution(receipt, "301", "{}"))
                .then().statusCode(200)
                .body("outputFields.qbo_link", equalTo("https://app.qbo.intuit.com/app/salesreceipt?txnId=130"));

        assertEquals("CREATE_ESTIMATE", executions.findById(estimate).await().atMost(Duration.ofSeconds(5))
                .actionType());
        assertEquals("CREATE_SALES_RECEIPT", executions.findById(receipt).await().atMost(Duration.ofSeconds(5))
                .actionType());
    }

    @Test
    void shouldReplayFinishedExecutionWithoutDownstreamCalls() {
        String callbackId = newCallbackId();
        String body = dealExecution(callbackId, "301", "{}");
        postCreateInvoice(body).then().statusCode(200);
        wireMock.resetRequests();

        postCreateInvoice(body)
                .then().statusCode(200)
                .body("outputFields.hs_execution_state", equalTo("SUCCESS"))
                .body("outputFields.qbo_document_id", equalTo("130"))
                .body("outputFields.qbo_doc_number", equalTo("1001"));

        assertEquals(0, wireMock.getAllServeEvents().size());
        given().when().get("/admin/v1/executions/" + callbackId)
                .then().statusCode(200).body("deliveries", equalTo(2));
    }

    @Test
    void shouldRunConcurrentDuplicateDeliveryOnlyOnce() {
        // The first delivery is still waiting for document-service when the duplicate arrives.
        wireMock.stubFor(post(urlPathEqualTo(DownstreamStubs.DOCUMENTS))
                .willReturn(DownstreamStubs.documentCreated().withFixedDelay(1500)));
        String body = dealExecution(newCallbackId(), "301", "{}");

        CompletableFuture<Response> first = CompletableFuture.supplyAsync(() -> postCreateInvoice(body));
        CompletableFuture<Response> second = CompletableFuture.supplyAsync(() -> postCreateInvoice(body));
        List<Integer> statuses = List.of(first.join().statusCode(), second.join().statusCode());

        assertTrue(statuses.contains(200), "one delivery runs: " + statuses);
        assertTrue(statuses.contains(429), "the duplicate is told to come back: " + statuses);
        Response busy = first.join().statusCode() == 429 ? first.join() : second.join();
        assertEquals("2", busy.header("Retry-After"));
        wireMock.verify(exactly(1), postRequestedFor(urlPathEqualTo(DownstreamStubs.DOCUMENTS)));
        wireMock.verify(exactly(1), postRequestedFor(urlPathEqualTo(DownstreamStubs.NOTES)));
    }

    @Test
    void shouldAnswer404ForUnknownExecution() {
        given().when().get("/admin/v1/executions/ap-unknown")
                .then().statusCode(404)
                .body("code", equalTo("EXECUTION_NOT_FOUND"));
    }

    private static String newCallbackId() {
        return "ap-40213377-" + UUID.randomUUID();
    }
}
