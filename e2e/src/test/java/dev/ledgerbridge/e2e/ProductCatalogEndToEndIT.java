package dev.ledgerbridge.e2e;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The product catalog end to end (issue 5): the packaged product-catalog-service against the sandbox's QBO, on the
 * Canadian seed company. That company is connected but never invoiced (actions refuse it as not US), so no other
 * test loads or mutates its catalogue: this class seeds 5,000 items into it, loads the mirror once and measures
 * it, then exercises CDC, matching, refusal and creation through the service's own API. Two tests go through the
 * workflow engine and the gateway on the US company instead (deals created for the test, or deal 301 read only):
 * two deals needing one missing item enrolled at once, and the action's line-item selection (R4).
 */
class ProductCatalogEndToEndIT {

    private static final String REALM = SuiteHttp.CANADIAN_REALM;
    private static final int SEEDED = 5000;

    private static URI sandbox;
    private static URI catalog;
    private static URI gateway;
    private static SuiteHttp http;
    private static Duration initialLoad;
    private static JsonNode loadedState;

    @BeforeAll
    static void launch() {
        SuiteLauncher suite = E2eSuite.suite();
        http = E2eSuite.http();
        sandbox = suite.url(SuiteApp.SANDBOX);
        catalog = suite.url(SuiteApp.PRODUCT_CATALOG);
        gateway = suite.url(SuiteApp.GATEWAY);
    }

    @Test
    void shouldLoadAFiveThousandItemCompanyIntoTheMirror() {
        ensureLoaded();

        assertTrue(loadedState.path("itemCount").asInt() >= SEEDED, loadedState.toString());
        assertEquals("LOADED", loadedState.path("status").asText(), loadedState.toString());
        assertTrue(loadedState.path("lastError").isNull(), loadedState.toString());
        System.out.printf("product catalog e2e: initial load of %d items took %d ms%n",
                loadedState.path("itemCount").asInt(), initialLoad.toMillis());
    }

    @Test
    void shouldReflectARenameAndADeactivationAfterCdc() {
        ensureLoaded();
        JsonNode renamed = qboItem("Bulk Item 00010");
        JsonNode deactivated = qboItem("Bulk Item 00011");
        String newName = "Renamed Bulk Item " + UUID.randomUUID().toString().substring(0, 8);
        Reply rename = qboWrite("/item", "{\"Id\":\"" + renamed.path("Id").asText() + "\",\"SyncToken\":\""
                + renamed.path("SyncToken").asText() + "\",\"sparse\":true,\"Name\":\"" + newName + "\"}");
        assertEquals(200, rename.status(), rename.raw());
        Reply deactivate = qboWrite("/item", "{\"Id\":\"" + deactivated.path("Id").asText() + "\",\"SyncToken\":\""
                + deactivated.path("SyncToken").asText() + "\",\"sparse\":true,\"Active\":false}");
        assertEquals(200, deactivate.status(), deactivate.raw());

        syncOnDemand();

        Reply byNewName = resolve("e2e-cdc-" + UUID.randomUUID(), false, line("901", newName, null, null, null));
        assertEquals(200, byNewName.status(), byNewName.raw());
        assertEquals(renamed.path("Id").asText(), byNewName.body().path("lines").path(0).path("itemId").asText());
        Reply byInactiveSku = resolve("e2e-cdc-" + UUID.randomUUID(), false,
                line("902", "Something else entirely", "Bulk-00011", null, null));
        assertEquals(422, byInactiveSku.status(), byInactiveSku.raw());
        assertEquals("UNMATCHED_LINE_ITEMS", byInactiveSku.body().path("code").asText());
    }

    @Test
    void shouldMatchByProductLinkSkuAndNameWithoutReadingQbo() {
        ensureLoaded();
        String linkedId = qboItem("Bulk Item 00020").path("Id").asText();
        String correlationId = "e2e-match-" + UUID.randomUUID();

        Reply reply = resolve(correlationId, false,
                line("911", "Whatever HubSpot calls it", null, "e2e-product-" + UUID.randomUUID(), linkedId),
                line("912", "Not the name", "BULK-00021", null, null),
                line("913", "  bulk item 00022 ", null, null, null));

        assertEquals(200, reply.status(), reply.raw());
        List<String> matched = new ArrayList<>();
        for (JsonNode line : reply.body().path("lines")) {
            matched.add(line.path("itemName").asText() + " by " + line.path("matchedBy").asText());
        }
        assertEquals(List.of("Bulk Item 00020 by PRODUCT_LINK", "Bulk Item 00021 by SKU", "Bulk Item 00022 by NAME"),
                matched);
        JsonNode calls = http.callsFor(correlationId).body();
        System.out.println("product catalog e2e: one resolution of 3 lines from the mirror: " + E2eSuite.summary(calls));
        assertEquals(0, calls.path("vendors").path("qbo").path("read").asLong(), calls.toString());
        assertEquals(0, calls.path("total").asLong(), "no vendor call at all once mirrored: " + calls);
    }

