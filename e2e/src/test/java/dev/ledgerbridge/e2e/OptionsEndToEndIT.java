package dev.ledgerbridge.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The dropdowns of the action definitions against the running gateway and the sandbox's QuickBooks: options fetches
 * signed as HubSpot signs them (the sandbox's workflow engine does not fetch options, so the test signs).
 */
class OptionsEndToEndIT {

    /** The local HubSpot app secret the suite's gateway verifies with. */
    private static final String APP_SECRET = "ledgerbridge-local-secret";

    private static SuiteLauncher suite;
    private static SuiteHttp http;

    @BeforeAll
    static void launch() {
        suite = E2eSuite.suite();
        http = E2eSuite.http();
    }

    @Test
    void shouldListTheUsCompanysActiveTermsByName() {
        SuiteHttp.Reply reply = fetch("terms", SuiteHttp.US_REALM, null);

        assertEquals(200, reply.status(), reply.raw());
        List<String> labels = values(reply.body(), "label");
        assertTrue(labels.containsAll(List.of("Due on receipt", "Net 15", "Net 30", "Net 60")), reply.raw());
        assertEquals(labels, values(reply.body(), "value"), "a term is passed on by its name");
        assertTrue(reply.body().path("searchable").asBoolean());
    }

    @Test
    void shouldListOnlyBankAndOtherCurrentAssetAccountsAsDepositAccounts() {
        SuiteHttp.Reply reply = fetch("deposit-accounts", SuiteHttp.US_REALM, null);

        assertEquals(200, reply.status(), reply.raw());
        List<String> labels = values(reply.body(), "label");
        assertTrue(labels.containsAll(List.of("Checking", "Undeposited Funds")), reply.raw());
        assertFalse(labels.contains("Services") || labels.contains("Company Card"), reply.raw());
        for (String id : values(reply.body(), "value")) {
            String type = E2eSuite.qboEntity(SuiteHttp.US_REALM, "Account", id).path("AccountType").asText();
            assertTrue(type.equals("Bank") || type.equals("Other Current Asset"), id + " is " + type);
        }
    }

    @Test
    void shouldSearchTermsCaseInsensitively() {
        SuiteHttp.Reply reply = fetch("terms", SuiteHttp.US_REALM, "NET 3");

        assertEquals(200, reply.status(), reply.raw());
        assertEquals(List.of("Net 30"), values(reply.body(), "label"));
    }

    @Test
    void shouldOfferTheUsCompanyButNotTheCanadianOne() {
        SuiteHttp.Reply reply = fetch("companies", null, null);

        assertEquals(200, reply.status(), reply.raw());
        List<String> realms = values(reply.body(), "value");
        assertTrue(realms.contains(SuiteHttp.US_REALM), reply.raw());
        assertFalse(realms.contains(SuiteHttp.CANADIAN_REALM), reply.raw());
    }

    @Test
    void shouldAskForTheCompanyBeforeListingItsAccounts() {
        SuiteHttp.Reply reply = fetch("income-accounts", null, null);

        assertEquals(200, reply.status(), reply.raw());
        assertEquals(0, reply.body().path("options").size());
        assertTrue(reply.body().path("description").asText().contains("Choose the QuickBooks company first"));
    }

    @Test
    void shouldRefuseAnUnsignedOptionsFetch() {
        SuiteHttp.Reply reply = http.postToGateway("/hubspot/options/terms", body(SuiteHttp.US_REALM, null),
                Map.of("X-HubSpot-Signature-v3", "bm90IGEgc2lnbmF0dXJl",
                        "X-HubSpot-Request-Timestamp", String.valueOf(System.currentTimeMillis())));

        assertEquals(401, reply.status(), reply.raw());
    }

    private static SuiteHttp.Reply fetch(String kind, String realm, String q) {
        String path = "/hubspot/options/" + kind;
        String body = body(realm, q);
        String timestamp = String.valueOf(System.currentTimeMillis());
        String url = suite.url(SuiteApp.GATEWAY).resolve(path).toString();
        return http.postToGateway(path, body, Map.of("X-HubSpot-Request-Timestamp", timestamp,
                "X-HubSpot-Signature-v3", signV3("POST", url, body, timestamp)));
    }

    private static String body(String realm, String q) {
        String inputs = realm == null ? "{}" : "{\"quickbooks_company\":\"" + realm + "\"}";
        String fetchOptions = q == null ? "{}" : "{\"q\":\"" + q + "\"}";
        return "{\"origin\":{\"portalId\":" + SuiteHttp.PORTAL + ",\"actionDefinitionId\":1,\"actionDefinitionVersion\":1},"
                + "\"inputFieldName\":\"x\",\"inputFields\":" + inputs + ",\"fetchOptions\":" + fetchOptions + "}";
    }

    /** HubSpot's v3 signature: Base64(HMAC-SHA256(secret, method + URL + body + timestamp)). */
    private static String signV3(String method, String url, String body, String timestamp) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(APP_SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return Base64.getEncoder().encodeToString(
                    mac.doFinal((method + url + body + timestamp).getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> values(JsonNode answer, String field) {
        List<String> out = new ArrayList<>();
        answer.path("options").forEach(o -> out.add(o.path(field).asText()));
        return out;
    }
}
