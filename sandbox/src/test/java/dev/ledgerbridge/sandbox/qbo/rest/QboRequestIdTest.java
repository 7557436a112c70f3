package dev.ledgerbridge.sandbox.qbo.rest;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

@QuarkusTest
class QboRequestIdTest extends QboTestSupport {

    private static final String INVOICE = """
            {"CustomerRef":{"value":"1"},"Line":[{"DetailType":"SalesItemLineDetail","Amount":3000.00,
             "SalesItemLineDetail":{"ItemRef":{"value":"1"},"Qty":2,"UnitPrice":1500.00}}]}
            """;

    @Test
    void shouldReplayFirstAnswerForSameRequestId() {
        String first = post(US, "invoice?requestid=callback-1-invoice&minorversion=75", INVOICE)
                .statusCode(200).extract().asString();
        clock.advance(java.time.Duration.ofSeconds(5));
        String second = post(US, "invoice?requestid=callback-1-invoice&minorversion=75", INVOICE)
                .statusCode(200).extract().asString();

        assertEquals(first, second);
        query(US, "select count(*) from Invoice").body("QueryResponse.totalCount", equalTo(1));
    }

    @Test
    void shouldReplayEvenWhenTheBodyDiffers() {
        post(US, "invoice?requestid=r-2", INVOICE).statusCode(200).body("Invoice.Id", equalTo("130"));

        post(US, "invoice?requestid=r-2", INVOICE.replace("\"value\":\"1\"},\"Line\"", "\"value\":\"2\"},\"Line\""))
                .statusCode(200)
                .body("Invoice.Id", equalTo("130"))
                .body("Invoice.CustomerRef.value", equalTo("1"));
        query(US, "select count(*) from Invoice").body("QueryResponse.totalCount", equalTo(1));
    }

    @Test
    void shouldReplayFaultsToo() {
        String broken = INVOICE.replace("3000.00", "2999.00");
        post(US, "invoice?requestid=r-3", broken).statusCode(400).body("Fault.Error[0].code", equalTo("6070"));

        post(US, "invoice?requestid=r-3", INVOICE).statusCode(400).body("Fault.Error[0].code", equalTo("6070"));
        query(US, "select count(*) from Invoice").body("QueryResponse.totalCount", equalTo(0));
    }

    @Test
    void shouldKeepRequestIdsPerRealm() {
        post(US, "customer?requestid=shared-id", "{\"DisplayName\":\"Realm Walker\"}").statusCode(200);

        api(CA).contentType("application/json").body("{\"DisplayName\":\"Realm Walker\"}")
                .post(path(CA, "customer?requestid=shared-id")).then()
                .statusCode(200)
                .body("Customer.Id", equalTo("2"));
        api(CA).queryParam("query", "select count(*) from Customer where DisplayName = 'Realm Walker'")
                .get(path(CA, "query")).then().body("QueryResponse.totalCount", equalTo(1));
    }

    @Test
    void shouldWriteAgainWithoutRequestId() {
        post(US, "invoice", INVOICE).statusCode(200);
        post(US, "invoice", INVOICE).statusCode(200);

        query(US, "select count(*) from Invoice").body("QueryResponse.totalCount", equalTo(2));
    }

    @Test
    void shouldRejectRequestIdLongerThanFiftyCharacters() {
        post(US, "invoice?requestid=" + "x".repeat(51), INVOICE)
                .statusCode(400)
                .body("Fault.type", equalTo("ValidationFault"))
                .body("Fault.Error[0].element", equalTo("requestid"));
        post(US, "invoice?requestid=" + "x".repeat(50), INVOICE).statusCode(200);

        query(US, "select count(*) from Invoice").body("QueryResponse.totalCount", equalTo(1));
    }
}
