package dev.ledgerbridge.gateway.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ledgerbridge.gateway.support.DownstreamWireMock;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The internal HubSpot token endpoint the product catalog's product sync uses. */
@QuarkusTest
@WithTestResource(DownstreamWireMock.class)
class InternalHubSpotTokenResourceTest {

    @Test
    void shouldHandThePortalsTokenValidForHalfAnHour() {
        String expiresAt = given().when().get("/internal/v1/hubspot/40213377/access-token")
                .then().statusCode(200)
                .body("accessToken", equalTo("sandbox-hubspot-40213377"))
                .extract().path("expiresAt");

        Instant expiry = Instant.parse(expiresAt);
        assertTrue(expiry.isAfter(Instant.now().plus(Duration.ofMinutes(29))), "valid about 30 minutes: " + expiry);
        assertTrue(expiry.isBefore(Instant.now().plus(Duration.ofMinutes(31))), "valid about 30 minutes: " + expiry);
    }

    @Test
    void shouldAnswer404ForAPortalIdThatIsNoHubId() {
        given().when().get("/internal/v1/hubspot/not-a-portal/access-token")
                .then().statusCode(404)
                .body("code", equalTo("PORTAL_NOT_CONNECTED"));
    }
}
