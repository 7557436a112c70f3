package dev.ledgerbridge.e2e;

import static dev.ledgerbridge.e2e.E2eSuite.enrollment;
import static dev.ledgerbridge.e2e.E2eSuite.runToEnd;
import static dev.ledgerbridge.e2e.E2eSuite.summary;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Customer matching end to end (issue 4): two US companies at once, 9130350000000001 in LEGACY mode and
 * 9130350000000003 in SYNC_FILTERS mode (lifecycle stage must be customer); refusals naming the failed condition,
 * eligible matches, one customer for two concurrent executions, the hostile-name corpus, link repair after QBO's 610,
 * a preview that writes nothing, and the QBO calls per resolution. Every test creates its own HubSpot contacts and
 * deals through the sandbox's CRM API, with a run-unique e-mail, so the tests do not depend on each other.
 */
class CustomerMatchingEndToEndIT {

    private static final String LEGACY_REALM = SuiteHttp.US_REALM;
    private static final String FILTER_REALM = "9130350000000003";
    private static final String HUBSPOT_TOKEN = "Bearer sandbox-hubspot-" + SuiteHttp.PORTAL;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final String RUN = UUID.randomUUID().toString().substring(0, 8);

    private static SuiteLauncher suite;
    private static SuiteHttp http;
    private static URI sandbox;
    private static URI gateway;

    @BeforeAll
    static void twoCompaniesInDifferentModes() {
        suite = E2eSuite.suite();
        http = E2eSuite.http();
        sandbox = suite.url(SuiteApp.SANDBOX);
        gateway = suite.url(SuiteApp.GATEWAY);
        assertEquals(200, http.connectCompany(FILTER_REALM).status());
        // Before any action on the company: the gateway caches the filter properties per company for a while.
        JsonNode current = send("GET", gateway, "/admin/v1/companies/" + FILTER_REALM + "/matching-settings", null,
                Map.of()).body();
        SuiteHttp.Reply changed = send("PUT", gateway, "/admin/v1/companies/" + FILTER_REALM + "/matching-settings", """
                {"mode":"SYNC_FILTERS","expectedVersion":%d,"filterGroups":[{"filters":[
                  {"property":"lifecyclestage","operator":"EQUALS","values":["customer"]}]}]}"""
                .formatted(current.path("version").asLong()), Map.of("X-LedgerBridge-Actor", "e2e@ledgerbridge.dev"));
        assertEquals(200, changed.status(), changed.raw());
    }


    @Test
    void shouldRefuseAnIneligibleContactInSyncFiltersModeWhileLegacyModeBillsIt() {
        String email = "lena.lead-" + RUN + "@example.com";
        String contact = createContact("Lena", "Lead", email, "lead");
        String deal = createDeal("Lead deal", contact);

        JsonNode refused = runToEnd(enrollment("create-invoice", "DEAL", deal, FILTER_REALM));
        JsonNode billed = runToEnd(enrollment("create-invoice", "DEAL", deal, LEGACY_REALM));

        JsonNode output = refused.path("outputFields");
        assertEquals("FAIL_CONTINUE", output.path("hs_execution_state").asText(), output.toString());
        assertEquals("CONTACT_NOT_ELIGIBLE", output.path("error_code").asText());
        assertEquals("This contact does not pass the QuickBooks sync filters: lifecycle stage is lead, must be"
                + " customer.", output.path("error_message").asText());
        JsonNode calls = http.callsFor(refused.path("callbackId").asText()).body();
        assertEquals(0, calls.path("vendors").path("qbo").path("write").asLong(), summary(calls));
        assertEquals(0, customersWithEmail(FILTER_REALM, email).size());
        assertEquals("SUCCESS", billed.path("outputFields").path("hs_execution_state").asText(), billed.toString());
        assertEquals(1, customersWithEmail(LEGACY_REALM, email).size());
    }

