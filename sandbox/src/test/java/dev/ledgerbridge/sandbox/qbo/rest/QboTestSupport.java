package dev.ledgerbridge.sandbox.qbo.rest;

import static io.restassured.RestAssured.given;

import dev.ledgerbridge.sandbox.qbo.QboClock;
import dev.ledgerbridge.sandbox.qbo.repository.QboStore;
import dev.ledgerbridge.sandbox.qbo.service.IntuitTokenService;
import dev.ledgerbridge.sandbox.qbo.service.QboRequestLog;
import dev.ledgerbridge.sandbox.qbo.service.QboThrottle;
import io.restassured.config.JsonConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.path.json.config.JsonPathConfig;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;

/** Shared set-up for the QBO resource tests: fresh seed, real time, and a throttle too generous to get in the way. */
abstract class QboTestSupport {

    static final String US = "9130350000000001";
    static final String CA = "9130350000000002";

    @Inject
    QboStore store;
    @Inject
    QboThrottle throttle;
    @Inject
    QboRequestLog requestLog;
    @Inject
    IntuitTokenService tokens;
    @Inject
    QboClock clock;

    @BeforeEach
    void reseedQbo() {
        clock.reset();
        store.reset();
        requestLog.reset();
        tokens.reset();
        throttle.reset();
        throttle.setLimits(1_000_000, 1_000_000);
    }

    /** Money in assertions is BigDecimal, so scale and exactness are checked too. */
    static final RestAssuredConfig EXACT_NUMBERS = RestAssuredConfig.config()
            .jsonConfig(JsonConfig.jsonConfig().numberReturnType(JsonPathConfig.NumberReturnType.BIG_DECIMAL));

    static RequestSpecification api(String realm) {
        return given().config(EXACT_NUMBERS).auth().oauth2("sandbox-qbo-" + realm).accept("application/json");
    }

    static RequestSpecification us() {
        return api(US);
    }

    static String path(String realm, String rest) {
        return "/v3/company/" + realm + "/" + rest;
    }

    static ValidatableResponse query(String realm, String statement) {
        return api(realm).queryParam("query", statement).queryParam("minorversion", "75")
                .get(path(realm, "query")).then();
    }

    static ValidatableResponse create(String realm, String entity, String json) {
        return api(realm).contentType("application/json; charset=UTF-8").body(json)
                .post(path(realm, entity)).then();
    }

    static ValidatableResponse post(String realm, String entityAndQuery, String json) {
        return api(realm).contentType("application/json; charset=UTF-8").body(json)
                .post(path(realm, entityAndQuery)).then();
    }
}
