package dev.ledgerbridge.catalog.rest;

import dev.ledgerbridge.catalog.AmbiguousLineItem;
import dev.ledgerbridge.catalog.CatalogItem;
import dev.ledgerbridge.catalog.LineItem;
import dev.ledgerbridge.catalog.LineItemRefusal;
import dev.ledgerbridge.catalog.MatchedBy;
import dev.ledgerbridge.catalog.ResolveLineItemsCommand;
import dev.ledgerbridge.catalog.ResolvedLine;
import dev.ledgerbridge.catalog.WireMockVendors;
import dev.ledgerbridge.catalog.client.AccessTokenUnavailableException;
import dev.ledgerbridge.catalog.client.CompanyNotConnectedException;
import dev.ledgerbridge.catalog.service.LineItemResolver;
import dev.ledgerbridge.quickbooks.QboError;
import dev.ledgerbridge.quickbooks.QboFaultException;
import io.quarkus.test.InjectMock;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.smallrye.mutiny.CompositeException;
import io.smallrye.mutiny.Uni;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

import java.math.BigDecimal;
import java.util.List;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

/** The HTTP edge of line-item resolution, with the resolver mocked: request mapping, answers and error bodies. */
@QuarkusTest
@QuarkusTestResource(WireMockVendors.class)
class LineItemResourceTest {

    private static final String PATH = "/v1/line-items/resolve";
    private static final String BODY = """
            {"realmId": "9130350000000001", "portalId": 40213377, "lineItems": [
              {"id": "401", "name": "Annual Subscription", "sku": "SUB-ANNUAL", "productId": "202", "quantity": 1,
               "price": 12000.00},
              {"id": "402", "name": "Onboarding Package", "sku": "ONB-001", "productId": "201", "quantity": 2,
               "price": 1500.00}]}""";

    @InjectMock
    LineItemResolver resolver;

    @Test
    void shouldAnswerTheResolvedLinesInRequestOrder() {
        when(resolver.resolve(any())).thenReturn(Uni.createFrom().item(List.of(
                new ResolvedLine("401", "2", "Annual Subscription", MatchedBy.SKU),
                new ResolvedLine("402", "1", "Onboarding Package", MatchedBy.NAME))));

        given().contentType(ContentType.JSON).body(BODY)
                .when().post(PATH)
                .then().statusCode(200)
                .body("lines.size()", equalTo(2))
                .body("lines[0].lineItemId", equalTo("401"))
                .body("lines[0].itemId", equalTo("2"))
                .body("lines[0].itemName", equalTo("Annual Subscription"))
                .body("lines[0].matchedBy", equalTo("SKU"))
                .body("lines[1].lineItemId", equalTo("402"))
                .body("lines[1].matchedBy", equalTo("NAME"));
    }

    @Test
    void shouldHandTheLineItemsAndCorrelationIdToTheResolver() {
        when(resolver.resolve(any())).thenReturn(Uni.createFrom().item(List.of()));

        given().contentType(ContentType.JSON).header("X-LedgerBridge-Correlation-Id", "ap-1234").body(BODY)
                .when().post(PATH)
                .then().statusCode(200);

        ArgumentCaptor<ResolveLineItemsCommand> command = ArgumentCaptor.forClass(ResolveLineItemsCommand.class);
        verify(resolver).resolve(command.capture());
        assertEquals(new ResolveLineItemsCommand("9130350000000001", 40213377L, List.of(
                new LineItem("401", "Annual Subscription", "SUB-ANNUAL", "202", new BigDecimal("1"),
                        new BigDecimal("12000.00")),
                new LineItem("402", "Onboarding Package", "ONB-001", "201", new BigDecimal("2"),
                        new BigDecimal("1500.00"))), "ap-1234"), command.getValue());
    }

    @Test
    void shouldAnswerEachLinesExactQuantityUnitPriceAndAmount() {
        when(resolver.resolve(any())).thenReturn(Uni.createFrom().item(List.of(
                new ResolvedLine("401", "2", "Annual Subscription", MatchedBy.PRODUCT_LINK),
                new ResolvedLine("402", "1", "Onboarding Package", MatchedBy.CREATED))));

        given().contentType(ContentType.JSON).body("""
                {"realmId": "9130350000000001", "portalId": 40213377, "lineItems": [
                  {"id": "401", "name": "Annual Subscription", "quantity": 1, "price": 12000.00, "discount": 500},
                  {"id": "402", "name": "Onboarding Package", "quantity": 3, "price": 2.125}]}""")
                .when().post(PATH)
                .then().statusCode(200)
                .body("lines[0].matchedBy", equalTo("PRODUCT_LINK"))
                .body("lines[0].quantity", equalTo(1))
                .body("lines[0].unitPrice", equalTo(11500))
                .body("lines[0].amount", equalTo(11500.00f))
                .body("lines[0].amountNote", nullValue())
                .body("lines[1].matchedBy", equalTo("CREATED"))
                .body("lines[1].quantity", equalTo(1))
                .body("lines[1].unitPrice", equalTo(6.38f))
                .body("lines[1].amountNote", equalTo("3 x 2.125"));
    }

