package dev.ledgerbridge.hubspot;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
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
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;

class CrmObjectsTest extends WireMockHubSpotTest {

    private static final String DEAL_301 = """
            {
              "id": "301",
              "properties": {"dealname": "Acme – annual plan", "amount": "13500.00", "closedate": null,
                             "hs_object_id": "301"},
              "createdAt": "2026-03-01T09:00:00.000Z",
              "updatedAt": "2026-03-02T10:30:00.000Z",
              "archived": false,
              "url": "https://app.hubspot.com/contacts/40213377/record/0-3/301",
              "associations": {
                "contacts": {"results": [
                  {"id": "101", "type": "deal_to_contact"},
                  {"id": "101", "type": "deal_to_contact_billing"},
                  {"id": "104", "type": "deal_to_contact"}]},
                "line items": {"results": [{"id": "9001", "type": "deal_to_line_item"}]}
              }
            }""";

    @Test
    void shouldReadObjectWithPropertiesAndAssociationsAsDocumented() {
        wm.stubFor(get(urlEqualTo("/crm/v3/objects/deals/301?properties=dealname,amount,closedate"
                + "&associations=contacts,line_items")).willReturn(okJson(DEAL_301)));

        CrmObject deal = portal.withCorrelationId("ap-40213377-88112233445-3-0")
                .get(CrmObjectType.DEALS, "301", List.of("dealname", "amount", "closedate"),
                        List.of(CrmObjectType.CONTACTS, CrmObjectType.LINE_ITEMS))
                .await().atMost(AWAIT);

        assertEquals("301", deal.id());
        assertEquals("Acme – annual plan", deal.property("dealname"));
        assertEquals("13500.00", deal.property("amount"));
        assertTrue(deal.properties().containsKey("closedate"));
        assertNull(deal.property("closedate"));
        assertEquals(Instant.parse("2026-03-01T09:00:00Z"), deal.createdAt());
        assertEquals(Instant.parse("2026-03-02T10:30:00Z"), deal.updatedAt());
        assertFalse(deal.archived());
        assertEquals(List.of("101", "104"), deal.associatedIds(CrmObjectType.CONTACTS));
        assertEquals(List.of("9001"), deal.associatedIds(CrmObjectType.LINE_ITEMS));
        wm.verify(getRequestedFor(urlEqualTo("/crm/v3/objects/deals/301?properties=dealname,amount,closedate"
                + "&associations=contacts,line_items"))
                .withHeader("Authorization", equalTo("Bearer " + TOKEN))
                .withHeader("X-LedgerBridge-Correlation-Id", equalTo("ap-40213377-88112233445-3-0")));
    }

    @Test
    void shouldOmitCorrelationHeaderAndEmptyQueryWhenCallerSetNone() {
        wm.stubFor(get(urlEqualTo("/crm/v3/objects/products/201"))
                .willReturn(okJson("{\"id\":\"201\",\"properties\":{\"hs_sku\":\"ONB-001\"}}")));

        CrmObject product = portal.get(CrmObjectType.PRODUCTS, "201", List.of(), List.of()).await().atMost(AWAIT);

        assertEquals("ONB-001", product.property("hs_sku"));
        wm.verify(getRequestedFor(urlEqualTo("/crm/v3/objects/products/201"))
                .withHeader("X-LedgerBridge-Correlation-Id", absent()));
    }

    @Test
    void shouldEmitNullWhenSingleReadIsNotFound() {
        wm.stubFor(get(urlEqualTo("/crm/v3/objects/contacts/999?properties=email")).willReturn(aResponse()
                .withStatus(404).withHeader("Content-Type", "application/json")
                .withBody("{\"status\":\"error\",\"message\":\"Object not found.  objectId are usually numeric.\","
                        + "\"correlationId\":\"8c4e4c7f-6a4f-4f43-9d1b-1b0a3f8e9a11\",\"category\":\"OBJECT_NOT_FOUND\"}")));

        CrmObject contact = portal.get(CrmObjectType.CONTACTS, "999", List.of("email"), List.of())
                .await().atMost(AWAIT);

        assertNull(contact);
    }

