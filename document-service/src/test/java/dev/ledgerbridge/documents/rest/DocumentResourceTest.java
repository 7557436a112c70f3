package dev.ledgerbridge.documents.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.isNull;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import dev.ledgerbridge.documents.DocumentRefusedException;
import dev.ledgerbridge.documents.DocumentResult;
import dev.ledgerbridge.documents.DocumentType;
import dev.ledgerbridge.documents.NewDocument;
import dev.ledgerbridge.documents.UpstreamUnavailableException;
import dev.ledgerbridge.documents.service.DocumentService;
import dev.ledgerbridge.quickbooks.QboError;
import dev.ledgerbridge.quickbooks.QboFaultException;
import io.quarkus.test.InjectMock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.smallrye.mutiny.Uni;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

@QuarkusTest
class DocumentResourceTest {

    static final String BODY = """
            {"idempotencyKey": "40213377:ap-1-2-3:invoice", "realmId": "9130350000000001", "type": "INVOICE",
             "customerId": "58", "termName": " Net 30 ", "txnDate": "2026-11-26",
             "source": {"portalId": 40213377, "objectType": "DEAL", "objectId": "301", "callbackId": "ap-1-2-3"},
             "lines": [{"itemId": "2", "description": "Annual Subscription", "quantity": 1, "unitPrice": 12000.00},
                       {"itemId": "7", "description": "Support hours", "quantity": 3, "unitPrice": 349.99}]}""";

    @InjectMock
    DocumentService service;

    @Test
    void shouldAnswer201WithTheCreatedDocumentAndPassTheRequestOn() {
        when(service.create(anyString(), any(), any())).thenReturn(Uni.createFrom().item(result(false)));

        given().contentType(ContentType.JSON).header("X-LedgerBridge-Correlation-Id", "ap-1-2-3").body(BODY)
                .when().post("/v1/documents")
                .then().statusCode(201)
                .body("documentId", equalTo("130"))
                .body("docNumber", equalTo("1001"))
                .body("type", equalTo("INVOICE"))
                .body("totalAmount", equalTo(13049.97f))
                .body("customerId", equalTo("58"))
                .body("replayed", equalTo(false));

        ArgumentCaptor<NewDocument> document = ArgumentCaptor.forClass(NewDocument.class);
        verify(service).create(eq("40213377:ap-1-2-3:invoice"), document.capture(), eq("ap-1-2-3"));
        NewDocument sent = document.getValue();
        assertEquals("Net 30", sent.termName());
        assertEquals(LocalDate.of(2026, 11, 26), sent.txnDate());
        assertEquals(new NewDocument.Source(40213377L, "DEAL", "301", "ap-1-2-3"), sent.source());
        assertEquals(new NewDocument.SalesLine("7", "Support hours", new BigDecimal("3"), new BigDecimal("349.99")),
                sent.lines().get(1));
    }

    @Test
    void shouldAnswer200WhenTheKeyWasAlreadyUsed() {
        when(service.create(anyString(), any(), isNull())).thenReturn(Uni.createFrom().item(result(true)));

        given().contentType(ContentType.JSON).body(BODY)
                .when().post("/v1/documents")
                .then().statusCode(200)
                .body("documentId", equalTo("130"))
                .body("replayed", equalTo(true));
    }

    @Test
    void shouldAnswer400NamingTheInvalidFields() {
        String body = BODY.replace("\"quantity\": 3,", "").replace("\"customerId\": \"58\"", "\"customerId\": \"ab\"");

        given().contentType(ContentType.JSON).body(body)
                .when().post("/v1/documents")
                .then().statusCode(400)
                .body("code", equalTo("INVALID_REQUEST"))
                .body("message", containsString("lines[1].quantity must not be null"))
                .body("message", containsString("customerId must be a numeric QBO customer id"));
        verify(service, never()).create(anyString(), any(), any());
    }

    @Test
    void shouldAnswer400ForAnUnknownDocumentType() {
        given().contentType(ContentType.JSON).body(BODY.replace("\"INVOICE\"", "\"CREDIT_MEMO\""))
                .when().post("/v1/documents")
                .then().statusCode(400)
                .body("code", equalTo("INVALID_REQUEST"))
                .body("message", containsString("type"));
    }

