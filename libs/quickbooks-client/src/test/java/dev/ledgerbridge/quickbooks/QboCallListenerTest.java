package dev.ledgerbridge.quickbooks;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The listener hook sees every attempt with an id-free endpoint, its status, the throttling waits, and adds headers. */
class QboCallListenerTest {

    private static final String REALM = "9130350000000001";

    @RegisterExtension
    static WireMockExtension qbo = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    private static Vertx vertx;

    private final List<String> events = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void startVertx() {
        vertx = Vertx.vertx();
    }

    @AfterAll
    static void stopVertx() {
        vertx.closeAndAwait();
    }

    private final QboCallListener recording = new QboCallListener() {
        @Override
        public Call start(String method, String endpoint) {
            events.add("start " + method + " " + endpoint);
            return new Call() {
                @Override
                public Map<String, String> headers() {
                    return Map.of("traceparent", "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01");
                }

                @Override
                public void completed(int status) {
                    events.add("completed " + status);
                }

                @Override
                public void failed(Throwable failure) {
                    events.add("failed " + failure.getClass().getSimpleName());
                }
            };
        }

        @Override
        public void throttled(String endpoint, Duration wait) {
            events.add("throttled " + endpoint + " " + wait.toMillis() + "ms");
        }

        @Override
        public void paced(String endpoint, Duration wait) {
            events.add("paced " + endpoint);
        }
    };

    private QuickBooksClient client(URI baseUrl) {
        return new QuickBooksClient(vertx, QuickBooksClientConfig.defaults(baseUrl).withThrottling(1, Duration.ofMillis(5))
                .withRequestTimeout(Duration.ofSeconds(2)), realm -> Uni.createFrom().item("token-" + realm), recording);
    }

    @Test
    void shouldReportEachAttemptAndTheThrottlingWaitWithAnIdFreeEndpoint() {
        String path = "/v3/company/" + REALM + "/companyinfo/" + REALM;
        qbo.stubFor(get(urlPathEqualTo(path)).inScenario("throttled").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(429)).willSetStateTo("open"));
        qbo.stubFor(get(urlPathEqualTo(path)).inScenario("throttled").whenScenarioStateIs("open")
                .willReturn(okJson("{\"CompanyInfo\":{\"Id\":\"1\",\"CompanyName\":\"Acme\"}}")));

        try (QuickBooksClient client = client(URI.create(qbo.baseUrl()))) {
            client.company(REALM).companyInfo().await().atMost(Duration.ofSeconds(10));
        }

        assertEquals(List.of(
                "start GET /v3/company/{realmId}/companyinfo/{id}", "completed 429",
                "throttled /v3/company/{realmId}/companyinfo/{id} 5ms",
                "start GET /v3/company/{realmId}/companyinfo/{id}", "completed 200"), events);
        qbo.verify(2, getRequestedFor(urlPathEqualTo(path))
                .withHeader("traceparent", equalTo("00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01")));
    }

    @Test
    void shouldReportACallThatGotNoAnswer() {
        try (QuickBooksClient client = client(URI.create("http://127.0.0.1:1"))) {
            assertThrows(RuntimeException.class,
                    () -> client.company(REALM).companyInfo().await().atMost(Duration.ofSeconds(10)));
        }
        assertEquals(2, events.size(), events.toString());
        assertEquals("start GET /v3/company/{realmId}/companyinfo/{id}", events.get(0));
        assertEquals(true, events.get(1).startsWith("failed "), events.get(1));
    }

    @Test
    void shouldHoldBackCallsBeyondTheCompanysPaceAndLetOtherCompaniesThrough() {
        qbo.stubFor(get(urlPathMatching("/v3/company/[0-9]+/companyinfo/[0-9]+"))
                .willReturn(okJson("{\"CompanyInfo\":{\"Id\":\"1\",\"CompanyName\":\"Acme\"}}")));
        // One call every two seconds per company: the first goes at once, the second waits for its turn (unless the
        // first took two seconds), another company's is not held back.
        QuickBooksClientConfig paced = QuickBooksClientConfig.defaults(URI.create(qbo.baseUrl())).withPacing(0.5, 0);
        try (QuickBooksClient client = new QuickBooksClient(vertx, paced,
                realm -> Uni.createFrom().item("token-" + realm), recording)) {
            client.company(REALM).companyInfo().await().atMost(Duration.ofSeconds(10));
            client.company("9130350000000002").companyInfo().await().atMost(Duration.ofSeconds(10));
            client.company(REALM).companyInfo().await().atMost(Duration.ofSeconds(10));
        }

        assertEquals(List.of("start GET /v3/company/{realmId}/companyinfo/{id}", "completed 200",
                "start GET /v3/company/{realmId}/companyinfo/{id}", "completed 200",
                "paced /v3/company/{realmId}/companyinfo/{id}",
                "start GET /v3/company/{realmId}/companyinfo/{id}", "completed 200"), events);
    }

    @Test
    void shouldNameQueriesWithoutTheirStatement() {
        assertEquals("/v3/company/{realmId}/query", QuickBooksClient.endpointTemplate("/v3/company/" + REALM + "/query"));
        assertEquals("/v3/company/{realmId}/customer/{id}",
                QuickBooksClient.endpointTemplate("/v3/company/" + REALM + "/customer/58"));
    }
}
