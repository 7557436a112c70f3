package dev.ledgerbridge.k8s;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;

/**
 * The strict JSON schemas of Kubernetes 1.32 objects in {@code shared/vendor-specs/kubernetes} (found by walking up
 * from the module directory, or given with {@code -Dledgerbridge.k8sSchemas=<dir>}); unknown fields fail.
 */
final class KubernetesSchemas {

    static final String VERSION_DIR = "v1.32.2-standalone-strict";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path dir;
    private final SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_4);
    private final Map<String, Schema> compiled = new HashMap<>();

    KubernetesSchemas() {
        this.dir = locate();
    }

    private static Path locate() {
        String configured = System.getProperty("ledgerbridge.k8sSchemas");
        if (configured != null) {
            return Path.of(configured);
        }
        // The vendor-specs root, for a checkout not below the workplace's shared/ (see scripts/test.sh).
        String root = System.getenv("LEDGERBRIDGE_VENDOR_SPECS");
        if (root != null && !root.isBlank()) {
            return Path.of(root, "kubernetes", VERSION_DIR);
        }
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            for (Path candidate : List.of(p.resolve("shared/vendor-specs/kubernetes/" + VERSION_DIR),
                    p.resolve("vendor-specs/kubernetes/" + VERSION_DIR))) {
                if (Files.isDirectory(candidate)) {
                    return candidate;
                }
            }
        }
        throw new IllegalStateException("Kubernetes schemas not found above " + Path.of("").toAbsolutePath()
                + "; pass -Dledgerbridge.k8sSchemas=<dir>");
    }

    /** Schema file of an object: {@code <kind>-<first label of the group>-<version>.json}, core objects without group. */
    static String fileName(JsonNode object) {
        String apiVersion = object.path("apiVersion").asText();
        String kind = object.path("kind").asText().toLowerCase(Locale.ROOT);
        int slash = apiVersion.indexOf('/');
        if (slash < 0) {
            return kind + "-" + apiVersion + ".json";
        }
        String group = apiVersion.substring(0, slash);
        int dot = group.indexOf('.');
        String shortGroup = dot < 0 ? group : group.substring(0, dot);
        return kind + "-" + shortGroup + "-" + apiVersion.substring(slash + 1) + ".json";
    }

    /** Every schema violation of the object; an object whose kind has no schema is one violation, never skipped. */
    List<String> validate(JsonNode object) {
        String file = fileName(object);
        Path schemaFile = dir.resolve(file);
        if (!Files.isRegularFile(schemaFile)) {
            return List.of(Kustomize.id(object) + ": no schema " + file + " in " + dir
                    + " (add the kind's schema or do not render that kind)");
        }
        Schema schema = compiled.computeIfAbsent(file, f -> compile(schemaFile));
        List<String> errors = new ArrayList<>();
        for (Error e : schema.validate(object.toString(), InputFormat.JSON)) {
            errors.add(Kustomize.id(object) + ": " + e);
        }
        return errors;
    }

    private Schema compile(Path file) {
        try {
            ObjectNode root = (ObjectNode) JSON.readTree(file.toFile());
            // The files name the generic draft URI, which the validator does not resolve; the content is draft 4.
            root.remove("$schema");
            return registry.getSchema(root.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
