package dev.ledgerbridge.gateway.rest;

import static com.github.tomakehurst.wiremock.client.WireMock.exactly;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.ledgerbridge.gateway.repository.QuickBooksConnectionRepository;
import dev.ledgerbridge.gateway.support.DownstreamStubs;
import dev.ledgerbridge.gateway.support.DownstreamWireMock;
import dev.ledgerbridge.gateway.support.InjectWireMock;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Admin connections API and the internal QBO token endpoint the services use. */
@QuarkusTest
@WithTestResource(DownstreamWireMock.class)
class QuickBooksConnectionResourceTest {

    private static final String US_REALM = "9130350000000001";
    private static final String CA_REALM = "9130350000000002";

    @InjectWireMock
    WireMockServer wireMock;

    @Inject
    QuickBooksConnectionRepository connections;

    @BeforeEach
    void noConnections() {
        wireMock.resetAll();
        connections.deleteAll().await().atMost(Duration.ofSeconds(5));
        DownstreamStubs.quickBooksCompany(wireMock, US_REALM, "Ledger Demo US Inc.", "US");
        DownstreamStubs.quickBooksCompany(wireMock, CA_REALM, "Maple Demo Ltd.", "CA");
    }

    @Test
    void shouldConnectCompanyWithNameAndCountryFromCompanyInfo() {
        given().when().post("/admin/v1/connections/quickbooks/" + CA_REALM)
                .then().statusCode(200)
                .body("realmId", equalTo(CA_REALM))
                .body("companyName", equalTo("Maple Demo Ltd."))
                .body("country", equalTo("CA"))
                .body("state", equalTo("CONNECTED"));

        var companyInfo = wireMock.findAll(getRequestedFor(
                urlPathEqualTo("/v3/company/" + CA_REALM + "/companyinfo/" + CA_REALM)));
        assertEquals(1, companyInfo.size());
        assertEquals("Bearer sandbox-qbo-" + CA_REALM, companyInfo.get(0).getHeader("Authorization"));
    }

    @Test
    void shouldConnectIdempotently() {
        given().when().post("/admin/v1/connections/quickbooks/" + US_REALM).then().statusCode(200);
        given().when().post("/admin/v1/connections/quickbooks/" + US_REALM).then().statusCode(200)
                .body("companyName", equalTo("Ledger Demo US Inc."));

        given().when().get("/admin/v1/connections/quickbooks")
                .then().statusCode(200)
                .body("$", hasSize(1))
                .body("[0].realmId", equalTo(US_REALM))
                .body("[0].country", equalTo("US"));
        wireMock.verify(exactly(2), getRequestedFor(urlPathEqualTo("/v3/company/" + US_REALM + "/companyinfo/" + US_REALM)));
    }

    @Test
    void shouldRefuseNonNumericRealmWithoutCallingQuickBooks() {
        given().when().post("/admin/v1/connections/quickbooks/not-a-realm")
                .then().statusCode(400)
                .body("code", equalTo("INVALID_REQUEST"));
        assertEquals(0, wireMock.getAllServeEvents().size());
    }

    @Test
    void shouldHandConnectedCompanysTokenToServices() {
        given().when().post("/admin/v1/connections/quickbooks/" + US_REALM).then().statusCode(200);

        String expiresAt = given().when().get("/internal/v1/quickbooks/" + US_REALM + "/access-token")
                .then().statusCode(200)
                .body("accessToken", equalTo("sandbox-qbo-" + US_REALM))
                .extract().path("expiresAt");

        Instant expiry = Instant.parse(expiresAt);
        assertTrue(expiry.isAfter(Instant.now().plus(Duration.ofMinutes(59))), "valid about one hour: " + expiry);
        assertTrue(expiry.isBefore(Instant.now().plus(Duration.ofMinutes(61))), "valid about one hour: " + expiry);
    }

    @Test
    void shouldAnswer404ForTokenOfCompanyNotConnected() {
        given().when().get("/internal/v1/quickbooks/" + US_REALM + "/access-token")
                .then().statusCode(404)
                .body("code", equalTo("COMPANY_NOT_CONNECTED"));
    }
}
