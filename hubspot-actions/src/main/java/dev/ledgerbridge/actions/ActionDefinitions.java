package dev.ledgerbridge.actions;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The suite's custom workflow action definitions (R24), one JSON file per action in {@code definitions/} on the class
 * path, in HubSpot's {@code PublicActionDefinitionEgg} shape; {@code ${baseUrl}} stands for the gateway's public
 * base URL and is filled in at registration.
 */
public final class ActionDefinitions {

    /** The placeholder of the gateway's public base URL in {@code actionUrl} and every {@code optionsUrl}. */
    public static final String BASE_URL_PLACEHOLDER = "${baseUrl}";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String INDEX = "definitions/index.txt";

    private ActionDefinitions() {
    }

    /**
     * One action definition.
     *
     * @param action     the action's slug, the last segment of its {@code actionUrl}, e.g. {@code create-invoice}
     * @param definition the definition with the base URL filled in
     */
    public record Definition(String action, JsonNode definition) {
    }

    /** Every definition, in the order of the index, with {@code baseUrl} (no trailing slash) filled in. */
    public static List<Definition> load(URI baseUrl) {
        String base = baseUrl.toString().replaceAll("/+$", "");
        List<Definition> definitions = new ArrayList<>();
        for (String file : read(INDEX).split("\n")) {
            if (file.isBlank()) {
                continue;
            }
            String text = read("definitions/" + file.strip()).replace(BASE_URL_PLACEHOLDER, base);
            try {
                definitions.add(new Definition(file.strip().replaceAll("\\.json$", ""), JSON.readTree(text)));
            } catch (IOException e) {
                throw new UncheckedIOException("definition " + file + " is not valid JSON", e);
            }
        }
        return definitions;
    }

    /** The raw text of a definition resource, placeholders untouched (tests validate the shipped files). */
    public static String read(String resource) {
        try (InputStream in = ActionDefinitions.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing class path resource " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
