package dev.ledgerbridge.catalog.rest;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.http.Fault;
import dev.ledgerbridge.catalog.QboStubs;
import dev.ledgerbridge.catalog.QboStubs.StubItem;
import dev.ledgerbridge.catalog.WireMockVendors;
import dev.ledgerbridge.catalog.WireMockVendors.InjectWireMock;
import io.quarkus.test.common.QuarkusTestResource;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** The endpoint end to end inside the service, with QBO and the gateway in WireMock: status codes and QBO call counts. */
@QuarkusTest
@QuarkusTestResource(WireMockVendors.class)
class LineItemResolveEndpointTest {

    private static final String REALM = "9130350000000031";
    private static final String PATH = "/v1/line-items/resolve";
    private static final String DEAL_304 = """
            {"realmId": "9130350000000031", "portalId": 40213377, "lineItems": [
              {"id": "441", "name": "Custom Integration", "sku": "CUS-INT", "productId": "205", "quantity": 1,
               "price": 5000.00},
              {"id": "442", "name": "Support Hours", "sku": "SUP-HR", "productId": "203", "quantity": 4,
               "price": 150.00}]}""";

    @InjectWireMock
    WireMockServer wireMock;

    @Inject
    Pool pool;

    private QboStubs qbo;

    @AfterEach
    void resetBreakers() {
        CircuitBreakerMaintenance.get().resetAll();
    }

    @BeforeEach
    void resetVendors() {
        wireMock.resetAll();
        qbo = new QboStubs(wireMock);
        qbo.token(REALM);
        qbo.items(REALM, "FROM Item");
        // A resolution links the line items' products; each test here starts without links (no Id look-up).
        pool.preparedQuery("DELETE FROM product_link WHERE realm_id = $1").execute(Tuple.of(REALM))
                .await().atMost(java.time.Duration.ofSeconds(10));
    }

    @Test
    void shouldResolveBySkuAndByNameWithTwoQboQueries() {
        qbo.items(REALM, "Sku IN", StubItem.service("3", "Support Hours", "SUP-HR"));
        qbo.items(REALM, "Name IN", StubItem.service("15", "Custom Integration", null));

        given().contentType(ContentType.JSON).header("X-LedgerBridge-Correlation-Id", "ap-304").body(DEAL_304)
                .when().post(PATH)
                .then().statusCode(200)
                .body("lines.lineItemId", equalTo(List.of("441", "442")))
                .body("lines.itemId", equalTo(List.of("15", "3")))
                .body("lines.matchedBy", equalTo(List.of("NAME", "SKU")));

        assertEquals(2, qbo.queries(REALM).size());
        qbo.queries(REALM).forEach(r -> assertEquals("ap-304", r.getHeader("X-LedgerBridge-Correlation-Id")));
    }

    @Test
    void shouldAnswer422ListingTheUnmatchedLineItem() {
        qbo.items(REALM, "Sku IN", StubItem.service("3", "Support Hours", "SUP-HR"));

        given().contentType(ContentType.JSON).body(DEAL_304)
                .when().post(PATH)
                .then().statusCode(422)
                .body("code", equalTo("UNMATCHED_LINE_ITEMS"))
                .body("message", equalTo("No QuickBooks product matches 1 line item: Custom Integration"
                        + " (SKU CUS-INT, quantity 1). Create it in QuickBooks or turn on 'Create missing products'."))
                .body("unmatched.lineItemId", equalTo(List.of("441")));

        assertEquals(2, qbo.queries(REALM).size());
    }

    @Test
    void shouldAnswer502WhenQboFaults() {
        qbo.fault(REALM, "Sku IN", 500, "10000", "An application error has occurred while processing your request");

        given().contentType(ContentType.JSON).body(DEAL_304)
                .when().post(PATH)
                .then().statusCode(502)
                .body("code", equalTo("QBO_ERROR"))
                .body("qboCode", equalTo("10000"));

        assertEquals(1, qbo.queries(REALM).size());
    }

    @Test
    void shouldAnswer503WithRetryAfterWhenQboKeepsThrottling() {
        qbo.throttled(REALM);

        given().contentType(ContentType.JSON).body(DEAL_304)
                .when().post(PATH)
                .then().statusCode(503)
                .header("Retry-After", "30")
                .body("code", equalTo("QBO_THROTTLED"))
                .body("qboCode", equalTo("3001"));

        assertEquals(2, qbo.queries(REALM).size(), "one attempt and the configured single retry");
    }

    @Test
    void shouldAnswer502WhenQboCannotBeReached() {
        wireMock.stubFor(get(urlPathEqualTo(QboStubs.queryPath(REALM)))
                .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));

        given().contentType(ContentType.JSON).body(DEAL_304)
                .when().post(PATH)
                .then().statusCode(502)
                .body("code", equalTo("QBO_ERROR"))
                .body("message", equalTo("QuickBooks could not be reached. Try again later."));
    }
}
