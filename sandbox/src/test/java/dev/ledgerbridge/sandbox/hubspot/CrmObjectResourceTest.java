package dev.ledgerbridge.sandbox.hubspot;

import dev.ledgerbridge.sandbox.admin.SandboxTestProfile;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

@QuarkusTest
@TestProfile(SandboxTestProfile.class)
class CrmObjectResourceTest {

    static RequestSpecification hubspot() {
        return given().auth().oauth2("sandbox-hubspot-40213377").contentType(ContentType.JSON);
    }

    @BeforeEach
    void reset() {
        given().post("/_sandbox/reset").then().statusCode(200);
    }

    @Test
    void shouldReturnDealWithRequestedPropertiesAndContactsInStoredOrder() {
        hubspot().queryParam("properties", "dealname,amount,no_such_property")
                .queryParam("associations", "contacts,line_items")
                .when().get("/crm/v3/objects/deals/301")
                .then().statusCode(200)
                .body("id", equalTo("301"))
                .body("properties.dealname", equalTo("Acme – annual plan"))
                .body("properties.amount", equalTo("15000.00"))
                .body("properties", not(hasKey("no_such_property")))
                .body("properties.hs_object_id", equalTo("301"))
                .body("archived", equalTo(false))
                .body("createdAt", equalTo("2026-01-05T10:00:00.000Z"))
                .body("associations.contacts.results.id", contains("101", "104"))
                .body("associations.contacts.results[0].type", equalTo("deal_to_contact"))
                .body("associations.line_items.results.id", contains("401", "402"));
    }

    @Test
    void shouldAnswer404InHubSpotsErrorFormatForUnknownId() {
        hubspot().when().get("/crm/v3/objects/deals/999999")
                .then().statusCode(404)
                .body("status", equalTo("error"))
                .body("category", equalTo("OBJECT_NOT_FOUND"))
                .body("correlationId", notNullValue())
                .body("message", notNullValue());
    }

    @Test
    void shouldKeepQuoteLineItemsSeparateFromTheDealsOnes() {
        hubspot().queryParam("associations", "line_items,contacts,deals")
                .queryParam("properties", "hs_status,hs_esign_num_signers_required,hs_esign_num_signers_completed,hs_expiration_date")
                .when().get("/crm/v3/objects/quotes/501")
                .then().statusCode(200)
                .body("properties.hs_status", equalTo("APPROVED"))
                .body("properties.hs_esign_num_signers_completed", equalTo("2"))
                .body("properties.hs_expiration_date", notNullValue())
                .body("associations.line_items.results.id", contains("451", "452"))
                .body("associations.contacts.results.id", contains("101"))
                .body("associations.deals.results.id", contains("301"));
    }

    @Test
    void shouldSeedAdHocLineItemWithoutProductId() {
        hubspot().body(Map.of("properties", List.of("name", "hs_product_id", "hs_sku", "quantity", "price", "amount"),
                        "inputs", List.of(Map.of("id", "408"), Map.of("id", "404"))))
                .when().post("/crm/v3/objects/line_items/batch/read")
                .then().statusCode(200)
                .body("status", equalTo("COMPLETE"))
                .body("results.find { it.id == '408' }.properties.hs_sku", equalTo("TRN-DAY"))
                .body("results.find { it.id == '408' }.properties", not(hasKey("hs_product_id")))
                .body("results.find { it.id == '404' }.properties.amount", equalTo("1049.97"))
                .body("results.find { it.id == '404' }.properties.hs_product_id", equalTo("204"));
    }

    @Test
    void shouldAnswer207WithErrorsWhenSomeBatchIdsAreMissing() {
        hubspot().body(Map.of("properties", List.of("name"), "inputs", List.of(Map.of("id", "401"), Map.of("id", "9999"))))
                .when().post("/crm/v3/objects/line_items/batch/read")
                .then().statusCode(207)
                .body("results.id", contains("401"))
                .body("numErrors", equalTo(1))
                .body("errors[0].category", equalTo("OBJECT_NOT_FOUND"))
                .body("errors[0].context.ids", contains("9999"));
    }

    @Test
    void shouldRefuseBatchReadOfMoreThan100Inputs() {
        List<Map<String, String>> inputs = new ArrayList<>();
        for (int i = 0; i < 101; i++) {
            inputs.add(Map.of("id", Integer.toString(400 + i)));
        }
        hubspot().body(Map.of("properties", List.of("name"), "inputs", inputs))
                .when().post("/crm/v3/objects/line_items/batch/read")
                .then().statusCode(400)
                .body("category", equalTo("VALIDATION_ERROR"));
    }

