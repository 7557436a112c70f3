package dev.ledgerbridge.sandbox.qbo.rest;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class QboThrottleTest extends QboTestSupport {

    @BeforeEach
    void useQboLimitsOnAPinnedClock() {
        throttle.reset();
        clock.pin(Instant.parse("2026-03-02T17:00:00Z"));
    }

    private int readCompanyInfo(String realm) {
        return api(realm).get(path(realm, "companyinfo/" + realm)).then().extract().statusCode();
    }

    @Test
    void shouldDefaultToQboLimits() {
        assertEquals(10, throttle.perSecond());
        assertEquals(500, throttle.perMinute());
    }

    @Test
    void shouldRefuseEleventhRequestInOneSecond() {
        for (int i = 0; i < 10; i++) {
            assertEquals(200, readCompanyInfo(US), "request " + (i + 1));
        }

        us().get(path(US, "companyinfo/" + US)).then()
                .statusCode(429)
                .header("intuit_tid", notNullValue())
                .body("Fault.Error[0].code", equalTo("003001"))
                .body("Fault.Error[0].Message", containsString("ThrottleExceeded"));
        assertEquals(200, readCompanyInfo(CA), "another company has its own budget");

        clock.advance(Duration.ofSeconds(1));
        assertEquals(200, readCompanyInfo(US));
    }

    @Test
    void shouldRefuseFiveHundredFirstRequestInOneMinute() {
        for (int i = 0; i < 500; i++) {
            if (i > 0 && i % 10 == 0) {
                clock.advance(Duration.ofMillis(1001));
            }
            assertEquals(200, readCompanyInfo(US), "request " + (i + 1));
        }
        clock.advance(Duration.ofMillis(1001));

        assertEquals(429, readCompanyInfo(US));

        clock.advance(Duration.ofSeconds(10));
        assertEquals(200, readCompanyInfo(US), "the oldest requests left the minute window");
    }

    @Test
    void shouldHonourRaisedLimitsForLoadTests() {
        throttle.setLimits(20, 1000);
        for (int i = 0; i < 20; i++) {
            assertEquals(200, readCompanyInfo(US));
        }
        assertEquals(429, readCompanyInfo(US));
    }
}
