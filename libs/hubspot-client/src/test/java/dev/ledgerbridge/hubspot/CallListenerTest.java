package dev.ledgerbridge.hubspot;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;

import io.smallrye.mutiny.Uni;

/** The listener hook sees every request by its path template and status, and can add headers (W3C traceparent). */
class CallListenerTest extends WireMockHubSpotTest {

    private final List<String> events = new CopyOnWriteArrayList<>();

    @Test
    void shouldReportTheTemplateAndStatusAndAddTheListenersHeaders() {
        wm.stubFor(get(urlPathEqualTo("/crm/v3/objects/deals/301")).willReturn(aResponse().withStatus(404)));
        HubSpotCallListener listener = (method, endpoint) -> {
            events.add("start " + method + " " + endpoint);
            return new HubSpotCallListener.Call() {
                @Override
                public Map<String, String> headers() {
                    return Map.of("traceparent", "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01");
                }

                @Override
                public void completed(int status) {
                    events.add("completed " + status);
                }
            };
        };
        try (HubSpotClient observed = new HubSpotClient(vertx, config(), id -> Uni.createFrom().item(TOKEN), listener)) {
            assertNull(observed.portal(PORTAL).get(CrmObjectType.DEALS, "301", List.of("dealname"), null)
                    .await().atMost(AWAIT));
        }
        assertEquals(List.of("start GET /crm/v3/objects/{type}/{id}", "completed 404"), events);
        wm.verify(1, getRequestedFor(urlPathEqualTo("/crm/v3/objects/deals/301"))
                .withHeader("traceparent", equalTo("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01")));
    }
}
