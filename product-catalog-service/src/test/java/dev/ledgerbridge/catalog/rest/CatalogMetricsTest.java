package dev.ledgerbridge.catalog.rest;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.ledgerbridge.catalog.QboStubs;
import dev.ledgerbridge.catalog.QboStubs.StubItem;
import dev.ledgerbridge.catalog.WireMockVendors;
import dev.ledgerbridge.catalog.WireMockVendors.InjectWireMock;
import dev.ledgerbridge.catalog.service.CatalogMirror;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.matchesPattern;

/** The mirror's sync state in the Prometheus scrape (R13). */
@QuarkusTest
@QuarkusTestResource(WireMockVendors.class)
class CatalogMetricsTest {

    private static final Duration WAIT = Duration.ofSeconds(15);

    @InjectWireMock
    WireMockServer wireMock;

    @Inject
    CatalogMirror mirror;

    private QboStubs qbo;

    @BeforeEach
    void resetVendors() {
        wireMock.resetAll();
        qbo = new QboStubs(wireMock);
    }

    @Test
    void shouldExposeItemCountsLastSyncLagAndFailureOfEachCompany() {
        String realm = "9130350000000901";
        qbo.token(realm);
        qbo.catalog(realm, List.of(StubItem.service("1", "A", "A-1"), StubItem.service("2", "B", "B-1"),
                new StubItem("3", "C", null, "Service", false)), 1000);
        mirror.syncNow(realm).await().atMost(WAIT);

        String failingRealm = "9130350000000902";
        qbo.token(failingRealm);
        qbo.fault(failingRealm, "FROM Item", 500, "10000", "An application error has occurred");
        mirror.syncNow(failingRealm).onFailure().recoverWithNull().await().atMost(WAIT);

        given().when().get("/q/metrics").then().statusCode(200)
                .body(containsString("ledgerbridge_catalog_items{realm=\"" + realm + "\",scope=\"all\"} 3.0"))
                .body(containsString("ledgerbridge_catalog_items{realm=\"" + realm + "\",scope=\"active\"} 2.0"))
                .body(containsString("ledgerbridge_catalog_sync_failing{realm=\"" + realm + "\"} 0.0"))
                .body(containsString("ledgerbridge_catalog_sync_failing{realm=\"" + failingRealm + "\"} 1.0"))
                .body(matchesPattern("(?s).*ledgerbridge_catalog_last_sync_seconds\\{realm=\"" + realm
                        + "\"} 1\\.[0-9]+E9.*"))
                .body(matchesPattern("(?s).*ledgerbridge_catalog_sync_lag_seconds\\{realm=\"" + realm
                        + "\"} [0-9.]+.*"))
                .body(containsString("ledgerbridge_catalog_syncs_total{outcome=\"failure\"}"));
    }
}
