package dev.ledgerbridge.gateway.service;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.ledgerbridge.gateway.ActionRequest;
import dev.ledgerbridge.gateway.DocumentType;
import dev.ledgerbridge.gateway.client.DownstreamUnavailableException;
import dev.ledgerbridge.gateway.repository.QuickBooksConnectionRepository;
import dev.ledgerbridge.gateway.support.DownstreamStubs;
import dev.ledgerbridge.gateway.support.DownstreamWireMock;
import dev.ledgerbridge.gateway.support.InjectWireMock;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Customer matching in the create-invoice action (issue 4): the filter properties in the same contact read, the
 * primary contact from association labels, link repair after QBO's 610, a stale filter-property list.
 */
@QuarkusTest
@WithTestResource(DownstreamWireMock.class)
class CustomerMatchingActionTest {

    private static final long PORTAL = 40213377L;
    private static final String US_REALM = "9130350000000001";
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String V4_CONTACTS = "/crm/v4/objects/deals/301/associations/contacts";

    @InjectWireMock
    WireMockServer wireMock;

    @Inject
    CreateDocumentAction action;

    @Inject
    QuickBooksConnectionRepository connections;

    @Inject
    CircuitBreakerMaintenance circuitBreakers;

    @BeforeEach
    void oneUsCompanyConnected() {
        wireMock.resetAll();
        DownstreamStubs.contactSyncLegacyEverywhere(wireMock);
        connections.deleteAll().await().atMost(WAIT);
        connections.upsertConnected(US_REALM, "Ledger Demo US Inc.", "US").await().atMost(WAIT);
    }

    @AfterEach
    void resetBreakers() {
        circuitBreakers.resetAll();
    }

    private static ActionRequest deal301(Map<String, String> inputs) {
        return new ActionRequest("ap-40213377-" + UUID.randomUUID(), PORTAL, "DEAL", "301", inputs);
    }

    private List<JsonNode> bodies(String path) throws Exception {
        List<JsonNode> bodies = new java.util.ArrayList<>();
        for (LoggedRequest request : wireMock.findAll(postRequestedFor(urlPathEqualTo(path)))) {
            bodies.add(JSON.readTree(request.getBody()));
        }
        return bodies;
    }

    private void syncFiltersRead(String... properties) {
        wireMock.stubFor(get(urlPathEqualTo("/v1/companies/" + US_REALM + "/matching-settings/properties"))
                .atPriority(1).willReturn(okJson("{\"realmId\":\"" + US_REALM + "\",\"mode\":\"SYNC_FILTERS\","
                        + "\"version\":3,\"properties\":[" + String.join(",", List.of(properties).stream()
                        .map(p -> "\"" + p + "\"").toList()) + "]}")));
    }

    @Test
    void shouldReadTheFilterPropertiesInTheSameContactBatchReadAndPassThemOn() throws Exception {
        DownstreamStubs.hubSpotDeal301(wireMock);
        DownstreamStubs.servicesSucceed(wireMock);
        syncFiltersRead("lifecyclestage", "country");
        wireMock.stubFor(post(urlPathEqualTo(DownstreamStubs.CONTACTS_BATCH)).atPriority(1).willReturn(okJson("""
                {"status":"COMPLETE","results":[
                  {"id":"101","properties":{"firstname":"Ada","lastname":"Lovelace","email":"ada@example.com",
                                            "lifecyclestage":"customer"},"archived":false},
                  {"id":"104","properties":{"firstname":"John","lastname":"Smith","lifecyclestage":"lead",
                                            "country":"Canada"},"archived":false}]}""")));

        ActionOutcome outcome = action.execute(DocumentType.INVOICE, deal301(Map.of())).await().atMost(WAIT);

        assertEquals("SUCCESS", outcome.outputFields().get("hs_execution_state"));
        JsonNode batch = bodies(DownstreamStubs.CONTACTS_BATCH).get(0);
        List<String> read = new java.util.ArrayList<>();
        batch.get("properties").forEach(p -> read.add(p.asText()));
        assertEquals(List.of("firstname", "lastname", "email", "company", "phone", "lifecyclestage", "country"), read);
        assertEquals(3, wireMock.findAll(anyRequestedFor(urlPathMatching("/crm/.*"))).size() - 1,
                "still 3 HubSpot reads (+1 note)");
        JsonNode resolve = bodies(DownstreamStubs.CONTACT_SYNC).get(0);
        assertEquals("customer", resolve.at("/contacts/0/properties/lifecyclestage").asText());
        // HubSpot had no country for Ada: sent as null, "unknown", not left out.
        assertTrue(resolve.at("/contacts/0/properties").has("country"));
        assertTrue(resolve.at("/contacts/0/properties/country").isNull());
        assertEquals("Canada", resolve.at("/contacts/1/properties/country").asText());
    }

