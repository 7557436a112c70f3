package dev.ledgerbridge.hubspot;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

/**
 * Every request the client can send, checked against HubSpot's own OpenAPI specs: the path and method exist, query
 * parameter names are declared, and the body validates with unknown fields forbidden.
 */
class VendorSpecConformanceTest extends WireMockHubSpotTest {

    private static final VendorSpecs SPECS = new VendorSpecs();

    @BeforeEach
    void answerEverything() {
        wm.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                .withBody("{\"id\": \"1\", \"results\": [], \"status\": \"COMPLETE\", \"access_token\": \"a\"}")));
    }

    @Test
    void shouldSendOnlyRequestsHubSpotsSpecsDescribe() throws Exception {
        HubSpotPortal p = portal.withCorrelationId("cb");
        p.get(CrmObjectType.DEALS, "301", List.of("dealname", "amount"), List.of(CrmObjectType.CONTACTS))
                .await().atMost(AWAIT);
        for (CrmObjectType type : List.of(CrmObjectType.QUOTES, CrmObjectType.CONTACTS, CrmObjectType.LINE_ITEMS,
                CrmObjectType.PRODUCTS, CrmObjectType.COMMERCE_PAYMENTS, CrmObjectType.DEALS)) {
            p.get(type, "7", List.of("name"), List.of(CrmObjectType.LINE_ITEMS)).await().atMost(AWAIT);
            p.batchRead(type, List.of("1", "2"), List.of("name", "price")).await().atMost(AWAIT);
            p.update(type, "7", Map.of("name", "x")).await().atMost(AWAIT);
            p.create(type, Map.of("name", "x"), List.of(AssociationInput.to("301", AssociationSpec.hubspotDefined(19))))
                    .await().atMost(AWAIT);
        }
        p.batchUpsert(CrmObjectType.PRODUCTS, "qbo_item_id", List.of(new UpsertInput("2",
                Map.of("qbo_item_id", "2", "name", "Annual", "hs_sku", "SUB-ANNUAL", "price", "12000.00"))))
                .await().atMost(AWAIT);
        p.associationsPage(CrmObjectType.DEALS, "301", CrmObjectType.CONTACTS, "MTA=").await().atMost(AWAIT);
        p.batchReadAssociations(CrmObjectType.DEALS, CrmObjectType.LINE_ITEMS, List.of("301")).await().atMost(AWAIT);
        p.associateDefault(CrmObjectType.QUOTES, "501", CrmObjectType.DEALS, "301").await().atMost(AWAIT);
        p.completeCallback("ap-1", CallbackCompletion.failContinue(Map.of("errorCode", "NO_CONTACT")))
                .await().atMost(AWAIT);
        p.completeCallbacks(List.of(CallbackCompletionInput.of("ap-2", CallbackCompletion.success(Map.of()))))
                .await().atMost(AWAIT);
        ObjectMapper json = new ObjectMapper();
        HubSpotActionDefinitions definitions = p.actionDefinitions(1);
        definitions.create(json.readTree("""
                {"actionUrl": "https://bridge.example.com/a", "published": true, "objectTypes": ["DEAL"],
                 "inputFields": [], "functions": [], "labels": {"en": {"actionName": "Create QuickBooks invoice"}}}"""))
                .await().atMost(AWAIT);
        definitions.list("MQ==").await().atMost(AWAIT);
        definitions.get("1182044").await().atMost(AWAIT);
        definitions.update("1182044", json.readTree("{\"published\": false}")).await().atMost(AWAIT);
        client.actionDefinitions(1, "dev-key").list(null).await().atMost(AWAIT);
        try (HubSpotOAuthClient oauth = new HubSpotOAuthClient(vertx, config(),
                new OAuthAppCredentials("ledgerbridge-local", "ledgerbridge-local-secret"))) {
            oauth.exchangeAuthorizationCode("code", "https://bridge.example.com/cb").await().atMost(AWAIT);
            oauth.refresh("seed-refresh-40213377").await().atMost(AWAIT);
        }

        List<ServeEvent> events = wm.getAllServeEvents();
        List<String> problems = new ArrayList<>();
        for (ServeEvent event : events) {
            LoggedRequest request = event.getRequest();
            problems.addAll(SPECS.check(request.getMethod().getName(), request.getUrl(),
                    request.getHeader("Content-Type"), request.getBodyAsString()));
        }
        // 1 deal read + 6 types x (read, batch read, update, create) + 1 product upsert + 3 association + 2 callback + 5 definition + 2 OAuth calls.
        assertEquals(38, events.size());
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }

    @Test
    void shouldRejectABodyWithAFieldTheSpecDoesNotKnow() {
        List<String> problems = SPECS.check("POST", "/automation/v4/actions/callbacks/ap-1/complete",
                "application/json", "{\"outputFields\": {}, \"typedOutputs\": {}, \"outputField\": {}}");

        assertEquals(1, problems.size(), problems.toString());
    }

    @Test
    void shouldRequirePropertiesWithHistoryInBatchReadAndTypedOutputsInCompletion() {
        assertEquals(1, SPECS.check("POST", "/crm/v3/objects/line_items/batch/read", "application/json",
                "{\"properties\": [\"name\"], \"inputs\": [{\"id\": \"1\"}]}").size());
        assertEquals(1, SPECS.check("POST", "/automation/v4/actions/callbacks/ap-1/complete", "application/json",
                "{\"outputFields\": {\"hs_execution_state\": \"SUCCESS\"}}").size());
    }

    @Test
    void shouldRejectAnUndocumentedPathOrQueryParameter() {
        assertEquals(1, SPECS.check("GET", "/crm/v3/objects/deals/1/oops", null, null).size());
        assertEquals(1, SPECS.check("GET", "/crm/v3/objects/deals/1?propertys=a", null, null).size());
    }
}