    @Test
    void shouldUpdateDealPropertiesWithPatch() {
        hubspot().body(Map.of("properties", Map.of("qbo_invoice_id", "1207")))
                .when().patch("/crm/v3/objects/deals/302")
                .then().statusCode(200)
                .body("properties.qbo_invoice_id", equalTo("1207"));
        hubspot().queryParam("properties", "qbo_invoice_id,dealname")
                .when().get("/crm/v3/objects/deals/302")
                .then().body("properties.qbo_invoice_id", equalTo("1207"))
                .body("properties.dealname", equalTo("O'Brien payment link"));
        hubspot().body(Map.of("properties", Map.of("x", "1"))).when().patch("/crm/v3/objects/deals/424242")
                .then().statusCode(404);
    }

    @Test
    void shouldCreateNoteAssociatedWithDeal() {
        String id = hubspot().body(Map.of(
                        "properties", Map.of("hs_timestamp", "2026-03-02T10:00:00Z", "hs_note_body", "QuickBooks invoice 1207 created"),
                        "associations", List.of(Map.of("to", Map.of("id", "301"),
                                "types", List.of(Map.of("associationCategory", "HUBSPOT_DEFINED", "associationTypeId", 214))))))
                .when().post("/crm/v3/objects/notes")
                .then().statusCode(201)
                .body("properties.hs_note_body", equalTo("QuickBooks invoice 1207 created"))
                .extract().path("id");
        hubspot().when().get("/crm/v4/objects/deals/301/associations/notes")
                .then().statusCode(200)
                .body("results.toObjectId", contains(id))
                .body("results[0].associationTypes[0].typeId", equalTo(213));
    }

    @Test
    void shouldAnswerUnreadableJsonInHubSpotsErrorFormat() {
        hubspot().body("{not json").when().post("/crm/v3/objects/deals/search")
                .then().statusCode(400)
                .body("category", equalTo("VALIDATION_ERROR"))
                .body("correlationId", notNullValue());
    }

    @Test
    void shouldRefuseNoteWithoutTimestamp() {
        hubspot().body(Map.of("properties", Map.of("hs_note_body", "x"))).when().post("/crm/v3/objects/notes")
                .then().statusCode(400).body("category", equalTo("VALIDATION_ERROR"));
    }

    @Test
    void shouldFindDecomposedContactNameWithComposedSearchValue() {
        search("contacts", Map.of("filterGroups", List.of(group(filter("firstname", "EQ", "Zoë"), filter("lastname", "EQ", "ånd"))),
                "properties", List.of("firstname", "email")))
                .body("total", equalTo(1))
                .body("results[0].id", equalTo("103"))
                .body("results[0].properties.email", equalTo("zoe@example.com"));
    }

    @Test
    void shouldApplySearchOperators() {
        search("contacts", Map.of("filterGroups", List.of(group(filter("lastname", "EQ", "Smith"))), "properties", List.of("email")))
                .body("results.id", contains("104", "105"));
        search("contacts", Map.of("filterGroups", List.of(group(filter("lastname", "EQ", "D'Arcy \\ Sons")))))
                .body("results.id", contains("107"));
        search("deals", Map.of("filterGroups", List.of(group(filter("dealname", "CONTAINS_TOKEN", "link")))))
                .body("results.id", contains("302"));
        search("deals", Map.of("filterGroups", List.of(group(filter("dealname", "CONTAINS_TOKEN", "payment link")))))
                .body("results.id", contains("302"));
        search("contacts", Map.of("filterGroups", List.of(group(Map.of("propertyName", "email", "operator", "IN",
                "values", List.of("ada@example.com", "grace@example.com"))))))
                .body("results.id", contains("101", "106"));
        search("contacts", Map.of("filterGroups", List.of(group(filter("lastname", "NEQ", "Smith"))), "limit", 100))
                .body("results.id", not(org.hamcrest.Matchers.hasItem("104")))
                .body("total", equalTo(6));
        search("line_items", Map.of("filterGroups", List.of(group(Map.of("propertyName", "hs_tax_rate_group_id", "operator", "HAS_PROPERTY")))))
                .body("results.id", contains("466"));
        search("line_items", Map.of("filterGroups", List.of(group(Map.of("propertyName", "hs_product_id", "operator", "NOT_HAS_PROPERTY")))))
                .body("results.id", contains("408"));
        // Groups are OR-ed.
        search("deals", Map.of("filterGroups", List.of(group(filter("dealname", "EQ", "Custom work")), group(filter("dealname", "EQ", "No contact deal")))))
                .body("results.id", containsInAnyOrder("304", "305"));
    }