    @Test
    void shouldMatchAnEligibleContactToTheSyncFilterCompanysOwnCustomer() {
        // Ada Lovelace is seeded in both US companies under different ids; e-mail in another case, outer spaces.
        String contact = createContact(" Ada ", "LOVELACE", " Ada@Example.COM ", "customer");
        String deal = createDeal("Eligible deal", contact);

        JsonNode execution = runToEnd(enrollment("create-invoice", "DEAL", deal, FILTER_REALM));

        assertEquals("SUCCESS", execution.path("outputFields").path("hs_execution_state").asText(), execution.toString());
        String customerId = invoiceCustomer(FILTER_REALM, execution);
        assertEquals(customersWithEmail(FILTER_REALM, "ada@example.com").get(0).path("Id").asText(), customerId);
        assertEquals(1, customersWithEmail(FILTER_REALM, "ada@example.com").size(), "matched, not duplicated");
    }

    @Test
    void shouldCreateExactlyOneCustomerForTwoConcurrentExecutionsOfTheSameNewContact() {
        String email = "conny.current-" + RUN + "@example.com";
        String contact = createContact("Conny", "Current", email, "customer");
        List<String> callbacks = new ArrayList<>();
        for (String deal : List.of(createDeal("Concurrent A", contact), createDeal("Concurrent B", contact))) {
            SuiteHttp.Reply enrolled = http.enroll(enrollment("create-invoice", "DEAL", deal, LEGACY_REALM));
            assertEquals(202, enrolled.status(), enrolled.raw());
            callbacks.add(enrolled.body().path("callbackId").asText());
        }

        List<JsonNode> executions = callbacks.stream().map(CustomerMatchingEndToEndIT::finished).toList();

        for (JsonNode execution : executions) {
            assertEquals("SUCCESS", execution.path("outputFields").path("hs_execution_state").asText(),
                    execution.toString());
        }
        List<JsonNode> customers = customersWithEmail(LEGACY_REALM, email);
        assertEquals(1, customers.size(), customers.toString());
        assertEquals(customers.get(0).path("Id").asText(), invoiceCustomer(LEGACY_REALM, executions.get(0)));
        assertEquals(customers.get(0).path("Id").asText(), invoiceCustomer(LEGACY_REALM, executions.get(1)));
    }

    @Test
    void shouldMatchOrCreateEveryHostileNameCorrectlyWithReadableDeterministicNames() {
        record Case(String first, String last, String email, String expectedDisplayName) {
        }
        String tag = RUN;
        List<Case> corpus = List.of(
                new Case("Mary-Kate", "O'Connor", "mk.oconnor-" + tag + "@example.com", "Mary-Kate O'Connor"),
                new Case("Robert \"Bob\"", "Tables", "bob.tables-" + tag + "@example.com", "Robert \"Bob\" Tables"),
                // Not the seeded "Renée D'Arcy \ Sons" (contact 107), which another test class may bill first.
                new Case("Amélie", "L'Écuyer \\ Fils", "amelie.lecuyer-" + tag + "@example.com",
                        "Amélie L'Écuyer \\ Fils"),
                new Case("Zoe\u0308", "A\u030Angstro\u0308m", "zoe.a-" + tag + "@example.com", "Zoë Ångström"),
                new Case("太郎", "山田", "taro.yamada-" + tag + "@example.jp", "太郎 山田"),
                new Case("Sunny 🌞", "Day", "sunny.day-" + tag + "@example.com", "Sunny 🌞 Day"),
                new Case("  Spacey ", " Name  ", " spacey-" + tag + "@example.com ", "Spacey Name"),
                // DisplayName clashes: a vendor (Grace Hopper) and another customer (Ada Lovelace).
                new Case("Grace", "Hopper", "grace.h-" + tag + "@example.com", "Grace Hopper (grace.h-" + tag
                        + "@example.com)"),
                new Case("Ada", "Lovelace", "ada.other-" + tag + "@example.com", "Ada Lovelace (ada.other-" + tag
                        + "@example.com)"));

        for (Case c : corpus) {
            String contact = createContact(c.first(), c.last(), c.email(), "customer");
            JsonNode first = runToEnd(enrollment("create-invoice", "DEAL", createDeal("Hostile " + c.last(), contact),
                    LEGACY_REALM));
            assertEquals("SUCCESS", first.path("outputFields").path("hs_execution_state").asText(), first.toString());
            JsonNode customer = E2eSuite.qboEntity(LEGACY_REALM, "Customer", invoiceCustomer(LEGACY_REALM, first));
            assertEquals(c.expectedDisplayName(), customer.path("DisplayName").asText(), c.toString());

            // The same person typed differently in a second HubSpot contact matches that customer, not a new one.
            String twin = createContact(c.first().toUpperCase(java.util.Locale.ROOT), c.last(),
                    "  " + c.email().strip().toUpperCase(java.util.Locale.ROOT) + " ", "customer");
            JsonNode second = runToEnd(enrollment("create-invoice", "DEAL", createDeal("Twin " + c.last(), twin),
                    LEGACY_REALM));
            assertEquals("SUCCESS", second.path("outputFields").path("hs_execution_state").asText(), second.toString());
            assertEquals(customer.path("Id").asText(), invoiceCustomer(LEGACY_REALM, second), c.toString());
        }
    }

