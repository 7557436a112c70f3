package dev.ledgerbridge.payments;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ledgerbridge.observability.testing.MetricsScrape;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * /q/metrics shows the payment actions by action and outcome, refusals and no-ops by code, the routes and the
 * database pool.
 */
@QuarkusTest
class PaymentsMetricsTest {

    @Test
    void shouldCountThePaymentActionsByOutcomeAndCode() {
        MetricsScrape before = MetricsScrape.now();
        // A fee of a payment without fee: a NO_OP decided by the policy, with no downstream call.
        given().contentType(ContentType.JSON).body("""
                {"callbackId": "ap-metrics-1", "portalId": 40213377, "realmId": "9130350000000001",
                 "action": "FEE_EXPENSE",
                 "payment": {"id": "metrics-1", "sourceApp": "SALES_CHECKOUT", "amount": 10.00, "feesAmount": 0}}""")
                .when().post("/v1/payment-actions")
                .then().statusCode(200);

        MetricsScrape after = MetricsScrape.now();
        Map<String, String> noOp = Map.of("action", "FEE_EXPENSE", "outcome", "NO_OP");
        assertEquals(1.0, after.count("ledgerbridge_payment_actions_total", noOp)
                - before.count("ledgerbridge_payment_actions_total", noOp), 0.0);
        Map<String, String> noFee = Map.of("action", "FEE_EXPENSE", "code", "NO_FEE");
        assertEquals(1.0, after.count("ledgerbridge_payment_refusals_total", noFee)
                - before.count("ledgerbridge_payment_refusals_total", noFee), 0.0);
    }

    @Test
    void shouldExposeTheRouteAndTheDatabasePoolAfterOneRequest() {
        given().when().get("/q/health/ready").then().statusCode(200);
        given().when().get("/v1/payments/none").then().statusCode(404);

        MetricsScrape after = MetricsScrape.now();
        for (String name : List.of("sql_pool_active", "sql_pool_queue_size", "http_server_requests_seconds_count")) {
            assertTrue(after.has(name), name + " missing from /q/metrics");
        }
        assertTrue(after.count("http_server_requests_seconds_count", Map.of("uri", "NOT_FOUND", "status", "404")) >= 1,
                "per-route HTTP server metrics");
    }
}