    @Test
    void shouldPageSearchResults() {
        search("contacts", Map.of("limit", 3))
                .body("total", equalTo(8))
                .body("results.id", contains("101", "102", "103"))
                .body("paging.next.after", equalTo("3"));
        search("contacts", Map.of("limit", 3, "after", "6"))
                .body("results.id", contains("107", "108"))
                .body("paging", nullValue());
    }

    @Test
    void shouldRefuseSearchOverHubSpotsFilterLimits() {
        List<Object> groups = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            groups.add(group(filter("email", "EQ", "x" + i)));
        }
        hubspot().body(Map.of("filterGroups", groups)).when().post("/crm/v3/objects/contacts/search")
                .then().statusCode(400).body("category", equalTo("VALIDATION_ERROR"));
        List<Object> eleven = new ArrayList<>();
        for (int i = 0; i < 11; i++) {
            eleven.add(filter("email", "EQ", "x" + i));
        }
        hubspot().body(Map.of("filterGroups", List.of(Map.of("filters", eleven)))).when().post("/crm/v3/objects/contacts/search")
                .then().statusCode(400);
        List<Object> tenTenSix = new ArrayList<>();
        for (int g = 0; g < 3; g++) {
            List<Object> filters = new ArrayList<>();
            for (int i = 0; i < (g < 2 ? 10 : 6); i++) {
                filters.add(filter("email", "EQ", "x" + i));
            }
            tenTenSix.add(Map.of("filters", filters));
        }
        hubspot().body(Map.of("filterGroups", tenTenSix)).when().post("/crm/v3/objects/contacts/search")
                .then().statusCode(400);
    }

    @Test
    void shouldSeedCommercePaymentsWithSourcesFeesAndRefunds() {
        hubspot().body(Map.of("properties", List.of("hs_payment_source_app", "hs_fees_amount", "hs_refunds_amount",
                        "hs_latest_status", "hs_initial_amount", "hs_currency_code"),
                        "inputs", List.of(Map.of("id", "602"), Map.of("id", "603"), Map.of("id", "604"), Map.of("id", "605"))))
                .when().post("/crm/v3/objects/commerce_payments/batch/read")
                .then().statusCode(200)
                .body("results.find { it.id == '602' }.properties.hs_payment_source_app", equalTo("INVOICE"))
                .body("results.find { it.id == '603' }.properties.hs_fees_amount", equalTo("43.80"))
                .body("results.find { it.id == '604' }.properties.hs_latest_status", equalTo("refunded"))
                .body("results.find { it.id == '605' }.properties.hs_refunds_amount", equalTo("500.00"))
                .body("results.find { it.id == '605' }.properties.hs_currency_code", equalTo("USD"));
        hubspot().when().get("/crm/v4/objects/commerce_payments/606/associations/line_items")
                .then().body("results[0].toObjectId", equalTo("466"))
                .body("results[0].associationTypes[0].typeId", equalTo(395));
        hubspot().when().get("/crm/v4/objects/commerce_payments/606/associations/contacts")
                .then().body("results[0].associationTypes[0].typeId", equalTo(387));
    }

    @Test
    void shouldListObjectsWithPaging() {
        hubspot().queryParam("limit", 2).when().get("/crm/v3/objects/products")
                .then().statusCode(200)
                .body("results.id", contains("201", "202"))
                .body("paging.next.after", equalTo("2"));
    }

    private static io.restassured.response.ValidatableResponse search(String type, Map<String, Object> body) {
        return hubspot().body(body).when().post("/crm/v3/objects/" + type + "/search").then().statusCode(200);
    }

    static Map<String, Object> filter(String property, String operator, String value) {
        return Map.of("propertyName", property, "operator", operator, "value", value);
    }

    static Map<String, Object> group(Map<String, Object>... filters) {
        return Map.of("filters", List.of(filters));
    }
}