    @Test
    void shouldMatchTheSeededApostropheCustomerDespiteCaseAndSpaces() {
        String seeded = customersWithEmail(LEGACY_REALM, "pobrien@example.com").get(0).path("Id").asText();
        String contact = createContact(" patrick ", "O'BRIEN", "POBrien@Example.com ", "customer");

        JsonNode execution = runToEnd(enrollment("create-invoice", "DEAL", createDeal("Seeded O'Brien", contact),
                LEGACY_REALM));

        assertEquals("SUCCESS", execution.path("outputFields").path("hs_execution_state").asText(), execution.toString());
        assertEquals(seeded, invoiceCustomer(LEGACY_REALM, execution));
        assertEquals(1, customersWithEmail(LEGACY_REALM, "pobrien@example.com").size());
    }

    @Test
    void shouldRepairTheLinkWhenQboMergedTheLinkedCustomerAway() {
        String email = "rita.repair-" + RUN + "@example.com";
        String contact = createContact("Rita", "Repair", email, "customer");
        JsonNode first = runToEnd(enrollment("create-invoice", "DEAL", createDeal("Repair 1", contact), LEGACY_REALM));
        assertEquals("SUCCESS", first.path("outputFields").path("hs_execution_state").asText(), first.toString());
        String merged = invoiceCustomer(LEGACY_REALM, first);
        // What a merge in QBO leaves behind: the merged-away customer is inactive, and new documents refuse it (610).
        JsonNode stored = E2eSuite.qboEntity(LEGACY_REALM, "Customer", merged);
        SuiteHttp.Reply deactivated = send("POST", sandbox, "/v3/company/" + LEGACY_REALM + "/customer?minorversion=75",
                "{\"sparse\":true,\"Id\":\"" + merged + "\",\"SyncToken\":\"" + stored.path("SyncToken").asText()
                        + "\",\"Active\":false}", Map.of("Authorization", "Bearer sandbox-qbo-" + LEGACY_REALM));
        assertEquals(200, deactivated.status(), deactivated.raw());

        JsonNode repaired = runToEnd(enrollment("create-invoice", "DEAL", createDeal("Repair 2", contact),
                LEGACY_REALM));
        JsonNode linkedAgain = runToEnd(enrollment("create-invoice", "DEAL", createDeal("Repair 3", contact),
                LEGACY_REALM));

        assertEquals("SUCCESS", repaired.path("outputFields").path("hs_execution_state").asText(), repaired.toString());
        String replacement = invoiceCustomer(LEGACY_REALM, repaired);
        assertNotEquals(merged, replacement);
        assertEquals("Rita Repair (" + email + ")",
                E2eSuite.qboEntity(LEGACY_REALM, "Customer", replacement).path("DisplayName").asText(),
                "the inactive customer still holds the plain name");
        assertEquals(replacement, invoiceCustomer(LEGACY_REALM, linkedAgain), "the repaired link is used from now on");
        JsonNode warm = http.callsFor(linkedAgain.path("callbackId").asText()).body();
        System.out.println("[customer-matching] after repair, linked: " + summary(warm));
    }

