package dev.ledgerbridge.payments;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.time.Duration;
import org.junit.jupiter.api.Test;

@QuarkusTest
class PaymentsBridgeStartupTest {

    @Inject
    Pool pool;

    @Test
    void shouldReportReadyWithItsDatabase() {
        given().when().get("/q/health/ready")
                .then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItem("Reactive PostgreSQL connections health check"));
    }

    @Test
    void shouldHaveMigratedItsSchemaAtStart() {
        var regclass = pool.query("SELECT to_regclass('bridged_payment')::text AS t").execute()
                .await().atMost(Duration.ofSeconds(10))
                .iterator().next().getString("t");
        assertEquals("bridged_payment", regclass);
    }

    @Test
    void shouldPublishItsOpenApiDocument() {
        given().accept("application/json").when().get("/q/openapi")
                .then().statusCode(200)
                .body("openapi", org.hamcrest.Matchers.startsWith("3."));
    }
}
