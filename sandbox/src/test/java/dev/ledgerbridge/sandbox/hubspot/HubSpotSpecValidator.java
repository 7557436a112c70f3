package dev.ledgerbridge.sandbox.hubspot;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Validates sandbox responses against HubSpot's published OpenAPI specs (copied unchanged to
 * {@code src/test/resources/hubspot/specs}): swagger-parser finds the operation by method and path template,
 * the response's schema is turned into a JSON Schema document (2020-12; the spec's components are carried
 * along so {@code $ref}s resolve) and networknt's validator checks the body. Specs are loaded once per JVM.
 */
public final class HubSpotSpecValidator {

    private static final List<String> SPECS = List.of("automation-actions-v4.json", "crm-associations-v4.json",
            "crm-commerce-payments-v3.json", "crm-contacts-v3.json", "crm-deals-v3.json", "crm-line-items-v3.json",
            "crm-products-v3.json", "crm-quotes-v3.json", "oauth-v1.json");

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static volatile HubSpotSpecValidator instance;

    private record Spec(String file, OpenAPI model, ObjectNode components) {
    }

    private record Match(Spec spec, String template, Operation operation) {
    }

    private final List<Spec> specs = new ArrayList<>();
    private final SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);
    private final Map<String, Schema> compiled = new ConcurrentHashMap<>();

    private HubSpotSpecValidator() {
        ParseOptions options = new ParseOptions();
        options.setResolve(false);
        for (String file : SPECS) {
            String text = read(file);
            OpenAPI model = new OpenAPIV3Parser().readContents(text, null, options).getOpenAPI();
            if (model == null) {
                throw new IllegalStateException("swagger-parser could not read " + file);
            }
            try {
                ObjectNode raw = (ObjectNode) MAPPER.readTree(text);
                ObjectNode components = (ObjectNode) raw.get("components");
                strip(components);
                patch(file, components);
                specs.add(new Spec(file, model, components));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** The shared validator (specs are parsed once). */
    public static HubSpotSpecValidator get() {
        if (instance == null) {
            synchronized (HubSpotSpecValidator.class) {
                if (instance == null) {
                    instance = new HubSpotSpecValidator();
                }
            }
        }
        return instance;
    }

    /** Fails the test unless the body matches the schema the spec gives for this operation and status. */
    public void assertValid(String method, String path, int status, String body) {
        List<String> errors = validate(method, path, status, body);
        if (!errors.isEmpty()) {
            throw new AssertionError(method + " " + path + " -> " + status + " does not match HubSpot's spec: "
                    + errors + "\nbody: " + body);
        }
    }

    /** Errors of the body against the operation's response schema (the status's own or the default one). */
    public List<String> validate(String method, String path, int status, String body) {
        Match m = find(method, path);
        ApiResponse response = m.operation().getResponses().get(Integer.toString(status));
        if (response == null) {
            response = m.operation().getResponses().getDefault();
        }
        if (response == null) {
            return List.of("the spec defines no response " + status + " for " + method + " " + m.template());
        }
        if (response.get$ref() != null) {
            String name = response.get$ref().substring(response.get$ref().lastIndexOf('/') + 1);
            response = m.spec().model().getComponents().getResponses().get(name);
        }
        if (response.getContent() == null || response.getContent().isEmpty()) {
            return body == null || body.isBlank() ? List.of() : List.of("the spec defines no body for " + status);
        }
        MediaType media = response.getContent().values().iterator().next();
        String key = m.spec().file() + " " + method + " " + m.template() + " " + status;
        Schema schema = compiled.computeIfAbsent(key, k -> compile(m.spec(), media));
        List<String> out = new ArrayList<>();
        for (Error e : schema.validate(body, InputFormat.JSON)) {
            out.add(e.toString());
        }
        return out;
    }

    private Schema compile(Spec spec, MediaType media) {
        ObjectNode root = MAPPER.createObjectNode();
        if (media.getSchema().get$ref() != null) {
            root.put("$ref", media.getSchema().get$ref());
        } else {
            // Inline response schemas (arrays of refs and the like) are serialised from the parsed model.
            root.setAll((ObjectNode) MAPPER.valueToTree(io.swagger.v3.core.util.Json.mapper().convertValue(media.getSchema(), Map.class)));
        }
        root.set("components", spec.components());
        return registry.getSchema(root.toString());
    }

    private Match find(String method, String path) {
        String p = path.contains("?") ? path.substring(0, path.indexOf('?')) : path;
        // The deals spec names the object by its type id.
        p = p.replaceFirst("^/crm/v3/objects/deals(?=/|$)", "/crm/v3/objects/0-3");
        Match best = null;
        int bestLiterals = -1;
        for (Spec spec : specs) {
            for (Map.Entry<String, PathItem> e : spec.model().getPaths().entrySet()) {
                if (!pattern(e.getKey()).matcher(p).matches()) {
                    continue;
                }
                Operation op = e.getValue().readOperationsMap().get(PathItem.HttpMethod.valueOf(method.toUpperCase(Locale.ROOT)));
                int literals = e.getKey().replaceAll("\\{[^}]+}", "").length();
                if (op != null && literals > bestLiterals) {
                    best = new Match(spec, e.getKey(), op);
                    bestLiterals = literals;
                }
            }
        }
        if (best == null) {
            throw new AssertionError("No operation in HubSpot's specs for " + method + " " + path);
        }
        return best;
    }

    private static Pattern pattern(String template) {
        StringBuilder re = new StringBuilder();
        for (String part : template.split("(?=\\{)|(?<=})")) {
            re.append(part.startsWith("{") ? "[^/]+" : Pattern.quote(part));
        }
        return Pattern.compile(re.toString());
    }

    /** OpenAPI-only keywords (examples, vendor extensions) are not JSON Schema; drop them. */
    private static void strip(JsonNode node) {
        if (node instanceof ObjectNode o) {
            Iterator<String> names = o.fieldNames();
            List<String> drop = new ArrayList<>();
            while (names.hasNext()) {
                String n = names.next();
                if (n.equals("example") || n.startsWith("x-")) {
                    drop.add(n);
                }
            }
            o.remove(drop);
            o.forEach(HubSpotSpecValidator::strip);
        } else if (node != null && node.isArray()) {
            node.forEach(HubSpotSpecValidator::strip);
        }
    }

    /** Known mistakes in HubSpot's specs, worked around here rather than in the sandbox. */
    private static void patch(String file, ObjectNode components) {
        if (file.equals("automation-actions-v4.json")) {
            // Spec bug: executionRules[].conditions values are typed as objects, but HubSpot's own docs (and the
            // definitions the suite registers) use strings or lists of strings, e.g. {"errorCode": "NO_CONTACT"}.
            ObjectNode conditions = (ObjectNode) components.at("/schemas/PublicExecutionTranslationRule/properties/conditions");
            conditions.set("additionalProperties", MAPPER.createObjectNode());
        }
    }

    /**
     * Reads a spec from {@code shared/vendor-specs/hubspot} (the vendors' files, kept unchanged outside the repository),
     * found by walking up from the module directory, or from {@code -Dledgerbridge.vendorSpecs=<dir>}.
     */
    private static String read(String file) {
        try {
            return Files.readString(specDirectory().resolve(file), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path specDirectory() {
        String configured = System.getProperty("ledgerbridge.vendorSpecs");
        if (configured != null) {
            return Path.of(configured);
        }
        // The vendor-specs root, for a checkout not below the workplace's shared/ (see scripts/test.sh).
        String root = System.getenv("LEDGERBRIDGE_VENDOR_SPECS");
        if (root != null && !root.isBlank()) {
            return Path.of(root, "hubspot");
        }
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            Path candidate = p.resolve("shared/vendor-specs/hubspot");
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("HubSpot vendor specs not found above " + Path.of("").toAbsolutePath()
                + "; pass -Dledgerbridge.vendorSpecs=<dir>");
    }
}
