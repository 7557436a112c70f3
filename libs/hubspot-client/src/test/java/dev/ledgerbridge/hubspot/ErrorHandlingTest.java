package dev.ledgerbridge.hubspot;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.patchRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;

class ErrorHandlingTest extends WireMockHubSpotTest {

    private static final String DEAL_URL = "/crm/v3/objects/deals/301?properties=dealname";
    private static final String RATE_LIMITED = """
            {"status": "error", "message": "You have reached your ten_secondly_rolling limit.",
             "errorType": "RATE_LIMIT", "correlationId": "c5a1e6b2-3f0d-4d8e-8c7a-2b9f6e4d1a03",
             "policyName": "TEN_SECONDLY_ROLLING", "groupName": "publicapi:oauth:40213377"}""";

    @Test
    void shouldParseHubSpotErrorBody() {
        wm.stubFor(patch(urlEqualTo("/crm/v3/objects/deals/301")).willReturn(aResponse().withStatus(400)
                .withHeader("Content-Type", "application/json").withBody("""
                        {"status": "error", "message": "Property values were not valid",
                         "correlationId": "aeb5f871-7f07-4993-9211-075dc63e7cbf", "category": "VALIDATION_ERROR",
                         "subCategory": "PROPERTY_VALIDATION", "links": {"knowledge-base": "https://www.hubspot.com/kb"},
                         "errors": [{"message": "Property \\"qbo_invoice_id\\" does not exist", "code": "PROPERTY_DOESNT_EXIST",
                                     "in": "qbo_invoice_id", "context": {"propertyName": ["qbo_invoice_id"]}}],
                         "someFutureField": {"nested": true}}""")));

        HubSpotApiException e = assertThrows(HubSpotApiException.class, () -> portal
                .update(CrmObjectType.DEALS, "301", Map.of("qbo_invoice_id", "1207")).await().atMost(AWAIT));

        assertEquals(400, e.httpStatus());
        assertEquals("VALIDATION_ERROR", e.category());
        assertEquals("aeb5f871-7f07-4993-9211-075dc63e7cbf", e.correlationId());
        HubSpotError error = e.error().orElseThrow();
        assertEquals("error", error.status());
        assertEquals("Property values were not valid", error.message());
        assertEquals("PROPERTY_VALIDATION", error.subCategory());
        assertEquals("PROPERTY_DOESNT_EXIST", e.details().get(0).code());
        assertEquals("qbo_invoice_id", e.details().get(0).in());
        assertEquals(List.of("qbo_invoice_id"), e.details().get(0).context().get("propertyName"));
        assertEquals("PATCH", e.method());
        assertEquals("/crm/v3/objects/deals/301", e.path());
        assertTrue(e.getMessage().contains("VALIDATION_ERROR"));
        assertFalse(e.getMessage().contains(TOKEN));
    }

    @Test
    void shouldKeepStatusWhenErrorBodyIsNotJson() {
        wm.stubFor(get(urlEqualTo(DEAL_URL)).willReturn(aResponse().withStatus(403)
                .withHeader("Content-Type", "text/html").withBody("<html>Forbidden</html>")));

        HubSpotApiException e = assertThrows(HubSpotApiException.class, () -> readDeal());

        assertEquals(403, e.httpStatus());
        assertTrue(e.error().isEmpty());
    }

    @Test
    void shouldRetryRateLimitedReadExactlyTheConfiguredNumberOfTimes() {
        wm.stubFor(get(urlEqualTo(DEAL_URL)).willReturn(rateLimited()));

        HubSpotRateLimitException e = assertThrows(HubSpotRateLimitException.class, () -> readDeal());

        assertEquals(429, e.httpStatus());
        assertEquals("c5a1e6b2-3f0d-4d8e-8c7a-2b9f6e4d1a03", e.correlationId());
        // config(): rateLimitRetries = 2, so one attempt plus two retries.
        wm.verify(3, getRequestedFor(urlEqualTo(DEAL_URL)));
        assertEquals(3, tokenRequests.get(), "a token is asked for before every attempt");
    }

    @Test
    void shouldNotRetryWhenRetriesAreDisabled() {
        client.close();
        client = new HubSpotClient(vertx, new HubSpotClientConfig(baseUrl(), Duration.ofSeconds(5), 0,
                Duration.ofMillis(10)), portalId -> io.smallrye.mutiny.Uni.createFrom().item(TOKEN));
        portal = client.portal(PORTAL);
        wm.stubFor(get(urlEqualTo(DEAL_URL)).willReturn(rateLimited()));

        assertThrows(HubSpotRateLimitException.class, () -> readDeal());

        wm.verify(1, getRequestedFor(urlEqualTo(DEAL_URL)));
    }