    @Test
    void shouldSendNoPropertiesForALegacyCompany() throws Exception {
        DownstreamStubs.hubSpotDeal301(wireMock);
        DownstreamStubs.servicesSucceed(wireMock);

        action.execute(DocumentType.INVOICE, deal301(Map.of())).await().atMost(WAIT);

        JsonNode resolve = bodies(DownstreamStubs.CONTACT_SYNC).get(0);
        assertFalse(resolve.at("/contacts/0").has("properties"));
        assertFalse(resolve.has("staleCustomerId"));
    }

    @Test
    void shouldBillTheContactWhoseAssociationCarriesThePrimaryLabel() throws Exception {
        DownstreamStubs.hubSpotDeal301(wireMock);
        DownstreamStubs.servicesSucceed(wireMock);
        wireMock.stubFor(get(urlPathEqualTo(V4_CONTACTS)).willReturn(okJson("""
                {"results":[
                  {"toObjectId":"101","associationTypes":[{"category":"HUBSPOT_DEFINED","typeId":3,"label":null}]},
                  {"toObjectId":"104","associationTypes":[{"category":"HUBSPOT_DEFINED","typeId":3,"label":null},
                                                          {"category":"USER_DEFINED","typeId":1001,"label":"Primary"}]}]}""")));

        ActionOutcome outcome = action.execute(DocumentType.INVOICE, deal301(Map.of("customer_contact", "PRIMARY"))).await().atMost(WAIT);

        assertEquals("SUCCESS", outcome.outputFields().get("hs_execution_state"));
        assertEquals("104", bodies(DownstreamStubs.CONTACT_SYNC).get(0).get("contactChoice").asText());
        wireMock.verify(1, WireMock.getRequestedFor(urlPathEqualTo(V4_CONTACTS)));
    }

    @Test
    void shouldRefuseWhenNoContactCarriesThePrimaryLabelRatherThanBillAnother() {
        DownstreamStubs.hubSpotDeal301(wireMock);
        DownstreamStubs.servicesSucceed(wireMock);
        wireMock.stubFor(get(urlPathEqualTo(V4_CONTACTS)).willReturn(okJson("""
                {"results":[
                  {"toObjectId":"101","associationTypes":[{"category":"HUBSPOT_DEFINED","typeId":3}]},
                  {"toObjectId":"104","associationTypes":[{"category":"USER_DEFINED","typeId":1002,"label":"Billing"}]}]}""")));

        ActionOutcome outcome = action.execute(DocumentType.INVOICE, deal301(Map.of("customer_contact", "primary"))).await().atMost(WAIT);

        assertEquals("FAIL_CONTINUE", outcome.outputFields().get("hs_execution_state"));
        assertEquals("NO_PRIMARY_CONTACT", outcome.outputFields().get("error_code"));
        assertTrue(outcome.outputFields().get("error_message").contains("label \"Primary\""),
                outcome.outputFields().get("error_message"));
        wireMock.verify(0, postRequestedFor(urlPathEqualTo(DownstreamStubs.CONTACT_SYNC)));
        wireMock.verify(0, postRequestedFor(urlPathEqualTo(DownstreamStubs.DOCUMENTS)));
    }

