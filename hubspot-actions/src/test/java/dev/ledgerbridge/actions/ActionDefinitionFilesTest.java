package dev.ledgerbridge.actions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.ledgerbridge.actions.ActionDefinitions.Definition;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The shipped definition files: HubSpot's schema, the suite's actions, options URLs, outputs and messages. */
class ActionDefinitionFilesTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final URI BASE = URI.create("https://bridge.example.com");
    private static final Set<String> ACTIONS = Set.of("create-invoice", "create-estimate", "create-sales-receipt",
            "create-paid-invoice", "create-payment-sales-receipt", "create-fee-expense", "create-refund-receipt");
    private static final Set<String> OPTION_LISTS = Set.of("companies", "terms", "deposit-accounts",
            "expense-accounts", "income-accounts", "vendors");
    private static final List<String> OUTPUTS = List.of("qbo_document_id", "qbo_doc_number", "qbo_total", "qbo_link",
            "error_code", "error_message");

    private final List<Definition> definitions = ActionDefinitions.load(BASE);

    @Test
    void shouldValidateEveryFileAgainstHubSpotsCreateDefinitionSchema() throws IOException {
        Schema egg = eggSchema();
        List<String> problems = new ArrayList<>();
        for (Definition definition : definitions) {
            for (Error error : egg.validate(definition.definition().toString(), InputFormat.JSON)) {
                problems.add(definition.action() + ": " + error.getMessage());
            }
        }
        assertEquals(List.of(), problems);
    }

    @Test
    void shouldShipOneDefinitionPerActionOfTheSuitePointingAtTheGateway() {
        assertEquals(ACTIONS, definitions.stream().map(Definition::action).collect(Collectors.toSet()));
        for (Definition definition : definitions) {
            assertEquals(BASE + "/hubspot/actions/" + definition.action(), definition.definition().path("actionUrl").asText());
            assertTrue(definition.definition().path("published").asBoolean());
            assertTrue(definition.definition().path("labels").has("en"), definition.action());
            assertTrue(definition.definition().path("labels").has("de"), definition.action());
        }
    }

    @Test
    void shouldFeedEveryDropdownFromAGatewayOptionsEndpoint() {
        for (Definition definition : definitions) {
            boolean company = false;
            for (JsonNode field : definition.definition().path("inputFields")) {
                JsonNode type = field.path("typeDefinition");
                if (type.path("type").asText().equals("enumeration")) {
                    String url = type.path("optionsUrl").asText();
                    assertTrue(url.startsWith(BASE + "/hubspot/options/"), definition.action() + " " + url);
                    assertTrue(OPTION_LISTS.contains(url.substring(url.lastIndexOf('/') + 1)), url);
                }
                if (type.path("name").asText().equals("quickbooks_company")) {
                    company = field.path("isRequired").asBoolean();
                }
            }
            assertTrue(company, definition.action() + " must require the QuickBooks company (R1)");
        }
        JsonNode terms = find("create-invoice", "payment_terms");
        assertEquals(BASE + "/hubspot/options/terms", terms.path("typeDefinition").path("optionsUrl").asText());
        // R2: terms only on invoices (A1, A4).
        for (String action : List.of("create-estimate", "create-sales-receipt", "create-payment-sales-receipt")) {
            assertTrue(find(action, "payment_terms").isMissingNode(), action);
        }
    }

    @Test
    void shouldAnswerWithTheSixOutputFieldsEverywhere() {
        for (Definition definition : definitions) {
            List<String> names = new ArrayList<>();
            definition.definition().path("outputFields").forEach(f -> names.add(f.path("typeDefinition").path("name").asText()));
            assertEquals(OUTPUTS, names, definition.action());
        }
    }

    @Test
    void shouldTurnEveryErrorCodeOfTheServicesIntoAMessageInEveryLanguage() throws IOException {
        Set<String> codes = refusalCodesInTheServices();
        for (Definition definition : definitions) {
            Set<String> ruled = new TreeSet<>();
            for (JsonNode rule : definition.definition().path("executionRules")) {
                String code = rule.path("conditions").path("error_code").asText();
                ruled.add(code);
                for (String language : List.of("en", "de")) {
                    String message = definition.definition().path("labels").path(language).path("executionRules")
                            .path(rule.path("labelName").asText()).asText();
                    assertTrue(!message.isBlank(), definition.action() + " " + language + " " + code);
                }
            }
            Set<String> missing = new TreeSet<>(codes);
            if (PAYMENT_ACTIONS.contains(definition.action())) {
                missing.addAll(paymentRefusalCodes());
            }
            missing.removeAll(ruled);
            assertEquals(Set.of(), missing, definition.action() + " lacks execution rules");
        }
    }

    /**
     * The error codes the services answer with for a refusal a HubSpot user can see: the constants of the services'
     * refusal types and the contact refusals (kept in step by grepping the sources, as the definitions must be).
     */
    private static Set<String> refusalCodesInTheServices() throws IOException {
        Path root = Path.of("..").toAbsolutePath().normalize();
        Set<String> codes = new HashSet<>();
        Pattern constant = Pattern.compile("public static final String [A-Z_]+ = \"([A-Z][A-Z0-9_]+)\"");
        for (String file : List.of("document-service/src/main/java/dev/ledgerbridge/documents/DocumentRefusedException.java",
                "document-service/src/main/java/dev/ledgerbridge/documents/UpstreamUnavailableException.java",
                "product-catalog-service/src/main/java/dev/ledgerbridge/catalog/LineItemRefusal.java",
                "gateway/src/main/java/dev/ledgerbridge/gateway/service/ActionInputs.java")) {
            Matcher m = constant.matcher(Files.readString(root.resolve(file)));
            while (m.find()) {
                codes.add(m.group(1));
            }
        }
        String contacts = Files.readString(root.resolve(
                "contact-sync-service/src/main/java/dev/ledgerbridge/contacts/CustomerResolutionRefusal.java"));
        Matcher m = Pattern.compile("^\\s+([A-Z][A-Z_]+)[,;]", Pattern.MULTILINE).matcher(contacts);
        while (m.find()) {
            codes.add(m.group(1));
        }
        // The gateway's own: a blocked execution that kept failing until its block expired (slow path).
        codes.add("EXECUTION_EXPIRED");
        // Settings refusals answer the settings API, never an action; in-progress is retried by the gateway.
        codes.removeAll(Set.of("INVALID_DEPOSIT_ACCOUNT", "UNKNOWN_PAYMENT_METHOD", "INVALID_DOC_NUMBER_PATTERN",
                "DOCUMENT_IN_PROGRESS", "GATEWAY_UNAVAILABLE", "IDEMPOTENCY_KEY_CONFLICT", "UNSUPPORTED_DOCUMENT_TYPE"));
        return codes;
    }

    /** The actions whose enrolled record is a HubSpot payment (A4-A7). */
    private static final Set<String> PAYMENT_ACTIONS = Set.of("create-paid-invoice", "create-payment-sales-receipt",
            "create-fee-expense", "create-refund-receipt");

    /** What payments-bridge-service refuses a payment with (its policy's and its own constants). */
    private static Set<String> paymentRefusalCodes() throws IOException {
        Path root = Path.of("..").toAbsolutePath().normalize();
        Set<String> codes = new HashSet<>();
        Pattern constant = Pattern.compile("public static final String [A-Z_]+ = \"([A-Z][A-Z0-9_]+)\"");
        for (String file : List.of("payments-bridge-service/src/main/java/dev/ledgerbridge/payments/PaymentPolicy.java",
                "payments-bridge-service/src/main/java/dev/ledgerbridge/payments/service/PaymentBridge.java")) {
            Matcher m = constant.matcher(Files.readString(root.resolve(file)));
            while (m.find()) {
                codes.add(m.group(1));
            }
        }
        assertTrue(codes.contains("SOURCE_IS_INVOICE"), "the policy's codes were not found: " + codes);
        return codes;
    }

    private JsonNode find(String action, String input) {
        for (Definition definition : definitions) {
            if (definition.action().equals(action)) {
                for (JsonNode field : definition.definition().path("inputFields")) {
                    if (field.path("typeDefinition").path("name").asText().equals(input)) {
                        return field;
                    }
                }
            }
        }
        return JSON.missingNode();
    }

    /**
     * {@code PublicActionDefinitionEgg} from HubSpot's automation-actions-v4 spec, with every object schema that lists
     * its properties closed (a misspelt field fails) as the hubspot-client conformance tests do. One documented
     * deviation: the spec types each execution-rule condition as an object, while HubSpot's guide (domain brief 2.1)
     * matches an output field against a plain value or a list, which is what the definitions use.
     */
    private static Schema eggSchema() throws IOException {
        JsonNode spec = JSON.readTree(specFile().toFile());
        ObjectNode components = (ObjectNode) spec.path("components");
        strictify(components);
        ((ObjectNode) components.path("schemas").path("PublicExecutionTranslationRule").path("properties")
                .path("conditions")).set("additionalProperties", JSON.createObjectNode());
        ObjectNode root = JSON.createObjectNode();
        root.set("components", components);
        root.put("$ref", "#/components/schemas/PublicActionDefinitionEgg");
        return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_4).getSchema(root.toString());
    }

    private static Path specFile() {
        String configured = System.getProperty("ledgerbridge.vendorSpecs");
        if (configured != null) {
            return Path.of(configured, "automation-actions-v4.json");
        }
        // The vendor-specs root, for a checkout not below the workplace's shared/ (see scripts/test.sh).
        String root = System.getenv("LEDGERBRIDGE_VENDOR_SPECS");
        if (root != null && !root.isBlank()) {
            return Path.of(root, "hubspot", "automation-actions-v4.json");
        }
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            for (Path candidate : List.of(p.resolve("shared/vendor-specs/hubspot"), p.resolve("vendor-specs/hubspot"))) {
                if (Files.isDirectory(candidate)) {
                    return candidate.resolve("automation-actions-v4.json");
                }
            }
        }
        throw new IllegalStateException("HubSpot vendor specs not found; pass -Dledgerbridge.vendorSpecs=<dir>");
    }

    private static void strictify(JsonNode node) {
        if (node.isObject()) {
            ObjectNode object = (ObjectNode) node;
            if ("object".equals(object.path("type").asText()) && object.path("properties").isObject()
                    && object.path("properties").size() > 0 && !object.has("additionalProperties")) {
                object.put("additionalProperties", false);
            }
            object.elements().forEachRemaining(ActionDefinitionFilesTest::strictify);
        } else if (node.isArray()) {
            node.elements().forEachRemaining(ActionDefinitionFilesTest::strictify);
        }
    }
}