    @Test
    void shouldHonourRetryAfterSecondsBeforeRetrying() {
        wm.stubFor(get(urlEqualTo(DEAL_URL)).inScenario("throttled").whenScenarioStateIs(STARTED)
                .willReturn(rateLimited().withHeader("Retry-After", "1")).willSetStateTo("cooled down"));
        wm.stubFor(get(urlEqualTo(DEAL_URL)).inScenario("throttled").whenScenarioStateIs("cooled down")
                .willReturn(okJson("{\"id\": \"301\", \"properties\": {\"dealname\": \"Acme – annual plan\"}}")));

        long started = System.nanoTime();
        CrmObject deal = readDeal();
        Duration elapsed = Duration.ofNanos(System.nanoTime() - started);

        assertEquals("Acme – annual plan", deal.property("dealname"));
        wm.verify(2, getRequestedFor(urlEqualTo(DEAL_URL)));
        // The configured backoff is 10 ms; only honouring Retry-After explains a wait of a second.
        assertTrue(elapsed.compareTo(Duration.ofMillis(1000)) >= 0, "waited only " + elapsed.toMillis() + " ms");
    }

    @Test
    void shouldPassRetryAfterOnWhenRetriesAreExhausted() {
        wm.stubFor(post(urlEqualTo("/crm/v3/objects/deals")).willReturn(rateLimited().withHeader("Retry-After", "7")));

        HubSpotRateLimitException e = assertThrows(HubSpotRateLimitException.class,
                () -> portal.create(CrmObjectType.DEALS, Map.of("dealname", "x"), List.of()).await().atMost(AWAIT));

        assertEquals(Duration.ofSeconds(7), e.retryAfter().orElseThrow());
        wm.verify(1, postRequestedFor(urlEqualTo("/crm/v3/objects/deals")));
    }

    @Test
    void shouldRetryBatchReadOnRateLimitBecauseItIsARead() {
        wm.stubFor(post(urlEqualTo("/crm/v3/objects/products/batch/read")).inScenario("batch")
                .whenScenarioStateIs(STARTED).willReturn(rateLimited()).willSetStateTo("ok"));
        wm.stubFor(post(urlEqualTo("/crm/v3/objects/products/batch/read")).inScenario("batch")
                .whenScenarioStateIs("ok")
                .willReturn(okJson("{\"status\": \"COMPLETE\", \"results\": [{\"id\": \"201\"}]}")));

        BatchResponse<CrmObject> response = portal.batchRead(CrmObjectType.PRODUCTS, List.of("201"), List.of("name"))
                .await().atMost(AWAIT);

        assertEquals("201", response.results().get(0).id());
        wm.verify(2, postRequestedFor(urlEqualTo("/crm/v3/objects/products/batch/read")));
    }

    @Test
    void shouldRetryServerErrorOnReadOnlyOnce() {
        wm.stubFor(get(urlPathEqualTo("/crm/v4/objects/deals/301/associations/contacts"))
                .willReturn(aResponse().withStatus(503)));

        HubSpotApiException e = assertThrows(HubSpotApiException.class, () -> portal
                .associations(CrmObjectType.DEALS, "301", CrmObjectType.CONTACTS).await().atMost(AWAIT));

        assertEquals(503, e.httpStatus());
        wm.verify(2, getRequestedFor(urlPathEqualTo("/crm/v4/objects/deals/301/associations/contacts")));
    }

    @Test
    void shouldSucceedWhenServerErrorIsTransient() {
        wm.stubFor(get(urlEqualTo(DEAL_URL)).inScenario("blip").whenScenarioStateIs(STARTED)
                .willReturn(aResponse().withStatus(500)).willSetStateTo("recovered"));
        wm.stubFor(get(urlEqualTo(DEAL_URL)).inScenario("blip").whenScenarioStateIs("recovered")
                .willReturn(okJson("{\"id\": \"301\"}")));

        assertEquals("301", readDeal().id());
        wm.verify(2, getRequestedFor(urlEqualTo(DEAL_URL)));
    }

    @Test
    void shouldNotRetryWritesOnServerError() {
        wm.stubFor(patch(urlEqualTo("/crm/v3/objects/deals/301")).willReturn(aResponse().withStatus(500)));

        HubSpotApiException e = assertThrows(HubSpotApiException.class, () -> portal
                .update(CrmObjectType.DEALS, "301", Map.of("a", "b")).await().atMost(AWAIT));

        assertEquals(500, e.httpStatus());
        wm.verify(1, patchRequestedFor(urlEqualTo("/crm/v3/objects/deals/301")));
    }

    @Test
    void shouldFailWithoutCallingHubSpotWhenNoTokenIsAvailable() {
        client.close();
        client = new HubSpotClient(vertx, config(),
                portalId -> io.smallrye.mutiny.Uni.createFrom().failure(new IllegalStateException("reconnect needed")));

        IllegalStateException e = assertThrows(IllegalStateException.class, () -> client.portal(PORTAL)
                .get(CrmObjectType.DEALS, "301", List.of(), List.of()).await().atMost(AWAIT));

        assertEquals("reconnect needed", e.getMessage());
        assertEquals(0, wm.getAllServeEvents().size());
    }

    private CrmObject readDeal() {
        return portal.get(CrmObjectType.DEALS, "301", List.of("dealname"), List.of()).await().atMost(AWAIT);
    }

    private static ResponseDefinitionBuilder rateLimited() {
        return aResponse().withStatus(429).withHeader("Content-Type", "application/json").withBody(RATE_LIMITED);
    }
}