    @Test
    void shouldRefuseLinesQuickBooksCannotPriceBeforeResolvingAnything() {
        given().contentType(ContentType.JSON).body("""
                {"realmId": "9130350000000001", "portalId": 40213377, "createMissing": true, "lineItems": [
                  {"id": "401", "name": "Annual Subscription", "quantity": 0, "price": 12000.00}]}""")
                .when().post(PATH)
                .then().statusCode(422)
                .body("code", equalTo("INVALID_LINE_AMOUNTS"))
                .body("message", equalTo("QuickBooks cannot take this line item: Annual Subscription: quantity 0"
                        + " must be greater than zero. Correct the line items in HubSpot."));

        verify(resolver, never()).resolve(any());
    }

    @Test
    void shouldHandTheCreateMissingChoiceAndProductFieldsToTheResolver() {
        when(resolver.resolve(any())).thenReturn(Uni.createFrom().item(List.of()));

        given().contentType(ContentType.JSON).body("""
                {"realmId": "9130350000000001", "portalId": 40213377, "createMissing": true, "lineItems": [
                  {"id": "401", "name": "Plan", "productId": "202", "qboItemId": "2", "description": "Yearly",
                   "quantity": 1, "price": 100, "discountPercentage": 10}]}""")
                .when().post(PATH)
                .then().statusCode(200);

        ArgumentCaptor<ResolveLineItemsCommand> command = ArgumentCaptor.forClass(ResolveLineItemsCommand.class);
        verify(resolver).resolve(command.capture());
        assertEquals(new ResolveLineItemsCommand("9130350000000001", 40213377L, List.of(
                new LineItem("401", "Plan", null, "202", BigDecimal.ONE, new BigDecimal("100"), "2", "Yearly", null,
                        BigDecimal.TEN)), null, true), command.getValue());
    }

    @Test
    void shouldAnswer422UnmatchedWithTheListAndTheMessage() {
        LineItem custom = new LineItem("501", "Custom Integration", "CUS-INT", "205", BigDecimal.ONE, null);
        when(resolver.resolve(any())).thenReturn(Uni.createFrom().failure(LineItemRefusal.unmatched(List.of(custom))));

        given().contentType(ContentType.JSON).body(BODY)
                .when().post(PATH)
                .then().statusCode(422)
                .body("code", equalTo("UNMATCHED_LINE_ITEMS"))
                .body("message", equalTo("No QuickBooks product matches 1 line item: Custom Integration"
                        + " (SKU CUS-INT, quantity 1). Create it in QuickBooks or turn on 'Create missing products'."))
                .body("unmatched[0].lineItemId", equalTo("501"))
                .body("unmatched[0].name", equalTo("Custom Integration"))
                .body("unmatched[0].sku", equalTo("CUS-INT"))
                .body("unmatched[0].quantity", equalTo(1))
                .body("ambiguous", nullValue())
                .body("qboCode", nullValue());
    }

    @Test
    void shouldAnswer422AmbiguousNamingBothItems() {
        LineItem line = new LineItem("401", "Annual Subscription", "SUB-ANNUAL", null, BigDecimal.ONE, null);
        when(resolver.resolve(any())).thenReturn(Uni.createFrom().failure(LineItemRefusal.ambiguous(List.of(
                new AmbiguousLineItem(line, MatchedBy.SKU, List.of(
                        new CatalogItem("2", "Annual Subscription", "SUB-ANNUAL", "Service"),
                        new CatalogItem("12", "Annual Plan", "SUB-ANNUAL", "Service")))))));

        given().contentType(ContentType.JSON).body(BODY)
                .when().post(PATH)
                .then().statusCode(422)
                .body("code", equalTo("AMBIGUOUS_LINE_ITEMS"))
                .body("message", containsString("\"Annual Subscription\" (id 2) and \"Annual Plan\" (id 12)"))
                .body("ambiguous[0].lineItemId", equalTo("401"))
                .body("ambiguous[0].matchedBy", equalTo("SKU"))
                .body("ambiguous[0].candidates.itemId", equalTo(List.of("2", "12")));
    }

    @Test
    void shouldAnswer422NoLineItems() {
        when(resolver.resolve(any())).thenReturn(Uni.createFrom().failure(LineItemRefusal.noLineItems()));

        given().contentType(ContentType.JSON)
                .body("{\"realmId\": \"9130350000000001\", \"portalId\": 40213377, \"lineItems\": []}")
                .when().post(PATH)
                .then().statusCode(422)
                .body("code", equalTo("NO_LINE_ITEMS"));
    }

    @Test
    void shouldAnswer400NamingTheFieldOfAnInvalidLineItem() {
        given().contentType(ContentType.JSON)
                .body("{\"realmId\": \"9130350000000001\", \"portalId\": 40213377,"
                        + " \"lineItems\": [{\"id\": \" \", \"name\": \"A\", \"quantity\": 1}]}")
                .when().post(PATH)
                .then().statusCode(400)
                .body("code", equalTo("INVALID_REQUEST"))
                .body("message", equalTo("lineItems[0].id must not be blank"));

        verify(resolver, never()).resolve(any());
    }

