package dev.ledgerbridge.e2e;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Product sync to HubSpot end to end (issue 5): a QBO item of the US company, created for this test with a unique
 * name, reaches the sandbox's HubSpot product library with its {@code qbo_item_id} after one catalog sync; a deal
 * line item created from that product under another name is invoiced with that item (matched by the product link,
 * since neither name nor SKU could match). Only the US company is used: the Canadian one carries 5,000 seeded items
 * in {@code ProductCatalogEndToEndIT}, whose upsert would spend HubSpot's rate limit the other tests share.
 */
class ProductSyncEndToEndIT {

    private static final String REALM = SuiteHttp.US_REALM;

    private static URI sandbox;
    private static URI catalog;
    private static SuiteHttp http;

    @BeforeAll
    static void launch() {
        SuiteLauncher suite = E2eSuite.suite();
        http = E2eSuite.http();
        sandbox = suite.url(SuiteApp.SANDBOX);
        catalog = suite.url(SuiteApp.PRODUCT_CATALOG);
    }

    @Test
    void shouldUpsertAQboItemIntoHubSpotAndInvoiceALineItemFromItByTheLink() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String itemName = "E2E Synced Service " + suffix;
        String sku = "E2E-SYNC-" + suffix;
        Reply created = send(HttpRequest.newBuilder(sandbox.resolve("/v3/company/" + REALM + "/item?minorversion=75"))
                .header("Authorization", "Bearer sandbox-qbo-" + REALM).header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"Name\":\"" + itemName + "\",\"Type\":\"Service\","
                        + "\"Sku\":\"" + sku + "\",\"UnitPrice\":42.5,\"IncomeAccountRef\":{\"value\":\"3\"}}")));
        assertEquals(200, created.status(), created.raw());
        String itemId = created.body().path("Item").path("Id").asText();

        assertEquals(200, productSync(true).status());
        try {
            syncAndInvoice(itemId, itemName, sku, suffix);
        } finally {
            // Undone so later catalog runs of the US company (other classes, the schedule) write nothing to HubSpot.
            assertEquals(200, productSync(false).status());
        }
    }

    private static void syncAndInvoice(String itemId, String itemName, String sku, String suffix) {
        long started = System.nanoTime();
        // Another run (the schedule, another test's first resolution) may hold the lease: ask until one starts.
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                .until(() -> send(HttpRequest.newBuilder(catalog.resolve("/v1/catalog/" + REALM + "/sync"))
                        .POST(HttpRequest.BodyPublishers.noBody())).status(), status -> status == 202);

        JsonNode product = await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(250))
                .until(() -> productOf(itemId), p -> p != null);
        System.out.printf("product sync e2e: catalog sync to product in HubSpot took %d ms%n",
                Duration.ofNanos(System.nanoTime() - started).toMillis());
        assertEquals(itemName, product.path("properties").path("name").asText(), product.toString());
        assertEquals(sku, product.path("properties").path("hs_sku").asText(), product.toString());
        assertEquals(0, new BigDecimal("42.50").compareTo(new BigDecimal(product.path("properties").path("price")
                .asText())), product.toString());
        JsonNode state = await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                .until(() -> http.get(catalog, "/v1/catalog/" + REALM).body(),
                        s -> !"SYNCING".equals(s.path("status").asText()));
        assertTrue(state.path("hubspotProductSync").path("lastError").isNull(), state.toString());
        assertTrue(state.path("hubspotProductSync").path("enabled").asBoolean(), state.toString());

        String productId = product.path("id").asText();
        String dealId = dealWithProductLine("E2E product sync deal " + suffix, productId,
                "Renamed in HubSpot " + suffix);
        JsonNode output = E2eSuite.runToEnd(E2eSuite.enrollment("create-invoice", "DEAL", dealId, REALM))
                .path("outputFields");

        assertEquals("SUCCESS", output.path("hs_execution_state").asText(), output.toString());
        JsonNode invoice = E2eSuite.qboEntity(REALM, "Invoice", output.path("qbo_document_id").asText());
        JsonNode detail = invoice.path("Line").path(0).path("SalesItemLineDetail");
        assertEquals(itemId, detail.path("ItemRef").path("value").asText(), invoice.toString());
        assertEquals(0, new BigDecimal("85.00").compareTo(invoice.path("TotalAmt").decimalValue()), invoice.toString());
    }

    private static Reply productSync(boolean enabled) {
        Reply reply = send(HttpRequest.newBuilder(catalog.resolve("/v1/companies/" + REALM + "/hubspot-product-sync"))
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"enabled\":" + enabled + ",\"portalId\":"
                        + SuiteHttp.PORTAL + "}")));
        assertEquals(enabled, reply.body().path("enabled").asBoolean(), reply.raw());
        return reply;
    }

    /** The sandbox HubSpot product whose qbo_item_id is the item id, or null while none has it. */
    private static JsonNode productOf(String itemId) {
        Reply read = hubspot("/crm/v3/objects/products/batch/read", "{\"properties\":[\"name\",\"hs_sku\",\"price\","
                + "\"qbo_item_id\"],\"propertiesWithHistory\":[],\"idProperty\":\"qbo_item_id\","
                + "\"inputs\":[{\"id\":\"" + itemId + "\"}]}");
        JsonNode results = read.body() == null ? null : read.body().path("results");
        return results == null || results.isEmpty() ? null : results.path(0);
    }

    /** A deal of contact 101 with one line item made from the product, under a name QBO does not know and no SKU. */
    private static String dealWithProductLine(String dealName, String productId, String lineName) {
        Reply deal = hubspot("/crm/v3/objects/deals", "{\"properties\":{\"dealname\":\"" + dealName
                + "\",\"amount\":\"85\"},\"associations\":[{\"to\":{\"id\":\"101\"},\"types\":[{\"associationCategory\":"
                + "\"HUBSPOT_DEFINED\",\"associationTypeId\":3}]}]}");
        assertEquals(201, deal.status(), deal.raw());
        String dealId = deal.body().path("id").asText();
        Reply line = hubspot("/crm/v3/objects/line_items", "{\"properties\":{\"name\":\"" + lineName
                + "\",\"hs_product_id\":\"" + productId + "\",\"quantity\":\"2\",\"price\":\"42.50\"},"
                + "\"associations\":[{\"to\":{\"id\":\"" + dealId + "\"},\"types\":[{\"associationCategory\":"
                + "\"HUBSPOT_DEFINED\",\"associationTypeId\":20}]}]}");
        assertEquals(201, line.status(), line.raw());
        return dealId;
    }

    private static Reply hubspot(String path, String body) {
        return send(HttpRequest.newBuilder(sandbox.resolve(path))
                .header("Authorization", "Bearer sandbox-hubspot-" + SuiteHttp.PORTAL)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    /** Sends through the suite's client, which adds the bearer token the gateway or a service needs (issue 8). */
    private static Reply send(HttpRequest.Builder request) {
        SuiteHttp.Reply reply = E2eSuite.http().send(request);
        return new Reply(reply.status(), reply.body(), reply.raw());
    }

    private record Reply(int status, JsonNode body, String raw) {
    }
}