    @Test
    void shouldPreviewWithoutWritingAnythingAnywhere() {
        String lead = createContact("Paula", "Preview", "paula.preview-" + RUN + "@example.com", "lead");
        String eligible = createContact("Peter", "Preview", "peter.preview-" + RUN + "@example.com", "customer");
        String leadDeal = createDeal("Preview lead", lead);
        String eligibleDeal = createDeal("Preview eligible", eligible);
        long customersBefore = E2eSuite.count(FILTER_REALM, "Customer");

        JsonNode refusal = preview(FILTER_REALM, leadDeal);
        JsonNode create = preview(FILTER_REALM, eligibleDeal);

        assertEquals("REFUSE", refusal.path("preview").path("outcome").asText(), refusal.toString());
        assertEquals("CONTACT_NOT_ELIGIBLE", refusal.path("preview").path("code").asText());
        assertTrue(refusal.path("preview").path("message").asText().contains("lifecycle stage is lead, must be customer"));
        assertEquals("CREATE", create.path("preview").path("outcome").asText(), create.toString());
        assertEquals("Peter Preview", create.path("preview").path("displayName").asText());
        for (JsonNode preview : List.of(refusal, create)) {
            JsonNode calls = http.callsFor(preview.path("correlationId").asText()).body();
            assertEquals(0, calls.path("vendors").path("qbo").path("write").asLong(), summary(calls));
            assertEquals(0, calls.path("vendors").path("hubspot").path("write").asLong(), summary(calls));
            System.out.println("[customer-matching] preview " + preview.path("preview").path("outcome").asText() + ": "
                    + summary(calls));
        }
        assertEquals(customersBefore, E2eSuite.count(FILTER_REALM, "Customer"));
        // Nothing linked either: the real action afterwards still has to create the customer.
        JsonNode run = runToEnd(enrollment("create-invoice", "DEAL", eligibleDeal, FILTER_REALM));
        assertEquals("Peter Preview", E2eSuite.qboEntity(FILTER_REALM, "Customer", invoiceCustomer(FILTER_REALM, run))
                .path("DisplayName").asText());
    }

