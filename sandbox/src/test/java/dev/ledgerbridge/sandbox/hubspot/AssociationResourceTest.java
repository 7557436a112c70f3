package dev.ledgerbridge.sandbox.hubspot;

import dev.ledgerbridge.sandbox.admin.SandboxTestProfile;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static dev.ledgerbridge.sandbox.hubspot.CrmObjectResourceTest.hubspot;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;

@QuarkusTest
@TestProfile(SandboxTestProfile.class)
class AssociationResourceTest {

    @BeforeEach
    void reset() {
        given().post("/_sandbox/reset").then().statusCode(200);
    }

    @Test
    void shouldListAssociatedContactsInInsertionOrderWithTypeIds() {
        hubspot().when().get("/crm/v4/objects/deals/306/associations/contacts")
                .then().statusCode(200)
                .body("results.toObjectId", contains("107", "101"))
                .body("results[0].associationTypes[0].category", equalTo("HUBSPOT_DEFINED"))
                .body("results[0].associationTypes[0].typeId", equalTo(3));
        hubspot().when().get("/crm/v4/objects/contacts/101/associations/deals")
                .then().body("results.toObjectId", contains("301", "306"))
                .body("results[0].associationTypes[0].typeId", equalTo(4));
        hubspot().when().get("/crm/v4/objects/deals/305/associations/contacts")
                .then().statusCode(200).body("results", empty());
    }

    @Test
    void shouldPageAssociationsWithLimitAndAfter() {
        hubspot().queryParam("limit", 1).when().get("/crm/v4/objects/deals/301/associations/line_items")
                .then().body("results.toObjectId", contains("401"))
                .body("paging.next.after", equalTo("1"));
        hubspot().queryParam("limit", 1).queryParam("after", "1").when().get("/crm/v4/objects/deals/301/associations/line_items")
                .then().body("results.toObjectId", contains("402"))
                .body("paging", nullValue());
    }

    @Test
    void shouldBatchReadAssociations() {
        hubspot().body(Map.of("inputs", List.of(Map.of("id", "301"), Map.of("id", "305"))))
                .when().post("/crm/v4/associations/deals/contacts/batch/read")
                .then().statusCode(200)
                .body("status", equalTo("COMPLETE"))
                .body("results[0].from.id", equalTo("301"))
                .body("results[0].to.toObjectId", contains("101", "104"))
                .body("results[1].to", empty());
    }

    @Test
    void shouldCreateDefaultAssociationInBothDirections() {
        hubspot().when().put("/crm/v4/objects/deals/305/associations/default/contacts/102")
                .then().statusCode(200)
                .body("status", equalTo("COMPLETE"))
                .body("results[0].associationSpec.associationTypeId", equalTo(3))
                .body("results[1].associationSpec.associationTypeId", equalTo(4));
        hubspot().when().get("/crm/v4/objects/contacts/102/associations/deals")
                .then().body("results.toObjectId", contains("302", "305"));
    }

    @Test
    void shouldCreateLabelledAssociationAndRefuseWrongTypeId() {
        hubspot().body(List.of(Map.of("associationCategory", "HUBSPOT_DEFINED", "associationTypeId", 3)))
                .when().put("/crm/v4/objects/deals/305/associations/contacts/103")
                .then().statusCode(201)
                .body("fromObjectTypeId", equalTo("0-3"))
                .body("toObjectId", equalTo("103"));
        hubspot().when().get("/crm/v4/objects/deals/305/associations/contacts")
                .then().body("results.toObjectId", contains("103"));
        hubspot().body(List.of(Map.of("associationCategory", "HUBSPOT_DEFINED", "associationTypeId", 19)))
                .when().put("/crm/v4/objects/deals/305/associations/contacts/103")
                .then().statusCode(400).body("category", equalTo("VALIDATION_ERROR"));
        hubspot().body(List.of(Map.of("associationCategory", "HUBSPOT_DEFINED", "associationTypeId", 3)))
                .when().put("/crm/v4/objects/deals/305/associations/contacts/999")
                .then().statusCode(404).body("category", equalTo("OBJECT_NOT_FOUND"));
    }

    @Test
    void shouldRemoveAssociation() {
        hubspot().when().delete("/crm/v4/objects/deals/301/associations/contacts/101").then().statusCode(204);
        hubspot().when().get("/crm/v4/objects/deals/301/associations/contacts")
                .then().body("results.toObjectId", contains("104"));
    }

    @Test
    void shouldDescribeAssociationTypesThroughLabelsEndpoint() {
        hubspot().when().get("/crm/v4/associations/deals/line_items/labels")
                .then().statusCode(200).body("results.typeId", contains(19));
        hubspot().when().get("/crm/v4/associations/commerce_payments/contacts/labels")
                .then().body("results.typeId", contains(387));
        hubspot().when().get("/crm/v4/associations/quotes/line_items/labels")
                .then().body("results.typeId", hasItem(67));
        hubspot().when().get("/crm/v4/associations/notes/deals/labels")
                .then().body("results.typeId", contains(214));
    }

    @Test
    void shouldCarryThePortalsPrimaryLabelOnAUserDefinedDealToContactAssociation() {
        hubspot().when().get("/crm/v4/associations/deals/contacts/labels")
                .then().statusCode(200).body("results.typeId", contains(3, 1001))
                .body("results[1].category", equalTo("USER_DEFINED"))
                .body("results[1].label", equalTo("Primary"));
        hubspot().body(List.of(Map.of("associationCategory", "USER_DEFINED", "associationTypeId", 1001)))
                .when().put("/crm/v4/objects/deals/301/associations/contacts/104")
                .then().statusCode(201);
        hubspot().when().get("/crm/v4/objects/deals/301/associations/contacts")
                .then().body("results.toObjectId", contains("101", "104"))
                .body("results[1].associationTypes.label", hasItem("Primary"));
    }
}
