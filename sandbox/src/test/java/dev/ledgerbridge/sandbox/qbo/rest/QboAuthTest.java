package dev.ledgerbridge.sandbox.qbo.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

@QuarkusTest
class QboAuthTest extends QboTestSupport {

    @Test
    void shouldAnswerMissingTokenWithLowerCaseFault() {
        given().get(path(US, "companyinfo/" + US)).then()
                .statusCode(401)
                .header("WWW-Authenticate", equalTo("Bearer realm=\"Intuit\", error=\"invalid_token\""))
                .header("intuit_tid", notNullValue())
                .body("$", not(hasKey("Fault")))
                .body("fault.error[0].message",
                        equalTo("message=AuthenticationFailed; errorCode=003200; statusCode=401"))
                .body("fault.error[0].detail", startsWith("Token expired: "))
                .body("fault.error[0].code", equalTo("3200"))
                .body("fault.type", equalTo("AUTHENTICATION"));
    }

    @Test
    void shouldAnswerUnknownTokenWith401() {
        given().auth().oauth2("not-a-token").queryParam("query", "select * from Item")
                .get(path(US, "query")).then()
                .statusCode(401)
                .body("fault.error[0].code", equalTo("3200"));
    }

    @Test
    void shouldAnswerTokenOfAnotherRealmWith403() {
        api(CA).get(path(US, "preferences")).then()
                .statusCode(403)
                .header("intuit_tid", notNullValue())
                .body("fault.error[0].code", equalTo("3100"))
                .body("fault.type", equalTo("AUTHORIZATION"));
    }

    @Test
    void shouldAnswerUnknownRealmWith403() {
        us().get(path("4620816365000000000", "preferences")).then()
                .statusCode(403)
                .body("fault.error[0].code", equalTo("3100"));
    }

    @Test
    void shouldNotAcceptSeededTokenPatternForUnknownRealm() {
        api("4620816365000000000").get(path("4620816365000000000", "preferences")).then().statusCode(401);
    }

    @Test
    void shouldTagSuccessfulResponsesWithIntuitTid() {
        us().get(path(US, "preferences")).then()
                .statusCode(200)
                .header("intuit_tid", startsWith("1-"))
                .contentType(startsWith("application/json"));
    }
}