    @Test
    void shouldPercentEncodeIdsSoTheyCannotChangeThePath() {
        wm.stubFor(get(urlEqualTo("/crm/v3/objects/deals/1%2F..%2Fcontacts")).willReturn(okJson("{\"id\":\"x\"}")));

        CrmObject deal = portal.get(CrmObjectType.DEALS, "1/../contacts", List.of(), List.of()).await().atMost(AWAIT);

        assertEquals("x", deal.id());
    }

    @Test
    void shouldBatchReadInChunksOfOneHundredAndKeepCallersOrder() {
        wm.stubFor(post(urlEqualTo("/crm/v3/objects/line_items/batch/read"))
                .willReturn(aResponse().withTransformers(ReversedBatchResults.NAME)));
        List<String> ids = IntStream.rangeClosed(1, 250).mapToObj(i -> String.valueOf(1000 + i))
                .collect(Collectors.toCollection(ArrayList::new));
        Collections.shuffle(ids, new java.util.Random(7));
        List<String> requested = new ArrayList<>(ids);
        requested.add(ids.get(3)); // a duplicate must not be sent twice

        BatchResponse<CrmObject> response = portal.batchRead(CrmObjectType.LINE_ITEMS, requested,
                List.of("name", "quantity", "price", "amount", "hs_sku")).await().atMost(AWAIT);

        assertEquals(ids, response.results().stream().map(CrmObject::id).toList());
        assertEquals("line " + ids.get(0), response.results().get(0).property("name"));
        assertEquals("COMPLETE", response.status());
        List<LoggedRequest> sent = wm.findAll(postRequestedFor(urlEqualTo("/crm/v3/objects/line_items/batch/read")));
        assertEquals(3, sent.size());
        assertEquals(List.of(100, 100, 50), sent.stream().map(r -> ReversedBatchResults.inputCount(r.getBodyAsString())).toList());
        wm.verify(postRequestedFor(urlEqualTo("/crm/v3/objects/line_items/batch/read"))
                .withHeader("Content-Type", equalTo("application/json"))
                .withHeader("Authorization", equalTo("Bearer " + TOKEN))
                .withRequestBody(equalToJson(batchBody(ids.subList(200, 250)))));
    }

    @Test
    void shouldSendExactBatchReadBodyAndReportMissingIds() {
        wm.stubFor(post(urlEqualTo("/crm/v3/objects/line_items/batch/read"))
                .withRequestBody(equalToJson("""
                        {"properties": ["name", "price"], "propertiesWithHistory": [],
                         "inputs": [{"id": "9001"}, {"id": "404404"}]}"""))
                .willReturn(aResponse().withStatus(207).withHeader("Content-Type", "application/json").withBody("""
                        {"status": "COMPLETE", "numErrors": 1,
                         "results": [{"id": "9001", "properties": {"name": "Annual Subscription", "price": "12000.00"}}],
                         "errors": [{"status": "error", "category": "OBJECT_NOT_FOUND",
                                     "message": "Could not get some LINE_ITEM objects, they may be deleted or not exist.",
                                     "context": {"ids": ["404404"]}}],
                         "startedAt": "2026-03-02T10:00:00Z", "completedAt": "2026-03-02T10:00:00.1Z"}""")));

        BatchResponse<CrmObject> response = portal.batchRead(CrmObjectType.LINE_ITEMS, List.of("9001", "404404"),
                List.of("name", "price")).await().atMost(AWAIT);

        assertEquals(List.of("9001"), response.results().stream().map(CrmObject::id).toList());
        assertTrue(response.hasErrors());
        assertEquals(1, response.numErrors());
        assertEquals("OBJECT_NOT_FOUND", response.errors().get(0).category());
        assertEquals(List.of("404404"), response.errors().get(0).contextIds());
    }