    @Test
    void shouldRefuseListingEveryUnmatchedLineAndCreateNothing() {
        ensureLoaded();
        long itemsBefore = E2eSuite.count(REALM, "Item");

        Reply reply = resolve("e2e-refuse-" + UUID.randomUUID(), false,
                line("921", "Custom Integration", "CUS-INT", null, null),
                line("922", "Bulk Item 00030", null, null, null),
                line("923", "Moon Base Rental", null, null, null));

        assertEquals(422, reply.status(), reply.raw());
        assertEquals("UNMATCHED_LINE_ITEMS", reply.body().path("code").asText());
        assertEquals("No QuickBooks product matches 2 line items: Custom Integration (SKU CUS-INT, quantity 1),"
                + " Moon Base Rental (no SKU, quantity 1). Create them in QuickBooks or turn on 'Create missing"
                + " products'.", reply.body().path("message").asText());
        assertEquals(2, reply.body().path("unmatched").size());
        assertEquals(itemsBefore, E2eSuite.count(REALM, "Item"));
    }

    @Test
    void shouldCreateOneItemWhenTwoExecutionsNeedTheSameMissingItemAtOnce() {
        ensureLoaded();
        Reply refused = send(HttpRequest.newBuilder(gateway.resolve("/admin/v1/companies/" + REALM
                + "/catalog-settings")).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"itemType\":\"Service\",\"incomeAccountId\":\"5\"}")));
        assertEquals(422, refused.status(), "an Expense account is refused: " + refused.raw());
        assertEquals("INVALID_CATALOG_SETTINGS", refused.body().path("code").asText());
        Reply saved = send(HttpRequest.newBuilder(gateway.resolve("/admin/v1/companies/" + REALM
                + "/catalog-settings")).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"itemType\":\"NonInventory\",\"incomeAccountId\":\"4\"}")));
        assertEquals(200, saved.status(), saved.raw());
        String name = "E2E Widget " + UUID.randomUUID().toString().substring(0, 8);

        CompletableFuture<Reply> first = CompletableFuture.supplyAsync(() -> resolve("e2e-create-a-" + UUID.randomUUID(),
                true, line("931", name, null, null, null)));
        CompletableFuture<Reply> second = CompletableFuture.supplyAsync(() -> resolve("e2e-create-b-" + UUID.randomUUID(),
                true, line("932", name, null, null, null)));
        Reply a = first.join();
        Reply b = second.join();

        assertEquals(200, a.status(), a.raw());
        assertEquals(200, b.status(), b.raw());
        String itemId = a.body().path("lines").path(0).path("itemId").asText();
        assertEquals(itemId, b.body().path("lines").path(0).path("itemId").asText(), "both use the same item");
        JsonNode found = http.qboQuery(REALM, "select * from Item where Name = '" + name + "'").body()
                .path("QueryResponse").path("Item");
        assertEquals(1, found.size(), "exactly one QBO item: " + found);
        assertEquals("NonInventory", found.path(0).path("Type").asText());
        assertEquals("4", found.path(0).path("IncomeAccountRef").path("value").asText());
    }

    @Test
    void shouldCreateOneItemWhenTwoDealsNeedingItAreEnrolledAtOnce() {
        Reply saved = send(HttpRequest.newBuilder(gateway.resolve("/admin/v1/companies/" + SuiteHttp.US_REALM
                + "/catalog-settings")).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"itemType\":\"Service\",\"incomeAccountId\":\"3\"}")));
        assertEquals(200, saved.status(), saved.raw());
        String name = "E2E Gadget " + UUID.randomUUID().toString().substring(0, 8);
        String firstDeal = dealWithLine("E2E deal A " + name, name, "2", "125.50");
        String secondDeal = dealWithLine("E2E deal B " + name, name, "1", "125.50");

        List<String> callbackIds = new ArrayList<>();
        for (String deal : List.of(firstDeal, secondDeal)) {
            var enrollment = E2eSuite.enrollment("create-invoice", "DEAL", deal, SuiteHttp.US_REALM);
            @SuppressWarnings("unchecked")
            var inputs = (java.util.Map<String, Object>) enrollment.get("inputFields");
            inputs.put("create_missing_products", "true");
            SuiteHttp.Reply enrolled = http.enroll(enrollment);
            assertEquals(202, enrolled.status(), enrolled.raw());
            callbackIds.add(enrolled.body().path("callbackId").asText());
        }
        List<JsonNode> finished = new ArrayList<>();
        for (String callbackId : callbackIds) {
            finished.add(await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(100))
                    .until(() -> http.execution(callbackId).body(), e -> !e.path("state").asText().equals("RUNNING")
                            && !e.path("state").asText().equals("BLOCKED")));
        }

        for (JsonNode execution : finished) {
            assertEquals("SUCCESS", execution.path("outputFields").path("hs_execution_state").asText(),
                    execution.toString());
        }
        JsonNode items = http.qboQuery(SuiteHttp.US_REALM, "select * from Item where Name = '" + name + "'").body()
                .path("QueryResponse").path("Item");
        assertEquals(1, items.size(), "one QBO item for two executions: " + items);
        String itemId = items.path(0).path("Id").asText();
        for (JsonNode execution : finished) {
            JsonNode invoice = E2eSuite.qboEntity(SuiteHttp.US_REALM, "Invoice",
                    execution.path("outputFields").path("qbo_document_id").asText());
            assertEquals(itemId, invoice.path("Line").path(0).path("SalesItemLineDetail").path("ItemRef")
                    .path("value").asText(), invoice.toString());
        }
    }

    @Test
    void shouldInvoiceOnlyTheNamedLineItemsAndRefuseOneNotOnTheDeal() {
        var refused = E2eSuite.enrollment("create-invoice", "DEAL", "301", SuiteHttp.US_REALM);
        @SuppressWarnings("unchecked")
        var refusedInputs = (java.util.Map<String, Object>) refused.get("inputFields");
        refusedInputs.put("line_items", "402, 999");
        JsonNode refusal = E2eSuite.runToEnd(refused).path("outputFields");
        assertEquals("LINE_ITEM_NOT_ON_RECORD", refusal.path("error_code").asText(), refusal.toString());
        assertTrue(refusal.path("error_message").asText().contains("999"), refusal.toString());

        var named = E2eSuite.enrollment("create-invoice", "DEAL", "301", SuiteHttp.US_REALM);
        @SuppressWarnings("unchecked")
        var namedInputs = (java.util.Map<String, Object>) named.get("inputFields");
        namedInputs.put("line_items", "402");
        JsonNode output = E2eSuite.runToEnd(named).path("outputFields");
        assertEquals("SUCCESS", output.path("hs_execution_state").asText(), output.toString());
        JsonNode invoice = E2eSuite.qboEntity(SuiteHttp.US_REALM, "Invoice", output.path("qbo_document_id").asText());
        assertEquals(0, new java.math.BigDecimal("3000.00").compareTo(invoice.path("TotalAmt").decimalValue()),
                "only line 402 (2 x 1500): " + invoice);
    }

    /** A new deal with contact 101 and one ad-hoc line item, created through the sandbox's HubSpot CRM API. */
    private static String dealWithLine(String dealName, String lineName, String quantity, String price) {
        Reply deal = hubspotCreate("deals", "{\"properties\":{\"dealname\":\"" + dealName + "\",\"amount\":\"1\"},"
                + "\"associations\":[{\"to\":{\"id\":\"101\"},\"types\":[{\"associationCategory\":"
                + "\"HUBSPOT_DEFINED\",\"associationTypeId\":3}]}]}");
        assertEquals(201, deal.status(), deal.raw());
        String dealId = deal.body().path("id").asText();
        Reply line = hubspotCreate("line_items", "{\"properties\":{\"name\":\"" + lineName + "\",\"quantity\":\""
                + quantity + "\",\"price\":\"" + price + "\"},\"associations\":[{\"to\":{\"id\":\"" + dealId
                + "\"},\"types\":[{\"associationCategory\":\"HUBSPOT_DEFINED\",\"associationTypeId\":20}]}]}");
        assertEquals(201, line.status(), line.raw());
        return dealId;
    }

    private static Reply hubspotCreate(String objectType, String body) {
        return send(HttpRequest.newBuilder(sandbox.resolve("/crm/v3/objects/" + objectType))
                .header("Authorization", "Bearer sandbox-hubspot-" + SuiteHttp.PORTAL)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    /** Seeds the items and runs the initial load once per suite; every test of this class needs the mirror. */
    private static synchronized void ensureLoaded() {
        if (loadedState != null) {
            return;
        }
        Reply seeded = send(HttpRequest.newBuilder(sandbox.resolve("/_sandbox/qbo/" + REALM + "/seed/items"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"count\":" + SEEDED + ",\"prefix\":\"Bulk\"}")));
        assertEquals(200, seeded.status(), seeded.raw());
        long started = System.nanoTime();
        Reply sync = send(HttpRequest.newBuilder(catalog.resolve("/v1/catalog/" + REALM + "/sync"))
                .POST(HttpRequest.BodyPublishers.noBody()));
        assertEquals(202, sync.status(), sync.raw());
        JsonNode state = await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(100))
                .until(() -> http.get(catalog, "/v1/catalog/" + REALM).body(),
                        s -> s != null && "LOADED".equals(s.path("status").asText()));
        initialLoad = Duration.ofNanos(System.nanoTime() - started);
        loadedState = state;
    }

    /** Runs a CDC round on demand and waits until it has finished; the round must be CDC, not a full reload. */
    private static synchronized void syncOnDemand() {
        JsonNode before = http.get(catalog, "/v1/catalog/" + REALM).body();
        // Another run may hold the lease for a moment (409); the request is repeated until one starts.
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                .until(() -> send(HttpRequest.newBuilder(catalog.resolve("/v1/catalog/" + REALM + "/sync"))
                        .POST(HttpRequest.BodyPublishers.noBody())).status(), status -> status == 202);
        JsonNode after = await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100))
                .until(() -> http.get(catalog, "/v1/catalog/" + REALM).body(),
                        s -> "LOADED".equals(s.path("status").asText())
                                && !syncedThrough(before).equals(syncedThrough(s)));
        assertEquals(before.path("lastFullLoadAt").asText(), after.path("lastFullLoadAt").asText(),
                "a CDC round, not a full reload: " + after);
        assertTrue(after.path("lastError").isNull(), after.toString());
    }

    private static String syncedThrough(JsonNode state) {
        return state.path("lastFullLoadAt").asText() + "/" + state.path("lastCdcAt").asText();
    }

    private static JsonNode qboItem(String name) {
        JsonNode item = http.qboQuery(REALM, "select * from Item where Name = '" + name + "'").body()
                .path("QueryResponse").path("Item").path(0);
        assertTrue(item.has("Id"), "seeded item " + name + " exists");
        return item;
    }

    private static String line(String id, String name, String sku, String productId, String qboItemId) {
        return "{\"id\":\"" + id + "\",\"name\":" + (name == null ? "null" : "\"" + name + "\"")
                + ",\"sku\":" + (sku == null ? "null" : "\"" + sku + "\"")
                + ",\"productId\":" + (productId == null ? "null" : "\"" + productId + "\"")
                + ",\"qboItemId\":" + (qboItemId == null ? "null" : "\"" + qboItemId + "\"")
                + ",\"quantity\":1,\"price\":100.00}";
    }

    private static Reply resolve(String correlationId, boolean createMissing, String... lines) {
        String body = "{\"realmId\":\"" + REALM + "\",\"portalId\":" + SuiteHttp.PORTAL + ",\"createMissing\":"
                + createMissing + ",\"lineItems\":[" + String.join(",", lines) + "]}";
        return send(HttpRequest.newBuilder(catalog.resolve("/v1/line-items/resolve"))
                .header("Content-Type", "application/json").header("X-LedgerBridge-Correlation-Id", correlationId)
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    private static Reply qboWrite(String path, String body) {
        return send(HttpRequest.newBuilder(sandbox.resolve("/v3/company/" + REALM + path + "?minorversion=75"))
                .header("Authorization", "Bearer sandbox-qbo-" + REALM).header("Content-Type", "application/json")
                .header("Accept", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    /** Sends through the suite's client, which adds the bearer token the gateway or a service needs (issue 8). */
    private static Reply send(HttpRequest.Builder request) {
        SuiteHttp.Reply reply = E2eSuite.http().send(request);
        return new Reply(reply.status(), reply.body(), reply.raw());
    }

    /** An HTTP answer. */
    private record Reply(int status, JsonNode body, String raw) {
    }
}
