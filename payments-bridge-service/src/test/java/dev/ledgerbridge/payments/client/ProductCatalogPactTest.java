package dev.ledgerbridge.payments.client;

import static au.com.dius.pact.consumer.dsl.LambdaDsl.newJsonBody;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import au.com.dius.pact.consumer.dsl.PactDslWithProvider;
import au.com.dius.pact.consumer.junit5.PactConsumerTestExt;
import au.com.dius.pact.consumer.junit5.PactTestFor;
import au.com.dius.pact.core.model.PactSpecVersion;
import au.com.dius.pact.core.model.V4Pact;
import au.com.dius.pact.core.model.annotations.Pact;
import au.com.dius.pact.core.model.annotations.PactDirectory;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Map;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Consumer side of payments-bridge -> product-catalog-service (issue 7, style guide 18), through the real
 * {@link ProductCatalogApi} client: a payment's line item resolved by SKU, and an unmatched one refused. The body is
 * the one the gateway builds, forwarded unchanged; the states are the ones product-catalog already knows.
 */
@QuarkusTest
@TestProfile(PactMockServerProfile.class)
@ExtendWith(PactConsumerTestExt.class)
@PactTestFor(providerName = ProductCatalogPactTest.PROVIDER, hostInterface = PactMockServerProfile.HOST,
        port = PactMockServerProfile.PORT, pactVersion = PactSpecVersion.V4)
@PactDirectory("target/pacts")
class ProductCatalogPactTest {

    static final String PROVIDER = "product-catalog-service";
    private static final String REALM = "9130350000000001";
    private static final long PORTAL = 40213377L;
    private static final Map<String, String> JSON = Map.of("Content-Type", "application/json");

    @Inject
    @RestClient
    ProductCatalogApi api;

    @Inject
    ObjectMapper mapper;

    // Money and quantities are plain JSON numbers, as HubSpot has them: a decimal matcher would demand a fraction.
    @Pact(consumer = ContactSyncPactTest.CONSUMER, provider = PROVIDER)
    V4Pact resolvesThePaymentsLineItemBySku(PactDslWithProvider builder) {
        return builder
                .given("the US company has an item with SKU SUB-ANNUAL")
                .uponReceiving("a request to resolve a payment's line item whose SKU is in QuickBooks")
                .method("POST").path("/v1/line-items/resolve")
                .headers(JSON)
                .matchHeader(ServiceHeaders.CORRELATION_ID, "[ -~]{1,200}", "ap-pay-pact-catalog-1")
                .body(newJsonBody(body -> {
                    body.stringMatcher("realmId", "[0-9]{1,32}", REALM);
                    body.integerType("portalId", (int) PORTAL);
                    body.booleanValue("createMissing", false);
                    body.minArrayLike("lineItems", 1, line -> {
                        line.stringType("id", "463");
                        line.stringType("name", "Annual Subscription");
                        line.stringType("sku", "SUB-ANNUAL");
                        line.stringType("productId", "202");
                        line.numberType("quantity", 1);
                        line.numberType("price", new BigDecimal("1500.00"));
                    });
                }).build())
                .willRespondWith()
                .status(200)
                .headers(JSON)
                .body(newJsonBody(body -> body.minArrayLike("lines", 1, line -> {
                    line.stringType("lineItemId", "463");
                    line.stringMatcher("itemId", "[0-9]{1,32}", "2");
                    line.stringType("itemName", "Annual Subscription");
                    line.stringMatcher("matchedBy", "PRODUCT_LINK|SKU|NAME|CREATED", "SKU");
                    line.numberType("quantity", 1);
                    line.numberType("unitPrice", new BigDecimal("1500.00"));
                    line.numberType("amount", new BigDecimal("1500.00"));
                })).build())
                .toPact(V4Pact.class);
    }

    @Pact(consumer = ContactSyncPactTest.CONSUMER, provider = PROVIDER)
    V4Pact refusesAnUnmatchedLineItem(PactDslWithProvider builder) {
        return builder
                .given("no item of the US company has SKU CUS-INT or name Custom Integration")
                .uponReceiving("a request to resolve a payment's line item that matches no QuickBooks product")
                .method("POST").path("/v1/line-items/resolve")
                .headers(JSON)
                .matchHeader(ServiceHeaders.CORRELATION_ID, "[ -~]{1,200}", "ap-pay-pact-catalog-2")
                .body(newJsonBody(body -> {
                    body.stringMatcher("realmId", "[0-9]{1,32}", REALM);
                    body.integerType("portalId", (int) PORTAL);
                    body.booleanValue("createMissing", false);
                    body.minArrayLike("lineItems", 1, line -> {
                        line.stringType("id", "464");
                        line.stringType("name", "Custom Integration");
                        line.stringType("sku", "CUS-INT");
                        line.stringType("productId", "203");
                        line.numberType("quantity", 1);
                        line.numberType("price", new BigDecimal("3000.00"));
                    });
                }).build())
                .willRespondWith()
                .status(422)
                .headers(JSON)
                .body(newJsonBody(body -> {
                    body.stringValue("code", "UNMATCHED_LINE_ITEMS");
                    body.stringType("message", "No QuickBooks product matches 1 line item: Custom Integration"
                            + " (SKU CUS-INT, quantity 1). Create it in QuickBooks or turn on 'Create missing"
                            + " products'.");
                }).build())
                .toPact(V4Pact.class);
    }

    @Test
    @PactTestFor(pactMethod = "resolvesThePaymentsLineItemBySku")
    void shouldReadTheResolvedLines() throws Exception {
        ResolvedLineItems resolved = api.resolve("ap-pay-pact-catalog-1", body("463", "Annual Subscription",
                "SUB-ANNUAL", "202", "1500.00")).await().atMost(Duration.ofSeconds(10));

        assertEquals(1, resolved.lines().size());
        ResolvedLineItems.Line line = resolved.lines().get(0);
        assertEquals("2", line.itemId());
        assertEquals(0, new BigDecimal("1500.00").compareTo(line.unitPrice()));
    }

    @Test
    @PactTestFor(pactMethod = "refusesAnUnmatchedLineItem")
    void shouldTurnAnUnmatchedLineItemIntoARefusal() throws Exception {
        JsonNode request = body("464", "Custom Integration", "CUS-INT", "203", "3000.00");

        ServiceRefusalException refusal = assertThrows(ServiceRefusalException.class,
                () -> api.resolve("ap-pay-pact-catalog-2", request).await().atMost(Duration.ofSeconds(10)));

        assertEquals(422, refusal.httpStatus());
        assertEquals("UNMATCHED_LINE_ITEMS", refusal.code());
    }

    private JsonNode body(String id, String name, String sku, String productId, String price) throws Exception {
        return mapper.readTree("""
                {"realmId": "9130350000000001", "portalId": 40213377, "createMissing": false,
                 "lineItems": [{"id": "%s", "name": "%s", "sku": "%s", "productId": "%s", "quantity": 1,
                                "price": %s}]}""".formatted(id, name, sku, productId, price));
    }
}
