package dev.ledgerbridge.sandbox.qbo.rest;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class QboCdcTest extends QboTestSupport {

    private static final Instant NOW = Instant.parse("2026-03-02T17:00:00Z");

    @BeforeEach
    void pinClockAndReseed() {
        clock.pin(NOW);
        store.reset();
    }

    private ValidatableResponse cdc(String entities, String changedSince) {
        return us().queryParam("entities", entities).queryParam("changedSince", changedSince)
                .get(path(US, "cdc")).then();
    }

    @Test
    void shouldReportNothingForUntouchedSeed() {
        cdc("Item,Customer", "2026-02-01T00:00:00Z")
                .statusCode(200)
                .body("CDCResponse[0].QueryResponse", hasSize(2))
                .body("CDCResponse[0].QueryResponse[0].Item", nullValue())
                .body("CDCResponse[0].QueryResponse[0].maxResults", equalTo(0))
                .body("time", org.hamcrest.Matchers.notNullValue());
    }

    @Test
    void shouldReportCreatedUpdatedAndInactivatedEntities() {
        clock.advance(Duration.ofMinutes(1));
        post(US, "item", "{\"Id\":\"6\",\"SyncToken\":\"0\",\"sparse\":true,\"Active\":true}").statusCode(200);
        clock.advance(Duration.ofMinutes(1));
        post(US, "item", "{\"Id\":\"1\",\"SyncToken\":\"0\",\"sparse\":true,\"Active\":false}").statusCode(200);
        create(US, "customer", "{\"DisplayName\":\"New Customer\"}").statusCode(200);

        cdc("Item,Customer", "2026-03-02T08:59:00-08:00")
                .statusCode(200)
                .body("CDCResponse[0].QueryResponse[0].Item.Name", contains("Legacy Plan", "Onboarding Package"))
                .body("CDCResponse[0].QueryResponse[0].Item[1].Active", equalTo(false))
                .body("CDCResponse[0].QueryResponse[0].startPosition", equalTo(1))
                .body("CDCResponse[0].QueryResponse[0].maxResults", equalTo(2))
                .body("CDCResponse[0].QueryResponse[1].Customer.DisplayName", contains("New Customer"));
        cdc("Item", "2026-03-02T09:01:30-08:00")
                .body("CDCResponse[0].QueryResponse[0].Item.Name", contains("Onboarding Package"));
    }

    @Test
    void shouldReportDeletedTransactions() {
        create(US, "invoice", """
                {"CustomerRef":{"value":"1"},"Line":[{"DetailType":"SalesItemLineDetail","Amount":150.00,
                 "SalesItemLineDetail":{"ItemRef":{"value":"3"},"Qty":1,"UnitPrice":150.00}}]}
                """).statusCode(200);
        clock.advance(Duration.ofMinutes(5));
        post(US, "invoice?operation=delete", "{\"Id\":\"130\",\"SyncToken\":\"0\"}").statusCode(200);

        cdc("Invoice", "2026-03-02T17:01:00Z")
                .statusCode(200)
                .body("CDCResponse[0].QueryResponse[0].Invoice", hasSize(1))
                .body("CDCResponse[0].QueryResponse[0].Invoice[0].Id", equalTo("130"))
                .body("CDCResponse[0].QueryResponse[0].Invoice[0].status", equalTo("Deleted"));
    }

    @Test
    void shouldRefuseChangedSinceOlderThanThirtyDays() {
        cdc("Item", "2026-01-31T16:59:00Z")
                .statusCode(400)
                .body("Fault.type", equalTo("ValidationFault"))
                .body("Fault.Error[0].element", equalTo("changedSince"));
        cdc("Item", "2026-01-31T17:00:00Z").statusCode(200);
    }

    @Test
    void shouldRefuseMissingOrUnknownEntities() {
        cdc("Widget", "2026-03-01").statusCode(400).body("Fault.Error[0].element", equalTo("entities"));
        us().queryParam("changedSince", "2026-03-01").get(path(US, "cdc")).then()
                .statusCode(400).body("Fault.Error[0].code", equalTo("2020"));
    }

    @Test
    void shouldCapResponseAtConfiguredObjectCount() {
        for (int i = 0; i < 3; i++) {
            create(US, "term", "{\"Name\":\"Cap " + i + "\",\"DueDays\":1}").statusCode(200);
        }
        int seen = us().queryParam("entities", "Term").queryParam("changedSince", "2026-03-01")
                .get(path(US, "cdc")).then().extract().path("CDCResponse[0].QueryResponse[0].maxResults");
        org.junit.jupiter.api.Assertions.assertEquals(3, seen);
    }
}
