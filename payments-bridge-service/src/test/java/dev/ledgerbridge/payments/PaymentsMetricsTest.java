package dev.ledgerbridge.payments;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ledgerbridge.observability.testing.MetricsScrape;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The payment actions arrive with their issues; until then the service's metrics are the built-in ones: after one
 * request /q/metrics shows it per route, and the database pool.
 */
@QuarkusTest
class PaymentsMetricsTest {

    @Test
    void shouldExposeTheRouteAndTheDatabasePoolAfterOneRequest() {
        given().when().get("/q/health/ready").then().statusCode(200);
        // The payment endpoints arrive later; an unknown path still shows the per-route timer (Quarkus hides /q/*).
        given().when().get("/v1/payments/none").then().statusCode(404);

        MetricsScrape after = MetricsScrape.now();
        for (String name : List.of("sql_pool_active", "sql_pool_queue_size", "http_server_requests_seconds_count")) {
            assertTrue(after.has(name), name + " missing from /q/metrics");
        }
        assertTrue(after.count("http_server_requests_seconds_count", Map.of("uri", "NOT_FOUND", "status", "404")) >= 1,
                "per-route HTTP server metrics");
    }
}
