package dev.ledgerbridge.hubspot;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.patchRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

class AutomationTest extends WireMockHubSpotTest {

    private static final String CALLBACK = "ap-40213377-88112233445-3-0";
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void shouldCompleteOneCallbackWithOutputFieldsAndEmptyTypedOutputs() {
        wm.stubFor(post(urlEqualTo("/automation/v4/actions/callbacks/" + CALLBACK + "/complete"))
                .willReturn(aResponse().withStatus(204)));

        portal.withCorrelationId(CALLBACK)
                .completeCallback(CALLBACK, CallbackCompletion.success(Map.of("qboInvoiceId", "1207")))
                .await().atMost(AWAIT);

        // typedOutputs is required by CallbackCompletionRequest in automation-actions-v4.json, hence {}.
        wm.verify(1, postRequestedFor(urlEqualTo("/automation/v4/actions/callbacks/" + CALLBACK + "/complete"))
                .withHeader("Authorization", equalTo("Bearer " + TOKEN))
                .withHeader("Content-Type", equalTo("application/json"))
                .withHeader("X-LedgerBridge-Correlation-Id", equalTo(CALLBACK))
                .withRequestBody(equalToJson("""
                        {"outputFields": {"qboInvoiceId": "1207", "hs_execution_state": "SUCCESS"},
                         "typedOutputs": {}}""")));
    }

    @Test
    void shouldCompleteCallbacksInABatch() {
        wm.stubFor(post(urlEqualTo("/automation/v4/actions/callbacks/complete")).willReturn(aResponse().withStatus(204)));
        Map<String, String> failure = new LinkedHashMap<>();
        failure.put("errorCode", "NO_CONTACT");

        portal.completeCallbacks(List.of(
                CallbackCompletionInput.of("ap-1", CallbackCompletion.success(Map.of("qboInvoiceId", "1207"))),
                CallbackCompletionInput.of("ap-2", CallbackCompletion.failContinue(failure))))
                .await().atMost(AWAIT);

        wm.verify(postRequestedFor(urlEqualTo("/automation/v4/actions/callbacks/complete")).withRequestBody(equalToJson("""
                {"inputs": [
                  {"callbackId": "ap-1", "outputFields": {"qboInvoiceId": "1207", "hs_execution_state": "SUCCESS"},
                   "typedOutputs": {}},
                  {"callbackId": "ap-2", "outputFields": {"errorCode": "NO_CONTACT", "hs_execution_state": "FAIL_CONTINUE"},
                   "typedOutputs": {}}]}""")));
    }

    @Test
    void shouldNotRetryCallbackCompletionOnServerError() {
        wm.stubFor(post(urlEqualTo("/automation/v4/actions/callbacks/" + CALLBACK + "/complete"))
                .willReturn(aResponse().withStatus(502)));

        HubSpotApiException e = assertThrows(HubSpotApiException.class, () -> portal
                .completeCallback(CALLBACK, CallbackCompletion.success(Map.of())).await().atMost(AWAIT));

        assertEquals(502, e.httpStatus());
        wm.verify(1, postRequestedFor(urlEqualTo("/automation/v4/actions/callbacks/" + CALLBACK + "/complete")));
    }

    @Test
    void shouldCreateListGetAndUpdateActionDefinitionsWithBearerToken() throws Exception {
        JsonNode definition = JSON.readTree("""
                {"actionUrl": "https://bridge.example.com/hubspot/actions/create-invoice", "published": true,
                 "objectTypes": ["DEAL"], "inputFields": [], "functions": [],
                 "labels": {"en": {"actionName": "Create QuickBooks invoice"}}}""");
        String stored = """
                {"id": "1182044", "revisionId": "1", "actionUrl": "https://bridge.example.com/hubspot/actions/create-invoice",
                 "published": true, "objectTypes": ["DEAL"], "inputFields": [], "functions": [],
                 "labels": {"en": {"actionName": "Create QuickBooks invoice"}}}""";
        wm.stubFor(post(urlEqualTo("/automation/v4/actions/1")).willReturn(aResponse().withStatus(201)
                .withHeader("Content-Type", "application/json").withBody(stored)));
        wm.stubFor(get(urlEqualTo("/automation/v4/actions/1")).willReturn(okJson("{\"results\": [" + stored + "]}")));
        wm.stubFor(get(urlEqualTo("/automation/v4/actions/1/1182044")).willReturn(okJson(stored)));
        wm.stubFor(patch(urlEqualTo("/automation/v4/actions/1/1182044")).willReturn(okJson(stored)));
        HubSpotActionDefinitions definitions = portal.actionDefinitions(1);

        JsonNode created = definitions.create(definition).await().atMost(AWAIT);
        ActionDefinitionPage page = definitions.list(null).await().atMost(AWAIT);
        JsonNode fetched = definitions.get("1182044").await().atMost(AWAIT);
        definitions.update("1182044", JSON.readTree("{\"published\": false}")).await().atMost(AWAIT);

        assertEquals("1182044", created.path("id").asText());
        assertEquals("1182044", page.results().get(0).path("id").asText());
        assertNull(page.paging());
        assertEquals("Create QuickBooks invoice", fetched.path("labels").path("en").path("actionName").asText());
        wm.verify(postRequestedFor(urlEqualTo("/automation/v4/actions/1"))
                .withHeader("Authorization", equalTo("Bearer " + TOKEN))
                .withRequestBody(equalToJson(definition.toString())));
        wm.verify(patchRequestedFor(urlEqualTo("/automation/v4/actions/1/1182044"))
                .withRequestBody(equalToJson("{\"published\": false}")));
    }

    @Test
    void shouldEmitNullForAMissingActionDefinition() {
        wm.stubFor(get(urlEqualTo("/automation/v4/actions/1/404")).willReturn(aResponse().withStatus(404)));

        assertNull(portal.actionDefinitions(1).get("404").await().atMost(AWAIT));
    }

    @Test
    void shouldSendDeveloperKeyAsHapikeyAndKeepItOutOfErrors() {
        wm.stubFor(get(urlEqualTo("/automation/v4/actions/1?hapikey=dev-key-123")).willReturn(aResponse()
                .withStatus(401).withHeader("Content-Type", "application/json")
                .withBody("{\"status\": \"error\", \"message\": \"The API key provided is invalid.\","
                        + " \"category\": \"INVALID_AUTHENTICATION\"}")));

        HubSpotApiException e = assertThrows(HubSpotApiException.class,
                () -> client.actionDefinitions(1, "dev-key-123").list(null).await().atMost(AWAIT));

        assertEquals(401, e.httpStatus());
        assertEquals("INVALID_AUTHENTICATION", e.category());
        assertFalse(e.getMessage().contains("dev-key-123"));
        wm.verify(getRequestedFor(urlEqualTo("/automation/v4/actions/1?hapikey=dev-key-123"))
                .withHeader("Authorization", absent()));
    }
}
