package dev.ledgerbridge.gateway.support;

import static io.restassured.RestAssured.given;

import dev.ledgerbridge.hubspot.signature.HubSpotSignatures;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.nio.charset.StandardCharsets;

/** Sends action requests to the gateway signed as HubSpot's workflow engine does (v3, the test profile's secret). */
public final class SignedActionRequests {

    /** The test profile's HubSpot client secret. */
    public static final String SECRET = "ledgerbridge-local-secret";
    public static final String CREATE_INVOICE = "/hubspot/actions/create-invoice";
    public static final long PORTAL = 40213377L;

    private SignedActionRequests() {
    }

    /** A deal execution request body as HubSpot sends it. */
    public static String dealExecution(String callbackId, String dealId, String inputFieldsJson) {
        return """
                {"callbackId":"%s","origin":{"portalId":%d,"actionDefinitionId":1182044,"actionDefinitionVersion":1},
                 "context":{"source":"WORKFLOWS","workflowId":556677},
                 "object":{"objectId":%s,"objectType":"DEAL","properties":{}},
                 "inputFields":%s}""".formatted(callbackId, PORTAL, dealId, inputFieldsJson);
    }

    /** A request signed for the URL the test client calls, timestamped now. */
    public static RequestSpecification signed(String body) {
        return signedFor("http://localhost:" + RestAssured.port + CREATE_INVOICE, body, System.currentTimeMillis());
    }

    /** A request whose signature covers {@code signedUrl} and {@code timestampMillis}. */
    public static RequestSpecification signedFor(String signedUrl, String body, long timestampMillis) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        String timestamp = Long.toString(timestampMillis);
        return given()
                .contentType("application/json")
                .header("X-HubSpot-Request-Timestamp", timestamp)
                .header("X-HubSpot-Signature-v3", HubSpotSignatures.signV3("POST", signedUrl, bytes, timestamp, SECRET))
                .body(bytes);
    }

    /** Posts a signed create-invoice request. */
    public static Response postCreateInvoice(String body) {
        return signed(body).when().post(CREATE_INVOICE);
    }

    /** Posts a signed request to another action path, e.g. {@code /hubspot/actions/create-estimate}. */
    public static Response postAction(String path, String body) {
        return signedFor("http://localhost:" + RestAssured.port + path, body, System.currentTimeMillis())
                .when().post(path);
    }
}
