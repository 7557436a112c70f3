package dev.ledgerbridge.payments.rest;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.ledgerbridge.payments.client.GatewayAccessTokenProvider;
import dev.ledgerbridge.payments.support.DownstreamWireMock;
import dev.ledgerbridge.payments.support.InjectWireMock;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code GET/PUT /v1/companies/{realmId}/payment-settings}: every setting is checked against the company's QBO
 * accounts, vendors and payment methods (QBO and the gateway's token endpoint in WireMock) and refused with the field
 * named; nothing is stored on a refusal.
 */
@QuarkusTest
@QuarkusTestResource(DownstreamWireMock.class)
class PaymentSettingsResourceTest {

    private static final String REALM = "9130350000000001";
    private static final String PATH = "/v1/companies/" + REALM + "/payment-settings";
    private static final String QUERY = "/v3/company/" + REALM + "/query";

    @InjectWireMock
    WireMockServer wireMock;

    @Inject
    GatewayAccessTokenProvider tokens;

    @Inject
    Pool pool;

    @BeforeEach
    void reset() {
        wireMock.resetAll();
        tokens.invalidateAll();
        pool.query("DELETE FROM payment_settings").execute().await().atMost(Duration.ofSeconds(10));
        wireMock.stubFor(get(urlPathMatching("/internal/v1/quickbooks/[0-9]+/access-token"))
                .willReturn(okJson("{\"accessToken\": \"sandbox-qbo-" + REALM + "\", \"expiresAt\": \""
                        + OffsetDateTime.now().plusHours(1) + "\"}")));
        wireMock.stubFor(get(urlPathEqualTo(QUERY)).withQueryParam("query", containing("FROM Account"))
                .willReturn(okJson("""
                        {"QueryResponse": {"Account": [
                          {"Id": "35", "Name": "Checking", "AccountType": "Bank", "Active": true},
                          {"Id": "12", "Name": "Bank Charges", "AccountType": "Expense", "Active": true},
                          {"Id": "41", "Name": "Mastercard", "AccountType": "Credit Card", "Active": true},
                          {"Id": "4", "Name": "Undeposited Funds", "AccountType": "Other Current Asset", "Active": true},
                          {"Id": "79", "Name": "Sales of Product Income", "AccountType": "Income", "Active": true}],
                          "startPosition": 1, "maxResults": 5}}""")));
        wireMock.stubFor(get(urlPathEqualTo(QUERY)).withQueryParam("query", containing("FROM Vendor"))
                .withQueryParam("query", containing("'56'"))
                .willReturn(okJson("{\"QueryResponse\": {\"Vendor\": [{\"Id\": \"56\", \"DisplayName\": \"Stripe\","
                        + " \"Active\": true}], \"startPosition\": 1, \"maxResults\": 1}}")));
        wireMock.stubFor(get(urlPathEqualTo(QUERY)).withQueryParam("query", containing("FROM Vendor"))
                .withQueryParam("query", containing("'57'"))
                .willReturn(okJson("{\"QueryResponse\": {\"Vendor\": [{\"Id\": \"57\", \"DisplayName\": \"Old PSP\","
                        + " \"Active\": false}], \"startPosition\": 1, \"maxResults\": 1}}")));
        wireMock.stubFor(get(urlPathEqualTo(QUERY)).withQueryParam("query", containing("FROM Vendor"))
                .withQueryParam("query", containing("'99'"))
                .willReturn(okJson("{\"QueryResponse\": {}}")));
    }

    @Test
    void shouldAnswerEmptySettingsForACompanyThatSavedNone() {
        given().when().get(PATH).then().statusCode(200)
                .body("depositAccountId", nullValue())
                .body("feeVendorId", nullValue());
    }

    @Test
    void shouldSaveSettingsQboAccepts() {
        put("""
                {"depositAccountId": "35", "feeExpenseAccountId": "12", "feePaymentAccountId": "41",
                 "feeVendorId": "56", "refundFromAccountId": "4"}""")
                .statusCode(200)
                .body("feePaymentAccountId", equalTo("41"));

        given().when().get(PATH).then().statusCode(200)
                .body("depositAccountId", equalTo("35"))
                .body("feeExpenseAccountId", equalTo("12"))
                .body("feePaymentAccountId", equalTo("41"))
                .body("feeVendorId", equalTo("56"))
                .body("refundFromAccountId", equalTo("4"))
                .body("paymentMethodId", nullValue());
        // The four accounts are checked with one query.
        wireMock.verify(1, getRequestedFor(urlPathEqualTo(QUERY)).withQueryParam("query", containing("FROM Account")));
    }

    @Test
    void shouldRefuseAnExpenseAccountThatIsNotOfAnExpenseType() {
        put("{\"feeExpenseAccountId\": \"79\"}")
                .statusCode(422)
                .body("code", equalTo("ACCOUNT_TYPE_NOT_ALLOWED"))
                .body("field", equalTo("feeExpenseAccountId"))
                .body("message", containsString("Income"))
                .body("message", containsString("Sales of Product Income"));

        given().when().get(PATH).then().statusCode(200).body("feeExpenseAccountId", nullValue());
    }

    @Test
    void shouldRefuseADepositOrRefundAccountThatIsNotBankOrOtherCurrentAsset() {
        put("{\"depositAccountId\": \"12\"}")
                .statusCode(422).body("code", equalTo("ACCOUNT_TYPE_NOT_ALLOWED"))
                .body("field", equalTo("depositAccountId")).body("message", containsString("Expense"));
        put("{\"refundFromAccountId\": \"41\"}")
                .statusCode(422).body("code", equalTo("ACCOUNT_TYPE_NOT_ALLOWED"))
                .body("field", equalTo("refundFromAccountId")).body("message", containsString("Credit Card"));
    }

    @Test
    void shouldRefuseAFeePaymentAccountThatCannotPay() {
        put("{\"feePaymentAccountId\": \"4\"}")
                .statusCode(422).body("code", equalTo("ACCOUNT_TYPE_NOT_ALLOWED"))
                .body("field", equalTo("feePaymentAccountId"))
                .body("message", containsString("Other Current Asset"));
    }

    @Test
    void shouldRefuseAnAccountQboDoesNotHave() {
        put("{\"depositAccountId\": \"35\", \"feeExpenseAccountId\": \"404\"}")
                .statusCode(422).body("code", equalTo("ACCOUNT_NOT_FOUND"))
                .body("field", equalTo("feeExpenseAccountId"));
    }

    @Test
    void shouldRefuseAnUnknownOrInactiveVendor() {
        put("{\"feeVendorId\": \"99\"}")
                .statusCode(422).body("code", equalTo("VENDOR_NOT_FOUND")).body("field", equalTo("feeVendorId"));
        put("{\"feeVendorId\": \"57\"}")
                .statusCode(422).body("code", equalTo("VENDOR_INACTIVE")).body("message", containsString("Old PSP"));
    }

    @Test
    void shouldRefuseSettingsOfACompanyThatIsNotConnected() {
        wireMock.stubFor(get(urlPathMatching("/internal/v1/quickbooks/[0-9]+/access-token"))
                .willReturn(aResponse().withStatus(404)));

        put("{\"depositAccountId\": \"35\"}").statusCode(422).body("code", equalTo("COMPANY_NOT_CONNECTED"));
    }

    @Test
    void shouldAskForARetryWhenQboIsDown() {
        wireMock.stubFor(get(urlPathEqualTo(QUERY)).willReturn(aResponse().withStatus(503)));

        put("{\"depositAccountId\": \"35\"}").statusCode(503).header("Retry-After", equalTo("5"))
                .body("code", equalTo("QBO_UNAVAILABLE"));
    }

    @Test
    void shouldRefuseAMalformedIdNamingTheField() {
        put("{\"depositAccountId\": \"checking\"}").statusCode(400).body("code", equalTo("INVALID_REQUEST"))
                .body("message", containsString("depositAccountId"));
    }

    private ValidatableResponse put(String body) {
        return given().contentType(ContentType.JSON).body(body).when().put(PATH).then();
    }
}
