package dev.ledgerbridge.catalog.rest;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.ledgerbridge.catalog.QboStubs;
import dev.ledgerbridge.catalog.QboStubs.StubItem;
import dev.ledgerbridge.catalog.WireMockVendors;
import dev.ledgerbridge.catalog.WireMockVendors.InjectWireMock;
import dev.ledgerbridge.catalog.repository.CatalogSyncStateRepository;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Both mirror endpoints through the real service, with QBO and the gateway in WireMock. */
@QuarkusTest
@QuarkusTestResource(WireMockVendors.class)
class CatalogSyncEndpointTest {

    @InjectWireMock
    WireMockServer wireMock;

    @Inject
    CatalogSyncStateRepository states;

    private QboStubs qbo;

    @AfterEach
    void resetBreakers() {
        CircuitBreakerMaintenance.get().resetAll();
    }

    @BeforeEach
    void resetVendors() {
        wireMock.resetAll();
        qbo = new QboStubs(wireMock);
    }

    @Test
    void shouldStartTheFirstLoadWith202AndShowItLoadedAfterwards() {
        String realm = "9130350000000601";
        qbo.token(realm);
        qbo.catalog(realm, List.of(StubItem.service("1", "Annual Subscription", "SUB-ANNUAL"),
                new StubItem("2", "Legacy Plan", null, "Service", false)), 1000);
        given().when().get("/v1/catalog/" + realm).then().statusCode(404);

        given().when().post("/v1/catalog/" + realm + "/sync")
                .then().statusCode(202)
                .body("realmId", equalTo(realm))
                .body("status", equalTo("SYNCING"));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().when().get("/v1/catalog/" + realm)
                .then().statusCode(200)
                .body("status", equalTo("LOADED"))
                .body("itemCount", equalTo(2))
                .body("activeItemCount", equalTo(1)));
        assertEquals(2, qbo.statements(realm).size(), "count and one page");
    }

    @Test
    void shouldAnswer409WithoutCallingQboWhileAnotherReplicaSyncs() {
        String realm = "9130350000000602";
        qbo.token(realm);
        states.claim(realm, "other-replica/run", Duration.ofMinutes(10)).await().atMost(Duration.ofSeconds(10));

        given().when().post("/v1/catalog/" + realm + "/sync")
                .then().statusCode(409)
                .body("code", equalTo("SYNC_IN_PROGRESS"));
        given().when().get("/v1/catalog/" + realm)
                .then().statusCode(200)
                .body("status", equalTo("SYNCING"));
        assertEquals(0, qbo.statements(realm).size());
    }

    @Test
    void shouldAnswer422AndRecordNothingForACompanyTheGatewayDoesNotKnow() {
        String realm = "9130350000000603";

        given().when().post("/v1/catalog/" + realm + "/sync")
                .then().statusCode(422)
                .body("code", equalTo("COMPANY_NOT_CONNECTED"));
        given().when().get("/v1/catalog/" + realm).then().statusCode(404);
    }
}
