package dev.ledgerbridge.gateway.rest;

import static dev.ledgerbridge.gateway.support.SignedActionRequests.dealExecution;
import static dev.ledgerbridge.gateway.support.SignedActionRequests.postCreateInvoice;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import dev.ledgerbridge.gateway.ActionRequest;
import dev.ledgerbridge.gateway.DocumentType;
import dev.ledgerbridge.gateway.client.DownstreamUnavailableException;
import dev.ledgerbridge.gateway.service.CreateDocumentAction;
import dev.ledgerbridge.gateway.support.DownstreamWireMock;
import dev.ledgerbridge.hubspot.HubSpotApiException;
import dev.ledgerbridge.hubspot.HubSpotRateLimitException;
import io.quarkus.test.InjectMock;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.mutiny.Uni;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

/** How the edge answers HubSpot when the action fails transiently (service mocked): always a retryable status. */
@QuarkusTest
@WithTestResource(DownstreamWireMock.class)
class HubSpotActionFailureResourceTest {

    @InjectMock
    CreateDocumentAction action;

    @Test
    void shouldAnswer503WhenAServiceIsDown() {
        when(action.execute(any(), any())).thenReturn(Uni.createFrom().failure(new DownstreamUnavailableException(
                "document", "QBO_ERROR", "QuickBooks answered 500", null, null)));

        postCreateInvoice(dealExecution("ap-40213377-1-1-1", "301", "{}"))
                .then().statusCode(503)
                .body("code", equalTo("QBO_ERROR"))
                .body("downstream", equalTo("document"));
    }

    @Test
    void shouldAnswer429WithRetryAfterWhenQuickBooksIsThrottled() {
        when(action.execute(any(), any())).thenReturn(Uni.createFrom().failure(new DownstreamUnavailableException(
                "document", "QBO_THROTTLED", "QuickBooks is throttling", Duration.ofSeconds(30), null)));

        postCreateInvoice(dealExecution("ap-40213377-1-1-2", "301", "{}"))
                .then().statusCode(429)
                .header("Retry-After", "30")
                .body("code", equalTo("QBO_THROTTLED"));
    }

    @Test
    void shouldAnswer429WhenHubSpotRateLimitIsReached() {
        when(action.execute(any(), any())).thenReturn(Uni.createFrom().failure(new HubSpotRateLimitException(null, "GET",
                "/crm/v3/objects/deals/301", Duration.ofSeconds(10))));

        postCreateInvoice(dealExecution("ap-40213377-1-1-3", "301", "{}"))
                .then().statusCode(429)
                .header("Retry-After", "10");
    }

    @Test
    void shouldAnswer503WhenHubSpotFailsWithServerError() {
        when(action.execute(any(), any())).thenReturn(Uni.createFrom().failure(new HubSpotApiException(502, null, "POST",
                "/crm/v3/objects/notes")));

        postCreateInvoice(dealExecution("ap-40213377-1-1-4", "301", "{}"))
                .then().statusCode(503)
                .body("code", equalTo("HUBSPOT_ERROR"));
    }

    @Test
    void shouldHandTheParsedRequestToTheAction() {
        when(action.execute(any(), any())).thenReturn(Uni.createFrom().failure(new IllegalStateException("stop here")));

        postCreateInvoice(dealExecution("ap-40213377-1-1-5", "301",
                "{\"quickbooks_company\":\"9130350000000001\",\"customer_contact\":104}"));

        ArgumentCaptor<ActionRequest> captor = ArgumentCaptor.forClass(ActionRequest.class);
        verify(action).execute(eq(DocumentType.INVOICE), captor.capture());
        ActionRequest request = captor.getValue();
        assertEquals("ap-40213377-1-1-5", request.callbackId());
        assertEquals(40213377L, request.portalId());
        assertEquals("DEAL", request.objectType());
        assertEquals("301", request.objectId());
        assertEquals("104", request.input("customer_contact"));
        assertEquals("9130350000000001", request.input("quickbooks_company"));
    }

    @Test
    void shouldNotCallTheActionWhenTheSignatureIsMissing() {
        given().contentType("application/json")
                .body(dealExecution("ap-40213377-1-1-6", "301", "{}"))
                .when().post("/hubspot/actions/create-invoice")
                .then().statusCode(401);

        verify(action, never()).execute(any(), any());
    }
}
