package dev.ledgerbridge.hubspot;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;

class ProductUpsertTest extends WireMockHubSpotTest {

    private static final String PATH = "/crm/v3/objects/products/batch/upsert";

    @Test
    void shouldUpsertByIdPropertyAndReturnResultsInInputOrder() {
        wm.stubFor(post(urlEqualTo(PATH)).willReturn(okJson("""
                {"status": "COMPLETE", "startedAt": "2026-11-27T01:00:00.000Z",
                 "completedAt": "2026-11-27T01:00:00.100Z",
                 "results": [
                  {"id": "7002", "new": false, "archived": false, "createdAt": "2026-11-20T01:00:00.000Z",
                   "updatedAt": "2026-11-27T01:00:00.000Z", "properties": {"qbo_item_id": "2", "name": "Annual"}},
                  {"id": "7001", "new": true, "archived": false, "createdAt": "2026-11-27T01:00:00.000Z",
                   "updatedAt": "2026-11-27T01:00:00.000Z", "properties": {"qbo_item_id": "1", "name": "Hours"}}]}""")));

        BatchResponse<UpsertedObject> response = portal.withCorrelationId("catalog-sync")
                .batchUpsert(CrmObjectType.PRODUCTS, "qbo_item_id", List.of(
                        new UpsertInput("1", Map.of("qbo_item_id", "1", "name", "Hours")),
                        new UpsertInput("2", Map.of("qbo_item_id", "2", "name", "Annual"))))
                .await().atMost(AWAIT);

        assertEquals(List.of("7001", "7002"), response.results().stream().map(UpsertedObject::id).toList());
        assertTrue(response.results().get(0).created());
        assertFalse(response.results().get(1).created());
        assertFalse(response.hasErrors());
        wm.verify(postRequestedFor(urlEqualTo(PATH))
                .withHeader("Authorization", equalTo("Bearer " + TOKEN))
                .withHeader("X-LedgerBridge-Correlation-Id", equalTo("catalog-sync"))
                .withRequestBody(equalToJson("""
                        {"inputs": [
                          {"id": "1", "idProperty": "qbo_item_id", "properties": {"qbo_item_id": "1", "name": "Hours"}},
                          {"id": "2", "idProperty": "qbo_item_id", "properties": {"qbo_item_id": "2", "name": "Annual"}}]}""")));
    }

    @Test
    void shouldSendAtMostOneHundredInputsPerCallAndEachValueOnce() throws Exception {
        wm.stubFor(post(urlEqualTo(PATH)).willReturn(okJson(
                "{\"status\": \"COMPLETE\", \"results\": [], \"startedAt\": \"2026-11-27T01:00:00Z\","
                        + " \"completedAt\": \"2026-11-27T01:00:01Z\"}")));
        List<UpsertInput> inputs = new ArrayList<>();
        for (int i = 1; i <= 250; i++) {
            inputs.add(new UpsertInput(Integer.toString(i), Map.of("name", "Item " + i)));
        }
        inputs.add(new UpsertInput("7", Map.of("name", "Item 7 renamed")));

        portal.batchUpsert(CrmObjectType.PRODUCTS, "qbo_item_id", inputs).await().atMost(AWAIT);

        List<ServeEvent> events = new ArrayList<>(wm.getAllServeEvents());
        ObjectMapper json = new ObjectMapper();
        List<Integer> sizes = new ArrayList<>();
        List<String> sent = new ArrayList<>();
        String item7 = null;
        for (ServeEvent event : events) {
            JsonNode body = json.readTree(event.getRequest().getBodyAsString());
            sizes.add(body.path("inputs").size());
            for (JsonNode input : body.path("inputs")) {
                sent.add(input.path("id").asText());
                if ("7".equals(input.path("id").asText())) {
                    item7 = input.path("properties").path("name").asText();
                }
            }
        }
        sizes.sort(null);
        assertEquals(List.of(50, 100, 100), sizes);
        assertEquals(250, sent.size());
        assertEquals(250, sent.stream().distinct().count());
        assertEquals("Item 7 renamed", item7);
    }

    @Test
    void shouldFailWithHubSpotsErrorWhenTheIdPropertyIsNotUnique() {
        wm.stubFor(post(urlEqualTo(PATH)).willReturn(aResponse().withStatus(400)
                .withHeader("Content-Type", "application/json").withBody("""
                        {"status": "error", "category": "VALIDATION_ERROR",
                         "message": "Unable to perform update/upsert by non-unique 0-7 property name in portal ID 40213377",
                         "correlationId": "7f3c1b3e-52a7-4c52-9a89-4d3b1c1f0a11"}""")));

        HubSpotApiException e = assertThrows(HubSpotApiException.class, () -> portal
                .batchUpsert(CrmObjectType.PRODUCTS, "name", List.of(new UpsertInput("Hours", Map.of())))
                .await().atMost(AWAIT));

        assertEquals(400, e.httpStatus());
        assertEquals("VALIDATION_ERROR", e.category());
        assertEquals(1, wm.getAllServeEvents().size());
    }
}
