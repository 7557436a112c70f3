package dev.ledgerbridge.sandbox.qbo.rest;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

@QuarkusTest
class QboSmokeTest extends QboTestSupport {

    @Test
    void shouldServeSeededCustomerByEmail() {
        query(US, "select * from Customer where PrimaryEmailAddr = 'ada@example.com'")
                .log().all()
                .statusCode(200)
                .header("intuit_tid", notNullValue())
                .body("QueryResponse.Customer[0].DisplayName", equalTo("Ada Lovelace"));
    }
}
