package dev.ledgerbridge.sandbox.hubspot;

import dev.ledgerbridge.sandbox.admin.SandboxTestProfile;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static dev.ledgerbridge.sandbox.hubspot.CrmObjectResourceTest.hubspot;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/** Batch upsert of products by the unique {@code qbo_item_id}, as HubSpot answers it. */
@QuarkusTest
@TestProfile(SandboxTestProfile.class)
class ProductUpsertResourceTest {

    private static final String UPSERT = "/crm/v3/objects/products/batch/upsert";

    @BeforeEach
    void reset() {
        given().post("/_sandbox/reset").then().statusCode(200);
    }

    private static Map<String, Object> input(String qboItemId, String idProperty, Map<String, String> properties) {
        Map<String, Object> in = new LinkedHashMap<>();
        in.put("id", qboItemId);
        in.put("idProperty", idProperty);
        in.put("properties", properties);
        return in;
    }

    private static Response upsert(List<Map<String, Object>> inputs, int status) {
        Response r = hubspot().body(Map.of("inputs", inputs)).post(UPSERT);
        assertEquals(status, r.statusCode(), r.asString());
        HubSpotSpecValidator.get().assertValid("POST", UPSERT, status, r.asString());
        return r;
    }

    @Test
    void shouldCreateThenUpdateTheProductHoldingTheQboItemId() {
        Response created = upsert(List.of(input("9001", "qbo_item_id",
                Map.of("name", "Consulting hour", "hs_sku", "CONS-H", "price", "150.00"))), 200);
        String productId = created.path("results[0].id");
        assertEquals(true, created.path("results[0].new"));
        assertEquals("9001", created.path("results[0].properties.qbo_item_id"));

        Response updated = upsert(List.of(input("9001", "qbo_item_id",
                Map.of("name", "Consulting hour (senior)", "hs_sku", "", "price", "175.00")),
                input("9002", "qbo_item_id", Map.of("name", "Travel"))), 200);

        assertEquals(productId, updated.path("results[0].id"));
        assertEquals(false, updated.path("results[0].new"));
        assertEquals(true, updated.path("results[1].new"));
        assertNotEquals(productId, updated.path("results[1].id"));
        hubspot().queryParam("properties", "name,price,hs_sku,qbo_item_id").get("/crm/v3/objects/products/" + productId)
                .then().statusCode(200)
                .body("properties.name", equalTo("Consulting hour (senior)"))
                .body("properties.price", equalTo("175.00"))
                .body("properties.qbo_item_id", equalTo("9001"))
                .body("properties", not(hasKey("hs_sku")));
        hubspot().body(Map.of("properties", List.of("name"), "idProperty", "qbo_item_id",
                        "inputs", List.of(Map.of("id", "9002"))))
                .post("/crm/v3/objects/products/batch/read")
                .then().statusCode(200).body("results.properties.name", contains("Travel"));
    }

    @Test
    void shouldRefuseAnUpsertByAPropertyWithoutUniqueValuesAndWriteNothing() {
        Response r = upsert(List.of(input("9003", "qbo_item_id", Map.of("name", "Fine")),
                input("HW-KIT", "hs_sku", Map.of("name", "Hardware kit v2"))), 400);

        assertEquals("VALIDATION_ERROR", r.path("category"));
        assertEquals("Unable to perform update/upsert by non-unique 0-7 property hs_sku in portal ID 40213377",
                r.path("message"));
        upsert(List.of(input("9003", "no_such_property", Map.of())), 400);
        hubspot().queryParam("limit", 100).get("/crm/v3/objects/products")
                .then().statusCode(200).body("results.size()", equalTo(5));
    }

    @Test
    void shouldRefuseABatchNamingOneValueTwiceOrOverOneHundredInputs() {
        Response duplicate = upsert(List.of(input("9004", "qbo_item_id", Map.of("name", "A")),
                input("9004", "qbo_item_id", Map.of("name", "B"))), 400);
        assertEquals("Duplicate IDs found in batch input: [9004]. IDs must be unique", duplicate.path("message"));

        List<Map<String, Object>> tooMany = new ArrayList<>();
        for (int i = 0; i < 101; i++) {
            tooMany.add(input("x" + i, "qbo_item_id", Map.of("name", "Item " + i)));
        }
        Response limit = upsert(tooMany, 400);
        assertEquals("VALIDATION_ERROR", limit.path("category"));
    }

    @Test
    void shouldCountTheUpsertAsAHubSpotWrite() {
        upsert(List.of(input("9005", "qbo_item_id", Map.of("name", "Counted"))), 200);

        given().get("/_sandbox/stats").then().statusCode(200)
                .body("vendors.hubspot.write", equalTo(1))
                .body("endpoints.'POST /crm/v3/objects/products/batch/upsert'.kind", equalTo("write"));
    }
}