    @Test
    void shouldRepairTheCustomerOnceAndWriteTheInvoiceUnderItsOwnKeyAfterQbo610() throws Exception {
        DownstreamStubs.hubSpotDeal301(wireMock);
        DownstreamStubs.servicesSucceed(wireMock);
        wireMock.stubFor(post(urlPathEqualTo(DownstreamStubs.CONTACT_SYNC))
                .withRequestBody(matchingJsonPath("$.staleCustomerId", WireMock.equalTo("58"))).atPriority(1)
                .willReturn(okJson("""
                        {"contactId":"101","customerId":"70","displayName":"Ada Lovelace","resolution":"CREATED",
                         "replacedCustomerId":"58"}""")));
        wireMock.stubFor(post(urlPathEqualTo(DownstreamStubs.DOCUMENTS))
                .withRequestBody(matchingJsonPath("$.customerId", WireMock.equalTo("58"))).atPriority(1)
                .willReturn(aResponse().withStatus(422).withHeader("Content-Type", "application/json").withBody("""
                        {"code":"QBO_REJECTED","message":"QuickBooks rejected the request with error 610: Object Not Found",
                         "qboCode":"610","qboMessage":"Object Not Found"}""")));
        ActionRequest request = deal301(Map.of());

        ActionOutcome outcome = action.execute(DocumentType.INVOICE, request).await().atMost(WAIT);

        assertEquals("SUCCESS", outcome.outputFields().get("hs_execution_state"), outcome.outputFields().toString());
        List<JsonNode> resolves = bodies(DownstreamStubs.CONTACT_SYNC);
        assertEquals(2, resolves.size());
        assertEquals("58", resolves.get(1).get("staleCustomerId").asText());
        List<JsonNode> documents = bodies(DownstreamStubs.DOCUMENTS);
        assertEquals(2, documents.size());
        String key = PORTAL + ":" + request.callbackId() + ":invoice";
        assertEquals(key, documents.get(0).get("idempotencyKey").asText());
        assertEquals(key + ":customer-70", documents.get(1).get("idempotencyKey").asText());
        assertEquals("70", documents.get(1).get("customerId").asText());
    }

    @Test
    void shouldPassA610OnAnotherReferenceOnAfterOneCheckedRetry() throws Exception {
        DownstreamStubs.hubSpotDeal301(wireMock);
        DownstreamStubs.servicesSucceed(wireMock);
        // contact-sync finds customer 58 healthy: it keeps the link and answers the same customer.
        wireMock.stubFor(post(urlPathEqualTo(DownstreamStubs.DOCUMENTS)).atPriority(1)
                .willReturn(aResponse().withStatus(422).withHeader("Content-Type", "application/json").withBody("""
                        {"code":"QBO_REJECTED","message":"QuickBooks rejected the request with error 610: an item",
                         "qboCode":"610","qboMessage":"Object Not Found"}""")));

        ActionOutcome outcome = action.execute(DocumentType.INVOICE, deal301(Map.of())).await().atMost(WAIT);

        assertEquals("QBO_REJECTED", outcome.outputFields().get("error_code"));
        assertEquals(2, bodies(DownstreamStubs.CONTACT_SYNC).size());
        assertEquals(2, bodies(DownstreamStubs.DOCUMENTS).size(), "exactly one retry");
    }

    @Test
    void shouldLetHubSpotRetryShortlyWhenTheCompanysFiltersChangedMidway() {
        DownstreamStubs.hubSpotDeal301(wireMock);
        DownstreamStubs.servicesSucceed(wireMock);
        wireMock.stubFor(post(urlPathEqualTo(DownstreamStubs.CONTACT_SYNC)).atPriority(1)
                .willReturn(aResponse().withStatus(409).withHeader("Content-Type", "application/json").withBody("""
                        {"code":"FILTER_PROPERTIES_MISSING","message":"The request does not carry country"}""")));

        Throwable failure = assertThrows(Throwable.class, () -> action.execute(DocumentType.INVOICE, deal301(Map.of())).await().atMost(WAIT));

        DownstreamUnavailableException transientFailure = assertInstanceOf(DownstreamUnavailableException.class,
                failure instanceof io.smallrye.mutiny.CompositeException c ? c.getCause() : failure);
        assertEquals("FILTER_PROPERTIES_CHANGED", transientFailure.code());
        assertEquals(Duration.ofSeconds(1), transientFailure.retryAfter().orElseThrow());
        wireMock.verify(0, postRequestedFor(urlPathEqualTo(DownstreamStubs.DOCUMENTS)));
    }
}
