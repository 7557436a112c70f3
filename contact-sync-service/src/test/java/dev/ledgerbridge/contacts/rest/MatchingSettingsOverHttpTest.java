package dev.ledgerbridge.contacts.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The matching-settings API over HTTP with the real service and PostgreSQL: defaults, versions, 409, audit. */
@QuarkusTest
class MatchingSettingsOverHttpTest {

    private static final String REALM = "9130350000000301";
    private static final String PATH = "/v1/companies/" + REALM + "/matching-settings";
    private static final String CUSTOMERS_ONLY = """
            {"mode": "SYNC_FILTERS", "expectedVersion": %d,
             "filterGroups": [{"filters": [{"property": "lifecyclestage", "operator": "EQUALS", "values": ["customer"]},
                                           {"property": "country", "operator": "IS_KNOWN"}]},
                              {"filters": [{"property": "hs_lead_status", "operator": "IS_ANY_OF", "values": ["OPEN"]},
                                           {"property": "country", "operator": "IS_KNOWN", "values": []}]}]}""";

    @Inject
    Pool pool;

    @BeforeEach
    void clean() {
        pool.preparedQuery("DELETE FROM matching_settings WHERE realm_id = $1").execute(Tuple.of(REALM))
                .chain(() -> pool.preparedQuery("DELETE FROM matching_settings_audit WHERE realm_id = $1")
                        .execute(Tuple.of(REALM)))
                .await().atMost(Duration.ofSeconds(10));
    }

    private static ValidatableResponse put(String actor, String body) {
        var request = given().contentType(ContentType.JSON).body(body);
        if (actor != null) {
            request.header("X-LedgerBridge-Actor", actor);
        }
        return request.when().put(PATH).then();
    }

    private long auditRows() {
        return pool.preparedQuery("SELECT count(*) FROM matching_settings_audit WHERE realm_id = $1")
                .execute(Tuple.of(REALM)).await().atMost(Duration.ofSeconds(10)).iterator().next().getLong(0);
    }

    @Test
    void shouldAnswerTheLegacyDefaultsForACompanyThatNeverChangedThem() {
        given().when().get(PATH).then().statusCode(200)
                .body("realmId", equalTo(REALM))
                .body("mode", equalTo("LEGACY"))
                .body("filterGroups", empty())
                .body("version", equalTo(0))
                .body("updatedAt", nullValue());
        given().when().get(PATH + "/properties").then().statusCode(200)
                .body("mode", equalTo("LEGACY"))
                .body("properties", empty());
        given().when().get(PATH + "/history").then().statusCode(200).body("$", empty());
    }

    @Test
    void shouldStoreAChangeAsTheNextVersionAndAuditIt() {
        put("ops@example.com", CUSTOMERS_ONLY.formatted(0)).statusCode(200)
                .body("mode", equalTo("SYNC_FILTERS"))
                .body("version", equalTo(1))
                .body("updatedBy", equalTo("ops@example.com"))
                .body("updatedAt", notNullValue())
                .body("filterGroups[0].filters[0].property", equalTo("lifecyclestage"))
                .body("filterGroups[0].filters[1].values", empty());

        given().when().get(PATH).then().statusCode(200).body("version", equalTo(1))
                .body("filterGroups[1].filters[0].values", contains("OPEN"));
        given().when().get(PATH + "/properties").then().statusCode(200)
                .body("mode", equalTo("SYNC_FILTERS"))
                .body("version", equalTo(1))
                .body("properties", contains("country", "hs_lead_status", "lifecyclestage"));

        put("admin@example.com", """
                {"mode": "LEGACY", "expectedVersion": 1, "filterGroups": []}""").statusCode(200)
                .body("version", equalTo(2));
        given().when().get(PATH + "/history").then().statusCode(200)
                .body("version", contains(2, 1))
                .body("actor", contains("admin@example.com", "ops@example.com"))
                .body("[0].before.mode", equalTo("SYNC_FILTERS"))
                .body("[0].after.mode", equalTo("LEGACY"))
                .body("[1].before.mode", equalTo("LEGACY"))
                .body("[1].before.filterGroups", empty())
                .body("[1].after.filterGroups[0].filters[0].values", contains("customer"))
                .body("[0].changedAt", notNullValue());
        given().queryParam("limit", 1).when().get(PATH + "/history").then().statusCode(200).body("version", contains(2));
        given().when().get(PATH + "/properties").then().statusCode(200).body("properties", empty());
    }

