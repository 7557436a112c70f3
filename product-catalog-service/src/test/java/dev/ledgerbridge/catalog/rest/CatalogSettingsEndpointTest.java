package dev.ledgerbridge.catalog.rest;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.ledgerbridge.catalog.QboStubs;
import dev.ledgerbridge.catalog.WireMockVendors;
import dev.ledgerbridge.catalog.WireMockVendors.InjectWireMock;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/** GET/PUT of a company's catalog settings through the real service, the account check against QBO in WireMock. */
@QuarkusTest
@QuarkusTestResource(WireMockVendors.class)
class CatalogSettingsEndpointTest {

    private static final String REALM = "9130350000000801";
    private static final String PATH = "/v1/companies/" + REALM + "/catalog-settings";

    @InjectWireMock
    WireMockServer wireMock;

    @BeforeEach
    void resetVendors() {
        wireMock.resetAll();
        new QboStubs(wireMock).token(REALM);
        account("79", "Sales of Product Income", "Income", true);
        account("12", "Office Supplies", "Expense", true);
        account("80", "Old Sales", "Income", false);
        // Any other account id: QBO finds nothing.
        wireMock.stubFor(get(urlPathEqualTo(QboStubs.queryPath(REALM))).atPriority(10)
                .withQueryParam("query", containing("FROM Account"))
                .willReturn(okJson("{\"QueryResponse\":{},\"time\":\"2026-11-26T10:00:00.000-08:00\"}")));
    }

    @Test
    void shouldSaveValidSettingsAndShowThem() {
        given().contentType(ContentType.JSON).body("{\"itemType\": \"Service\", \"incomeAccountId\": \"79\"}")
                .when().put(PATH)
                .then().statusCode(200)
                .body("realmId", equalTo(REALM))
                .body("itemType", equalTo("Service"))
                .body("incomeAccountId", equalTo("79"))
                .body("incomeAccountName", equalTo("Sales of Product Income"));

        given().when().get(PATH)
                .then().statusCode(200)
                .body("itemType", equalTo("Service"))
                .body("incomeAccountId", equalTo("79"));
    }

    @Test
    void shouldRefuseAnAccountThatIsNotOfTypeIncome() {
        given().contentType(ContentType.JSON).body("{\"itemType\": \"NonInventory\", \"incomeAccountId\": \"12\"}")
                .when().put(PATH)
                .then().statusCode(422)
                .body("code", equalTo("INVALID_CATALOG_SETTINGS"))
                .body("message", equalTo("Account 12 (Office Supplies) is of type Expense; new products need an"
                        + " account of type Income."));
    }

    @Test
    void shouldRefuseAnInactiveOrUnknownAccountAndAnInventoryType() {
        given().contentType(ContentType.JSON).body("{\"itemType\": \"Service\", \"incomeAccountId\": \"80\"}")
                .when().put(PATH)
                .then().statusCode(422)
                .body("message", containsString("is inactive"));
        given().contentType(ContentType.JSON).body("{\"itemType\": \"Service\", \"incomeAccountId\": \"999\"}")
                .when().put(PATH)
                .then().statusCode(422)
                .body("message", containsString("has no account with id 999"));
        given().contentType(ContentType.JSON).body("{\"itemType\": \"Inventory\", \"incomeAccountId\": \"79\"}")
                .when().put(PATH)
                .then().statusCode(422)
                .body("message", containsString("itemType must be Service or NonInventory"));
    }

    @Test
    void shouldAnswer404ForACompanyWithoutSettingsAnd400ForABadBody() {
        given().when().get("/v1/companies/9130350000000899/catalog-settings")
                .then().statusCode(404)
                .body("code", equalTo("CATALOG_SETTINGS_NOT_FOUND"));
        given().contentType(ContentType.JSON).body("{\"itemType\": \"Service\", \"incomeAccountId\": \"abc\"}")
                .when().put(PATH)
                .then().statusCode(400)
                .body("code", equalTo("INVALID_REQUEST"));
    }

    private void account(String id, String name, String type, boolean active) {
        wireMock.stubFor(get(urlPathEqualTo(QboStubs.queryPath(REALM))).atPriority(1)
                .withQueryParam("query", containing("Id = '" + id + "'"))
                .willReturn(okJson("{\"QueryResponse\":{\"Account\":[{\"Id\":\"" + id + "\",\"SyncToken\":\"0\","
                        + "\"Name\":\"" + name + "\",\"AccountType\":\"" + type + "\",\"Active\":" + active + "}],"
                        + "\"startPosition\":1,\"maxResults\":1},\"time\":\"2026-11-26T10:00:00.000-08:00\"}")));
    }
}