    @Test
    @SuppressWarnings("unchecked")
    void shouldBillTheContactLabelledPrimaryAndRefuseWhenNoneIs() {
        String first = createContact("Frank", "First-" + RUN, "frank.first-" + RUN + "@example.com", "customer");
        String primary = createContact("Petra", "Primary-" + RUN, "petra.primary-" + RUN + "@example.com", "customer");
        String labelled = createDeal("Primary labelled", first, primary);
        // The portal's USER_DEFINED deal -> contact label "Primary" (sandbox type id 1001).
        SuiteHttp.Reply label = send("PUT", sandbox, "/crm/v4/objects/deals/" + labelled + "/associations/contacts/"
                + primary, "[{\"associationCategory\":\"USER_DEFINED\",\"associationTypeId\":1001}]",
                Map.of("Authorization", HUBSPOT_TOKEN));
        assertEquals(201, label.status(), label.raw());
        String unlabelled = createDeal("Primary missing", first, primary);

        Map<String, Object> labelledRun = enrollment("create-invoice", "DEAL", labelled, LEGACY_REALM);
        ((Map<String, Object>) labelledRun.get("inputFields")).put("customer_contact", "primary");
        JsonNode billed = runToEnd(labelledRun);
        Map<String, Object> unlabelledRun = enrollment("create-invoice", "DEAL", unlabelled, LEGACY_REALM);
        ((Map<String, Object>) unlabelledRun.get("inputFields")).put("customer_contact", "primary");
        JsonNode refused = runToEnd(unlabelledRun);

        assertEquals("SUCCESS", billed.path("outputFields").path("hs_execution_state").asText(), billed.toString());
        assertEquals("Petra Primary-" + RUN, E2eSuite.qboEntity(LEGACY_REALM, "Customer",
                invoiceCustomer(LEGACY_REALM, billed)).path("DisplayName").asText());
        JsonNode calls = http.callsFor(billed.path("callbackId").asText()).body();
        System.out.println("[customer-matching] primary contact: " + summary(calls));
        assertEquals(4, calls.path("vendors").path("hubspot").path("read").asLong(), "3 reads + the v4 labels");
        assertEquals("NO_PRIMARY_CONTACT", refused.path("outputFields").path("error_code").asText(), refused.toString());
        assertEquals(0, customersWithEmail(LEGACY_REALM, "frank.first-" + RUN + "@example.com").size(),
                "the first contact is not billed instead");
    }

    @Test
    void shouldMeasureQboCallsPerResolutionCreatedLinkedAndMatched() {
        String email = "mia.measure-" + RUN + "@example.com";
        String contactId = createContact("Mia", "Measure", email, "customer");
        String created = "measure-created-" + RUN;
        String linked = "measure-linked-" + RUN;
        String matched = "measure-matched-" + RUN;

        assertEquals("CREATED", resolve(created, contactId, "Mia", "Measure", email).path("resolution").asText());
        assertEquals("LINKED", resolve(linked, contactId, "Mia", "Measure", email).path("resolution").asText());
        String seededContact = createContact("Patrick", "O'Brien", "pobrien@example.com", "customer");
        assertEquals("MATCHED", resolve(matched, seededContact, "Patrick", "O'Brien", "pobrien@example.com")
                .path("resolution").asText());

        JsonNode createdCalls = http.callsFor(created).body();
        JsonNode linkedCalls = http.callsFor(linked).body();
        JsonNode matchedCalls = http.callsFor(matched).body();
        System.out.println("[customer-matching] QBO calls per resolution: created " + summary(createdCalls)
                + "; linked " + summary(linkedCalls) + "; matched " + summary(matchedCalls));
        assertEquals(0, linkedCalls.path("total").asLong(), "linked: no vendor call at all");
        assertEquals(1, matchedCalls.path("vendors").path("qbo").path("read").asLong());
        assertEquals(0, matchedCalls.path("vendors").path("qbo").path("write").asLong());
        assertEquals(1, createdCalls.path("vendors").path("qbo").path("read").asLong());
        assertEquals(1, createdCalls.path("vendors").path("qbo").path("write").asLong());
    }

    // --- helpers ----------------------------------------------------------------------------------------------

