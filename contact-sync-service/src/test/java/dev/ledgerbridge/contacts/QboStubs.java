package dev.ledgerbridge.contacts;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.matching.RequestPatternBuilder;

/** WireMock stubs and request patterns for the QBO customer calls and the gateway token endpoint. */
public final class QboStubs {

    public static final String REALM = "9130350000000001";
    public static final String QBO_PATH = "/v3/company/" + REALM;

    private QboStubs() {
    }

    /** Clears stubs and journal, then serves a long-lived token for every realm from the gateway. */
    public static void reset(WireMockServer wireMock) {
        wireMock.resetAll();
        wireMock.stubFor(get(urlPathMatching("/internal/v1/quickbooks/[0-9]+/access-token"))
                .willReturn(json(200, "{\"accessToken\":\"test-token\",\"expiresAt\":\"2099-01-01T00:00:00Z\"}")));
    }

    /** The statement the service sends to look customers up by e-mail. */
    public static String emailQuery(String quotedEmail) {
        return "SELECT * FROM Customer WHERE PrimaryEmailAddr = " + quotedEmail + " AND Active IN (true, false) MAXRESULTS 100";
    }

    /** GET of the customer query for that statement. */
    public static MappingBuilder customerQuery(String statement) {
        return get(urlPathEqualTo(QBO_PATH + "/query")).withQueryParam("query", equalTo(statement));
    }

    /** Any QBO call of the test realm. */
    public static RequestPatternBuilder anyQboCall() {
        return WireMock.anyRequestedFor(urlPathMatching(QBO_PATH + "/.*"));
    }

    /** Customer creates and sparse updates. */
    public static RequestPatternBuilder customerWrites() {
        return WireMock.postRequestedFor(urlPathEqualTo(QBO_PATH + "/customer"));
    }

    /** A QueryResponse holding the customers. */
    public static ResponseDefinitionBuilder queryResponse(ObjectNode... customers) {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        ArrayNode list = body.putObject("QueryResponse").putArray("Customer");
        for (ObjectNode customer : customers) {
            list.add(customer);
        }
        if (customers.length == 0) {
            ((ObjectNode) body.get("QueryResponse")).remove("Customer");
        }
        return json(200, body.toString());
    }

    /** The answer to a create or update: {"Customer": {...}}. */
    public static ResponseDefinitionBuilder customerResponse(ObjectNode customer) {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        body.set("Customer", customer);
        return json(200, body.toString());
    }

    /** A QBO customer as QBO returns it. */
    public static ObjectNode customer(String id, String displayName, String givenName, String familyName, String email,
            boolean active) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("Id", id).put("SyncToken", "3").put("DisplayName", displayName).put("Active", active);
        if (givenName != null) {
            node.put("GivenName", givenName);
        }
        if (familyName != null) {
            node.put("FamilyName", familyName);
        }
        if (email != null) {
            node.putObject("PrimaryEmailAddr").put("Address", email);
        }
        return node;
    }

    /** A QBO validation fault with the code, HTTP 400. */
    public static ResponseDefinitionBuilder fault(String code, String message) {
        return json(400, "{\"Fault\":{\"Error\":[{\"Message\":\"" + message + "\",\"Detail\":\"" + message
                + "\",\"code\":\"" + code + "\",\"element\":\"\"}],\"type\":\"ValidationFault\"},"
                + "\"time\":\"2026-11-26T09:17:31.892-07:00\"}");
    }

    /** HTTP 429 as QBO throttles, with Retry-After 0 so the client's retry does not wait. */
    public static ResponseDefinitionBuilder throttled() {
        return aResponse().withStatus(429).withHeader("Retry-After", "0")
                .withHeader("Content-Type", "application/json")
                .withBody("{\"Fault\":{\"Error\":[{\"Message\":\"message=ThrottleExceeded\",\"code\":\"3001\"}],"
                        + "\"type\":\"ThrottleExceeded\"}}");
    }

    private static ResponseDefinitionBuilder json(int status, String body) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody(body);
    }
}