    @Test
    void shouldNotCallHubSpotForAnEmptyBatch() {
        BatchResponse<CrmObject> response = portal.batchRead(CrmObjectType.PRODUCTS, List.of(), List.of("name"))
                .await().atMost(AWAIT);

        assertTrue(response.results().isEmpty());
        assertEquals(0, wm.getAllServeEvents().size());
    }

    @Test
    void shouldPatchPropertiesOfAnObject() {
        wm.stubFor(patch(urlEqualTo("/crm/v3/objects/deals/301")).willReturn(okJson("""
                {"id": "301", "properties": {"qbo_invoice_id": "1207"}, "archived": false,
                 "createdAt": "2026-03-01T09:00:00Z", "updatedAt": "2026-03-02T11:00:00Z"}""")));

        CrmObject updated = portal.update(CrmObjectType.DEALS, "301", Map.of("qbo_invoice_id", "1207"))
                .await().atMost(AWAIT);

        assertEquals("1207", updated.property("qbo_invoice_id"));
        wm.verify(patchRequestedFor(urlEqualTo("/crm/v3/objects/deals/301"))
                .withHeader("Authorization", equalTo("Bearer " + TOKEN))
                .withRequestBody(equalToJson("{\"properties\": {\"qbo_invoice_id\": \"1207\"}}")));
    }

    @Test
    void shouldCreateObjectWithAssociationsArray() {
        wm.stubFor(post(urlEqualTo("/crm/v3/objects/notes")).willReturn(aResponse().withStatus(201)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"id\": \"7001\", \"properties\": {\"hs_timestamp\": \"2026-03-02T10:00:00Z\"},"
                        + " \"archived\": false}")));
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("hs_timestamp", "2026-03-02T10:00:00Z");
        properties.put("hs_note_body", "QuickBooks invoice 1207 created (HS-301).");

        CrmObject note = portal.create(CrmObjectType.NOTES, properties,
                List.of(AssociationInput.to("301", AssociationSpec.hubspotDefined(214)))).await().atMost(AWAIT);

        assertEquals("7001", note.id());
        wm.verify(postRequestedFor(urlEqualTo("/crm/v3/objects/notes")).withRequestBody(equalToJson("""
                {"properties": {"hs_timestamp": "2026-03-02T10:00:00Z",
                                "hs_note_body": "QuickBooks invoice 1207 created (HS-301)."},
                 "associations": [{"to": {"id": "301"},
                                   "types": [{"associationCategory": "HUBSPOT_DEFINED", "associationTypeId": 214}]}]}""")));
    }

    @Test
    void shouldSendEmptyAssociationsArrayOnCreateWithoutAssociations() {
        wm.stubFor(post(urlEqualTo("/crm/v3/objects/products")).willReturn(aResponse().withStatus(201)
                .withHeader("Content-Type", "application/json").withBody("{\"id\": \"206\"}")));

        portal.create(CrmObjectType.PRODUCTS, Map.of("name", "Training Day"), null).await().atMost(AWAIT);

        wm.verify(postRequestedFor(urlEqualTo("/crm/v3/objects/products"))
                .withRequestBody(equalToJson("{\"properties\": {\"name\": \"Training Day\"}, \"associations\": []}")));
    }

    @Test
    void shouldFailWithNotFoundWhenPatchingAMissingObject() {
        wm.stubFor(patch(urlEqualTo("/crm/v3/objects/deals/999")).willReturn(aResponse().withStatus(404)));

        HubSpotNotFoundException e = assertThrows(HubSpotNotFoundException.class,
                () -> portal.update(CrmObjectType.DEALS, "999", Map.of("a", "b")).await().atMost(AWAIT));

        assertEquals(404, e.httpStatus());
        assertTrue(e.error().isEmpty());
    }

    private static String batchBody(List<String> ids) {
        return "{\"properties\": [\"name\", \"quantity\", \"price\", \"amount\", \"hs_sku\"],"
                + " \"propertiesWithHistory\": [], \"inputs\": ["
                + ids.stream().map(id -> "{\"id\": \"" + id + "\"}").collect(Collectors.joining(", ")) + "]}";
    }
}
