package dev.ledgerbridge.hubspot;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

class AssociationsTest extends WireMockHubSpotTest {

    @Test
    void shouldFollowPagingAndKeepHubSpotsOrder() {
        wm.stubFor(get(urlEqualTo("/crm/v4/objects/deals/306/associations/contacts?limit=500")).willReturn(okJson("""
                {"results": [
                   {"toObjectId": 107, "associationTypes": [
                      {"category": "HUBSPOT_DEFINED", "typeId": 3, "label": null},
                      {"category": "USER_DEFINED", "typeId": 41, "label": "Billing contact"}]}],
                 "paging": {"next": {"after": "MTA3", "link": "https://api.hubapi.com/crm/v4/objects/deals/306/associations/contacts?after=MTA3"}}}""")));
        wm.stubFor(get(urlEqualTo("/crm/v4/objects/deals/306/associations/contacts?limit=500&after=MTA3"))
                .willReturn(okJson("""
                        {"results": [{"toObjectId": "101", "associationTypes": [
                            {"category": "HUBSPOT_DEFINED", "typeId": 3}]}]}""")));

        List<AssociatedObject> contacts = portal.withCorrelationId("cb-1")
                .associations(CrmObjectType.DEALS, "306", CrmObjectType.CONTACTS).await().atMost(AWAIT);

        assertEquals(List.of("107", "101"), contacts.stream().map(AssociatedObject::toObjectId).toList());
        assertTrue(contacts.get(0).hasLabel("Billing contact"));
        assertEquals(3, contacts.get(1).associationTypes().get(0).typeId());
        assertNull(contacts.get(1).associationTypes().get(0).label());
        wm.verify(2, getRequestedFor(urlPathEqualTo("/crm/v4/objects/deals/306/associations/contacts"))
                .withHeader("Authorization", equalTo("Bearer " + TOKEN))
                .withHeader("X-LedgerBridge-Correlation-Id", equalTo("cb-1")));
    }

    @Test
    void shouldReturnOnePageWithItsCursor() {
        wm.stubFor(get(urlEqualTo("/crm/v4/objects/commerce_payments/601/associations/line_items?limit=500"))
                .willReturn(okJson("""
                        {"results": [{"toObjectId": "9601", "associationTypes": [
                            {"category": "HUBSPOT_DEFINED", "typeId": 395}]}],
                         "paging": {"next": {"after": "OTYwMQ%3D%3D"}}}""")));

        AssociationPage page = portal.associationsPage(CrmObjectType.COMMERCE_PAYMENTS, "601",
                CrmObjectType.LINE_ITEMS, null).await().atMost(AWAIT);

        assertEquals("9601", page.results().get(0).toObjectId());
        assertEquals("OTYwMQ%3D%3D", page.paging().nextAfter());
    }

    @Test
    void shouldEncodeTheAfterCursorAsAQueryValue() {
        wm.stubFor(get(urlPathEqualTo("/crm/v4/objects/deals/301/associations/line_items"))
                .willReturn(okJson("{\"results\": []}")));

        portal.associationsPage(CrmObjectType.DEALS, "301", CrmObjectType.LINE_ITEMS, "a+b/c=").await().atMost(AWAIT);

        wm.verify(getRequestedFor(urlEqualTo("/crm/v4/objects/deals/301/associations/line_items?limit=500"
                + "&after=a%2Bb%2Fc%3D")));
    }

    @Test
    void shouldBatchReadAssociationsInCallersOrder() {
        wm.stubFor(post(urlEqualTo("/crm/v4/associations/deals/contacts/batch/read")).willReturn(aResponse()
                .withStatus(207).withHeader("Content-Type", "application/json").withBody("""
                        {"status": "COMPLETE",
                         "results": [
                           {"from": {"id": "302"}, "to": [{"toObjectId": 102, "associationTypes": [{"category": "HUBSPOT_DEFINED", "typeId": 3}]}]},
                           {"from": {"id": "301"}, "to": [
                              {"toObjectId": 101, "associationTypes": [{"category": "HUBSPOT_DEFINED", "typeId": 3}]},
                              {"toObjectId": 104, "associationTypes": [{"category": "HUBSPOT_DEFINED", "typeId": 3}]}]}],
                         "numErrors": 1,
                         "errors": [{"status": "error", "category": "OBJECT_NOT_FOUND",
                                     "message": "No contacts is associated with deal 305.",
                                     "context": {"fromObjectId": ["305"]}}],
                         "startedAt": "2026-03-02T10:00:00Z", "completedAt": "2026-03-02T10:00:00.2Z"}""")));

        BatchResponse<AssociationsOfObject> response = portal.batchReadAssociations(CrmObjectType.DEALS,
                CrmObjectType.CONTACTS, List.of("301", "302", "305")).await().atMost(AWAIT);

        assertEquals(List.of("301", "302"), response.results().stream().map(r -> r.from().id()).toList());
        assertEquals(List.of("101", "104"),
                response.results().get(0).to().stream().map(AssociatedObject::toObjectId).toList());
        assertEquals("OBJECT_NOT_FOUND", response.errors().get(0).category());
        wm.verify(postRequestedFor(urlEqualTo("/crm/v4/associations/deals/contacts/batch/read"))
                .withRequestBody(equalToJson("{\"inputs\": [{\"id\": \"301\"}, {\"id\": \"302\"}, {\"id\": \"305\"}]}")));
    }

    @Test
    void shouldCreateDefaultAssociationWithoutBody() {
        wm.stubFor(put(urlEqualTo("/crm/v4/objects/deals/301/associations/default/contacts/101")).willReturn(okJson("""
                {"status": "COMPLETE", "results": [
                   {"from": {"id": "301"}, "to": {"id": "101"},
                    "associationSpec": {"associationCategory": "HUBSPOT_DEFINED", "associationTypeId": 3}},
                   {"from": {"id": "101"}, "to": {"id": "301"},
                    "associationSpec": {"associationCategory": "HUBSPOT_DEFINED", "associationTypeId": 4}}],
                 "startedAt": "2026-03-02T10:00:00Z", "completedAt": "2026-03-02T10:00:00Z"}""")));

        BatchResponse<DefaultAssociation> response = portal.associateDefault(CrmObjectType.DEALS, "301",
                CrmObjectType.CONTACTS, "101").await().atMost(AWAIT);

        assertEquals(3, response.results().get(0).associationSpec().associationTypeId());
        assertEquals("HUBSPOT_DEFINED", response.results().get(0).associationSpec().associationCategory());
        wm.verify(putRequestedFor(urlEqualTo("/crm/v4/objects/deals/301/associations/default/contacts/101"))
                .withHeader("Authorization", equalTo("Bearer " + TOKEN))
                .withHeader("Content-Type", absent()));
    }
}
