package dev.ledgerbridge.hubspot;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;

/**
 * HubSpot's OpenAPI specs from {@code shared/vendor-specs/hubspot} (found by walking up from the module directory,
 * or given with {@code -Dledgerbridge.vendorSpecs=<dir>}), used to check that a request the client sent matches a
 * documented operation: path, method, query parameter names and body schema.
 */
final class VendorSpecs {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final SchemaRegistry SCHEMAS = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_4);

    private final Map<String, JsonNode> specs = new LinkedHashMap<>();
    private final Map<String, Schema> compiled = new java.util.HashMap<>();

    VendorSpecs() {
        Path dir = locate();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
                JsonNode spec = JSON.readTree(file.toFile());
                strictify(spec.path("components"));
                strictify(spec.path("paths"));
                specs.put(file.getFileName().toString(), spec);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path locate() {
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
            for (Path candidate : List.of(p.resolve("shared/vendor-specs/hubspot"), p.resolve("vendor-specs/hubspot"))) {
                if (Files.isDirectory(candidate)) {
                    return candidate;
                }
            }
        }
        throw new IllegalStateException("HubSpot vendor specs not found above " + Path.of("").toAbsolutePath()
                + "; pass -Dledgerbridge.vendorSpecs=<dir>");
    }

    /**
     * The specs leave {@code additionalProperties} open, so a misspelt field would pass; closing every object schema
     * that lists its properties makes a field unknown to HubSpot fail the check.
     */
    private static void strictify(JsonNode node) {
        if (node.isObject()) {
            ObjectNode object = (ObjectNode) node;
            if ("object".equals(object.path("type").asText()) && object.path("properties").isObject()
                    && !object.has("additionalProperties")) {
                object.put("additionalProperties", false);
            }
            object.elements().forEachRemaining(VendorSpecs::strictify);
        } else if (node.isArray()) {
            node.elements().forEachRemaining(VendorSpecs::strictify);
        }
    }

    /** Problems of one sent request against the spec operation matching its method and path; empty when valid. */
    List<String> check(String method, String url, String contentType, String body) {
        String path = url.contains("?") ? url.substring(0, url.indexOf('?')) : url;
        String query = url.contains("?") ? url.substring(url.indexOf('?') + 1) : "";
        for (Map.Entry<String, JsonNode> spec : specs.entrySet()) {
            Iterator<Map.Entry<String, JsonNode>> paths = spec.getValue().path("paths").fields();
            while (paths.hasNext()) {
                Map.Entry<String, JsonNode> entry = paths.next();
                JsonNode operation = entry.getValue().path(method.toLowerCase());
                if (!operation.isMissingNode() && templateMatches(entry.getKey(), path)) {
                    return checkOperation(spec.getKey(), spec.getValue(), entry.getKey(), operation, query,
                            contentType, body);
                }
            }
        }
        return List.of("no operation " + method + " " + path + " in any HubSpot spec");
    }

    /** {@code {x}} matches one segment; the deals spec writes the type id 0-3, which HubSpot accepts as "deals" too. */
    private static boolean templateMatches(String template, String path) {
        String regex = Pattern.quote(template)
                .replaceAll("\\{[^}/]+}", "\\\\E[^/]+\\\\Q")
                .replace("/0-3", "\\E/(?:0-3|deals)\\Q");
        return Pattern.matches(regex, path);
    }

    private List<String> checkOperation(String file, JsonNode spec, String template, JsonNode operation, String query,
            String contentType, String body) {
        List<String> problems = new ArrayList<>();
        List<String> allowedQuery = new ArrayList<>();
        operation.path("parameters").forEach(p -> {
            if ("query".equals(p.path("in").asText())) {
                allowedQuery.add(p.path("name").asText());
            }
        });
        spec.path("components").path("securitySchemes").forEach(s -> {
            if ("apiKey".equals(s.path("type").asText()) && "query".equals(s.path("in").asText())) {
                allowedQuery.add(s.path("name").asText());
            }
        });
        if (!query.isEmpty()) {
            for (String pair : query.split("&")) {
                String name = URLDecoder.decode(pair.split("=", 2)[0], StandardCharsets.UTF_8);
                if (!allowedQuery.contains(name)) {
                    problems.add("query parameter " + name + " not in " + file + " " + template);
                }
            }
        }
        boolean hasBody = body != null && !body.isEmpty();
        JsonNode requestBody = operation.path("requestBody");
        if (!hasBody) {
            if (requestBody.path("required").asBoolean(false)) {
                problems.add("missing required body for " + template);
            }
            return problems;
        }
        String mediaType = contentType == null ? "" : contentType.split(";")[0].trim();
        JsonNode media = requestBody.path("content").path(mediaType);
        if (media.isMissingNode()) {
            problems.add("content type " + mediaType + " not accepted by " + file + " " + template);
            return problems;
        }
        String instance = mediaType.equals("application/x-www-form-urlencoded") ? formAsJson(body) : body;
        Schema validator = compiled.computeIfAbsent(file + " " + template + " " + mediaType, key -> {
            // The operation's schema becomes the root, with the spec's components alongside so $refs resolve.
            ObjectNode root = JSON.createObjectNode();
            root.set("components", spec.path("components"));
            root.set("paths", spec.path("paths"));
            root.setAll((ObjectNode) media.path("schema").deepCopy());
            return SCHEMAS.getSchema(root.toString());
        });
        for (Error error : validator.validate(instance, InputFormat.JSON)) {
            problems.add(template + ": " + error.getMessage());
        }
        return problems;
    }

    private static String formAsJson(String form) {
        ObjectNode node = JSON.createObjectNode();
        for (String pair : form.split("&")) {
            String[] kv = pair.split("=", 2);
            node.put(URLDecoder.decode(kv[0], StandardCharsets.UTF_8),
                    kv.length > 1 ? URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : "");
        }
        return node.toString();
    }
}