    @Test
    void shouldAnswer400ForABodyThatIsNotJson() {
        given().contentType(ContentType.JSON).body("{\"idempotencyKey\": ")
                .when().post("/v1/documents")
                .then().statusCode(400)
                .body("code", equalTo("INVALID_REQUEST"));
    }

    @Test
    void shouldAnswer400ForAKeyContainingThePipeCharacter() {
        given().contentType(ContentType.JSON).body(BODY.replace("40213377:ap-1-2-3:invoice", "a|b"))
                .when().post("/v1/documents")
                .then().statusCode(400)
                .body("message", containsString("idempotencyKey"));
    }

    @Test
    void shouldAnswer422WithTheRefusalCodeAndMessage() {
        when(service.create(anyString(), any(), any())).thenReturn(Uni.createFrom().failure(new DocumentRefusedException(
                DocumentRefusedException.UNKNOWN_TERM, "QuickBooks has no active payment term named \"Net 45\".")));

        given().contentType(ContentType.JSON).body(BODY)
                .when().post("/v1/documents")
                .then().statusCode(422)
                .body("code", equalTo("UNKNOWN_TERM"))
                .body("message", equalTo("QuickBooks has no active payment term named \"Net 45\"."))
                .body("qboCode", nullValue());
    }

    @Test
    void shouldRefuseWithTheQboCodeForAQboValidationFault() {
        when(service.create(anyString(), any(), any())).thenReturn(Uni.createFrom().failure(new QboFaultException(400,
                "ValidationFault", List.of(new QboError("Object Not Found", "Something you're trying to use has been made inactive.",
                        "610", "")), "tid-1")));

        given().contentType(ContentType.JSON).body(BODY)
                .when().post("/v1/documents")
                .then().statusCode(422)
                .body("code", equalTo("QBO_REJECTED"))
                .body("qboCode", equalTo("610"))
                .body("qboMessage", equalTo("Object Not Found: Something you're trying to use has been made inactive."));
    }

    @Test
    void shouldAnswer503WithRetryAfterWhenQboThrottles() {
        when(service.create(anyString(), any(), any())).thenReturn(Uni.createFrom().failure(
                new QboFaultException(429, null, List.of(), null)));

        given().contentType(ContentType.JSON).body(BODY)
                .when().post("/v1/documents")
                .then().statusCode(503)
                .header("Retry-After", "1")
                .body("code", equalTo("QBO_THROTTLED"));
    }

    @Test
    void shouldAnswer503WithRetryAfterWhileAnotherRequestCreatesTheDocument() {
        when(service.create(anyString(), any(), any())).thenReturn(Uni.createFrom().failure(new UpstreamUnavailableException(
                UpstreamUnavailableException.DOCUMENT_IN_PROGRESS, "still running", Duration.ofSeconds(2), null)));

        given().contentType(ContentType.JSON).body(BODY)
                .when().post("/v1/documents")
                .then().statusCode(503)
                .header("Retry-After", "2")
                .body("code", equalTo("DOCUMENT_IN_PROGRESS"));
    }

    @Test
    void shouldReturnTheStoredDocumentByKey() {
        when(service.find("40213377:ap-1-2-3:invoice")).thenReturn(Uni.createFrom().item(result(true)));

        given().when().get("/v1/documents/{key}", "40213377:ap-1-2-3:invoice")
                .then().statusCode(200)
                .body("documentId", equalTo("130"))
                .body("docNumber", equalTo("1001"));
    }

    @Test
    void shouldAnswer404ForAKeyWithoutDocument() {
        when(service.find(anyString())).thenReturn(Uni.createFrom().nullItem());

        given().when().get("/v1/documents/{key}", "nothing-here")
                .then().statusCode(404)
                .body("code", equalTo("DOCUMENT_NOT_FOUND"));
    }

    private static DocumentResult result(boolean replayed) {
        return new DocumentResult("40213377:ap-1-2-3:invoice", "130", "1001", DocumentType.INVOICE,
                new BigDecimal("13049.97"), "58", replayed);
    }
}