    @Test
    void shouldRefuseAStaleVersionWith409AndChangeNothing() {
        put("ops", CUSTOMERS_ONLY.formatted(0)).statusCode(200);

        put("late", """
                {"mode": "LEGACY", "expectedVersion": 0}""").statusCode(409)
                .body("code", equalTo("VERSION_CONFLICT"))
                .body("message", equalTo("The matching settings of company " + REALM + " are at version 1, not 0:"
                        + " someone changed them in the meantime. Reload them and apply your change again."));

        given().when().get(PATH).then().body("mode", equalTo("SYNC_FILTERS")).body("version", equalTo(1));
        assertEquals(1, auditRows());
    }

    @Test
    void shouldLetExactlyOneOfTwoConcurrentChangesOfTheSameVersionWin() throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        List<CompletableFuture<Integer>> puts = new ArrayList<>();
        for (String actor : List.of("first", "second")) {
            puts.add(CompletableFuture.supplyAsync(() -> {
                try {
                    start.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                }
                return put(actor, CUSTOMERS_ONLY.formatted(0)).extract().statusCode();
            }));
        }
        start.countDown();
        List<Integer> statuses = new ArrayList<>();
        for (CompletableFuture<Integer> put : puts) {
            statuses.add(put.get(30, TimeUnit.SECONDS));
        }

        assertEquals(List.of(200, 409), statuses.stream().sorted().toList());
        assertEquals(1, auditRows());
        given().when().get(PATH).then().body("version", equalTo(1));
    }

    @Test
    void shouldRequireTheActorHeader() {
        put(null, CUSTOMERS_ONLY.formatted(0)).statusCode(400)
                .body("code", equalTo("INVALID_REQUEST"))
                .body("message", equalTo("X-LedgerBridge-Actor must not be blank"));
        assertEquals(0, auditRows());
    }

    @Test
    void shouldRequireTheExpectedVersion() {
        put("ops", """
                {"mode": "LEGACY"}""").statusCode(400)
                .body("code", equalTo("INVALID_REQUEST"))
                .body("message", equalTo("expectedVersion must not be null"));
    }

    @Test
    void shouldRefuseAnInvalidFilterWith400SayingWhereAndStoreNothing() {
        put("ops", """
                {"mode": "SYNC_FILTERS", "expectedVersion": 0,
                 "filterGroups": [{"filters": [{"property": "lifecyclestage", "operator": "EQUALS", "values": ["customer"]}]},
                                  {"filters": [{"property": "annualrevenue", "operator": "GREATER_THAN", "values": ["abc"]}]}]}""")
                .statusCode(400)
                .body("code", equalTo("INVALID_REQUEST"))
                .body("message", equalTo("filterGroups[1].filters[0]: operator GREATER_THAN needs one number or date,"
                        + " got 'abc'"));
        put("ops", """
                {"mode": "EVERYTHING", "expectedVersion": 0}""").statusCode(400)
                .body("message", equalTo("mode: must be LEGACY or SYNC_FILTERS, got 'EVERYTHING'"));
        given().when().get(PATH).then().body("version", equalTo(0));
        assertEquals(0, auditRows());
    }

    @Test
    void shouldRefuseARealmIdThatIsNotNumeric() {
        given().when().get("/v1/companies/abc/matching-settings").then().statusCode(400)
                .body("code", equalTo("INVALID_REQUEST"))
                .body("message", equalTo("realmId must be a numeric QuickBooks company id"));
    }
}