    @Test
    void shouldAnswer400ForACorrelationIdQboCouldNotCarry() {
        given().contentType(ContentType.JSON).header("X-LedgerBridge-Correlation-Id", "x".repeat(201)).body(BODY)
                .when().post(PATH)
                .then().statusCode(400)
                .body("code", equalTo("INVALID_REQUEST"))
                .body("message", equalTo("header X-LedgerBridge-Correlation-Id must be 1-200 printable ASCII characters"));

        verify(resolver, never()).resolve(any());
    }

    @Test
    void shouldAnswer400ForARealmIdThatIsNotNumeric() {
        given().contentType(ContentType.JSON)
                .body("{\"realmId\": \"9130' OR 1=1\", \"portalId\": 40213377, \"lineItems\": []}")
                .when().post(PATH)
                .then().statusCode(400)
                .body("code", equalTo("INVALID_REQUEST"))
                .body("message", equalTo("realmId must be a QuickBooks company id (digits only)"));
    }

    @Test
    void shouldAnswer400ForAMissingQuantityAndAMissingList() {
        given().contentType(ContentType.JSON)
                .body("{\"realmId\": \"9130350000000001\", \"portalId\": 40213377}")
                .when().post(PATH)
                .then().statusCode(400)
                .body("code", equalTo("INVALID_REQUEST"))
                .body("message", equalTo("lineItems must not be null"));
    }

    @Test
    void shouldAnswer400ForABodyThatIsNotJson() {
        given().contentType(ContentType.JSON).body("{\"realmId\": ")
                .when().post(PATH)
                .then().statusCode(400)
                .body("code", equalTo("INVALID_REQUEST"))
                .body("message", containsString("the body is not valid JSON"));
    }

    @Test
    void shouldAnswer400ForAQuantityThatIsNotANumber() {
        given().contentType(ContentType.JSON)
                .body("{\"realmId\": \"9130350000000001\", \"portalId\": 40213377,"
                        + " \"lineItems\": [{\"id\": \"401\", \"quantity\": \"lots\"}]}")
                .when().post(PATH)
                .then().statusCode(400)
                .body("code", equalTo("INVALID_REQUEST"))
                .body("message", equalTo("lineItems[0].quantity must be a number"));
    }

    @Test
    void shouldRefuseWithTheQboCodeWhenQboRejectsTheLookup() {
        when(resolver.resolve(any())).thenReturn(Uni.createFrom().failure(new QboFaultException(400, "ValidationFault",
                List.of(new QboError("Error parsing query", "QueryParserError", "4000", null)), "tid-1")));

        given().contentType(ContentType.JSON).body(BODY)
                .when().post(PATH)
                .then().statusCode(422)
                .body("code", equalTo("QBO_REJECTED"))
                .body("qboCode", equalTo("4000"))
                .body("qboMessage", equalTo("Error parsing query"))
                .body("message", equalTo("QuickBooks could not look up products: Error parsing query"
                        + " (QuickBooks error 4000)."));
    }

    @Test
    void shouldAnswer503WithRetryAfterWhenQboThrottles() {
        when(resolver.resolve(any())).thenReturn(Uni.createFrom().failure(
                new QboFaultException(429, null, List.of(), null)));

        given().contentType(ContentType.JSON).body(BODY)
                .when().post(PATH)
                .then().statusCode(503)
                .header("Retry-After", "30")
                .body("code", equalTo("QBO_THROTTLED"));
    }

    @Test
    void shouldAnswer422WhenTheCompanyIsNotConnected() {
        when(resolver.resolve(any())).thenReturn(Uni.createFrom().failure(
                new CompanyNotConnectedException("9130350000000001")));

        given().contentType(ContentType.JSON).body(BODY)
                .when().post(PATH)
                .then().statusCode(422)
                .body("code", equalTo("COMPANY_NOT_CONNECTED"));
    }

    @Test
    void shouldAnswer503WhenNoTokenCanBeHad() {
        when(resolver.resolve(any())).thenReturn(Uni.createFrom().failure(
                new AccessTokenUnavailableException("9130350000000001", new RuntimeException("connection refused"))));

        given().contentType(ContentType.JSON).body(BODY)
                .when().post(PATH)
                .then().statusCode(503)
                .body("code", equalTo("TOKEN_UNAVAILABLE"));
    }

    @Test
    void shouldMapTheFirstCauseOfACompositeFailure() {
        when(resolver.resolve(any())).thenReturn(Uni.createFrom().failure(new CompositeException(
                LineItemRefusal.noLineItems(), new IllegalStateException("recovery failed too"))));

        given().contentType(ContentType.JSON).body(BODY)
                .when().post(PATH)
                .then().statusCode(422)
                .body("code", equalTo("NO_LINE_ITEMS"));
    }
}
