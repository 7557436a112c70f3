package dev.ledgerbridge.sandbox.qbo.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ledgerbridge.sandbox.admin.SandboxTestProfile;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The item seed option: many items at once, then readable page by page as QBO pages them (1000 at most). */
@QuarkusTest
@TestProfile(SandboxTestProfile.class)
class QboSeedResourceTest {

    private static final String REALM = "9130350000000002";

    @BeforeEach
    void reset() {
        given().post("/_sandbox/reset").then().statusCode(200);
    }

    @Test
    void shouldAddItemsThatPageAndCountLikeAnyOther() {
        given().contentType(ContentType.JSON).body(Map.of("count", 2500, "prefix", "Bulk"))
                .when().post("/_sandbox/qbo/" + REALM + "/seed/items")
                .then().statusCode(200)
                .body("added", equalTo(2500))
                .body("itemCount", equalTo(2502));

        assertEquals(2502, query("select count(*) from Item where Active in (true, false)")
                .getInt("QueryResponse.totalCount"));
        JsonPath lastPage = query("select * from Item where Active in (true, false) startposition 2001 maxresults 1000");
        assertEquals(502, lastPage.getList("QueryResponse.Item").size());
        JsonPath one = query("select * from Item where Sku = 'Bulk-02500'");
        List<Map<String, Object>> items = one.getList("QueryResponse.Item");
        assertEquals("Bulk Item 02500", items.get(0).get("Name"));
        assertEquals("Service", items.get(0).get("Type"));
    }

    @Test
    void shouldNumberOnAndRefuseBadSeeds() {
        given().contentType(ContentType.JSON).body(Map.of("count", 2)).post("/_sandbox/qbo/" + REALM + "/seed/items")
                .then().statusCode(200);
        given().contentType(ContentType.JSON).body(Map.of("count", 1)).post("/_sandbox/qbo/" + REALM + "/seed/items")
                .then().statusCode(200).body("itemCount", equalTo(5));
        assertEquals(1, query("select * from Item where Name = 'Bulk Item 00003'").getList("QueryResponse.Item").size());

        given().contentType(ContentType.JSON).body(Map.of("count", 0)).post("/_sandbox/qbo/" + REALM + "/seed/items")
                .then().statusCode(400);
        given().contentType(ContentType.JSON).body(Map.of("count", 1)).post("/_sandbox/qbo/1/seed/items")
                .then().statusCode(404);
    }

    private static JsonPath query(String statement) {
        return given().auth().oauth2("sandbox-qbo-" + REALM).accept(ContentType.JSON)
                .queryParam("query", statement).queryParam("minorversion", 75)
                .get("/v3/company/" + REALM + "/query")
                .then().statusCode(200).extract().jsonPath();
    }
}