    private static JsonNode finished(String callbackId) {
        return await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100))
                .until(() -> http.execution(callbackId).body(), e -> {
                    String state = e.path("state").asText();
                    return !state.equals("RUNNING") && !state.equals("BLOCKED");
                });
    }

    private static JsonNode preview(String realm, String dealId) {
        SuiteHttp.Reply reply = send("POST", gateway, "/admin/v1/preview/customer", """
                {"realmId":"%s","portalId":%d,"objectType":"DEAL","objectId":"%s"}"""
                .formatted(realm, SuiteHttp.PORTAL, dealId), Map.of());
        assertEquals(200, reply.status(), reply.raw());
        return reply.body();
    }

    /** contact-sync's resolve called directly, so the sandbox's counters hold exactly one resolution's calls. */
    private static JsonNode resolve(String correlationId, String contactId, String first, String last, String email) {
        ObjectNode body = JSON.createObjectNode().put("realmId", LEGACY_REALM).put("portalId", SuiteHttp.PORTAL);
        body.putArray("contacts").addObject().put("id", contactId).put("firstName", first).put("lastName", last)
                .put("email", email);
        SuiteHttp.Reply reply = send("POST", suite.url(SuiteApp.CONTACT_SYNC), "/v1/customers/resolve", body.toString(),
                Map.of("X-LedgerBridge-Correlation-Id", correlationId));
        assertEquals(200, reply.status(), reply.raw());
        return reply.body();
    }

    private static String invoiceCustomer(String realm, JsonNode execution) {
        String invoiceId = execution.path("outputFields").path("qbo_document_id").asText();
        return E2eSuite.qboEntity(realm, "Invoice", invoiceId).path("CustomerRef").path("value").asText();
    }

    private static List<JsonNode> customersWithEmail(String realm, String email) {
        JsonNode found = http.qboQuery(realm, "select * from Customer where PrimaryEmailAddr = '" + email.strip()
                + "' and Active in (true, false)").body().path("QueryResponse").path("Customer");
        List<JsonNode> customers = new ArrayList<>();
        found.forEach(customers::add);
        return customers;
    }

    private static String createContact(String first, String last, String email, String lifecycleStage) {
        ObjectNode body = JSON.createObjectNode();
        body.putObject("properties").put("firstname", first).put("lastname", last).put("email", email)
                .put("lifecyclestage", lifecycleStage);
        return created(send("POST", sandbox, "/crm/v3/objects/contacts", body.toString(),
                Map.of("Authorization", HUBSPOT_TOKEN)));
    }

    /** A deal with one fresh line item (Support Hours, SUP-HR) and the contacts, in this association order. */
    private static String createDeal(String name, String... contactIds) {
        ObjectNode line = JSON.createObjectNode();
        line.putObject("properties").put("name", "Support Hours").put("hs_sku", "SUP-HR").put("hs_product_id", "203")
                .put("quantity", "1").put("price", "150.00");
        String lineItemId = created(send("POST", sandbox, "/crm/v3/objects/line_items", line.toString(),
                Map.of("Authorization", HUBSPOT_TOKEN)));
        ObjectNode deal = JSON.createObjectNode();
        deal.putObject("properties").put("dealname", name + " " + RUN).put("deal_currency_code", "USD");
        ArrayNode associations = deal.putArray("associations");
        for (String contactId : contactIds) {
            association(associations, contactId, 3);
        }
        association(associations, lineItemId, 19);
        return created(send("POST", sandbox, "/crm/v3/objects/deals", deal.toString(),
                Map.of("Authorization", HUBSPOT_TOKEN)));
    }

    private static void association(ArrayNode associations, String toId, int typeId) {
        ObjectNode association = associations.addObject();
        association.putObject("to").put("id", toId);
        association.putArray("types").addObject().put("associationCategory", "HUBSPOT_DEFINED")
                .put("associationTypeId", typeId);
    }

    private static String created(SuiteHttp.Reply reply) {
        assertEquals(201, reply.status(), reply.raw());
        return reply.body().path("id").asText();
    }

    private static SuiteHttp.Reply send(String method, URI base, String path, String body, Map<String, String> headers) {
        HttpRequest.Builder builder = E2eSuite.authorized(base.resolve(path)).timeout(Duration.ofSeconds(30))
                .header("Accept", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (body != null) {
            builder.header("Content-Type", "application/json");
        }
        new LinkedHashMap<>(headers).forEach(builder::header);
        try {
            HttpResponse<String> response = CLIENT.send(builder.build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new SuiteHttp.Reply(response.statusCode(), SuiteHttp.parse(response.body()), response.body());
        } catch (java.io.IOException e) {
            throw new IllegalStateException(method + " " + path + " failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
