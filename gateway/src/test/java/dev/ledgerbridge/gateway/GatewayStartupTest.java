package dev.ledgerbridge.gateway;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ledgerbridge.gateway.support.DownstreamWireMock;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.time.Duration;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(DownstreamWireMock.class) // same resources as every other test: one Quarkus start
class GatewayStartupTest {

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
        var regclass = pool.query("SELECT to_regclass('action_execution')::text AS t").execute()
                .await().atMost(Duration.ofSeconds(10))
                .iterator().next().getString("t");
        assertEquals("action_execution", regclass);
    }

    @Test
    void shouldPublishItsOpenApiDocument() {
        given().accept("application/json").when().get("/q/openapi")
                .then().statusCode(200)
                .body("openapi", org.hamcrest.Matchers.startsWith("3."));
    }
}
