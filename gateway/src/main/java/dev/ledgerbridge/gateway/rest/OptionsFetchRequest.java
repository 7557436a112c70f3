package dev.ledgerbridge.gateway.rest;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ledgerbridge.gateway.mapping.ActionRequestParser.InvalidActionRequestException;
import java.io.IOException;

/**
 * What the gateway uses of HubSpot's options fetch: {@code origin.portalId}, {@code inputFieldName}, the other inputs'
 * current values ({@code inputFields}) and {@code fetchOptions {q, after}}.
 *
 * @param inputFieldName the field whose dropdown is opened, for logs
 * @param company        the current {@code quickbooks_company} value, null when none is chosen yet
 */
public record OptionsFetchRequest(long portalId, String inputFieldName, String company, String query, String after) {

    private static final String COMPANY_INPUT = "quickbooks_company";

    /** Reads the body (already signature-checked); anything missing is simply absent, except a body that is not JSON. */
    public static OptionsFetchRequest parse(ObjectMapper json, byte[] body) {
        JsonNode root;
        try {
            // As strict as the action parser: no duplicate keys, nothing after the object.
            root = body == null || body.length == 0 ? json.createObjectNode()
                    : json.reader().with(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
                            .with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).readTree(body);
        } catch (IOException e) {
            throw new InvalidActionRequestException("the options request body is not JSON");
        }
        if (root == null || root.isMissingNode() || !root.isObject()) {
            throw new InvalidActionRequestException("the options request body is not a JSON object");
        }
        JsonNode fetch = root.path("fetchOptions");
        return new OptionsFetchRequest(root.path("origin").path("portalId").asLong(0),
                text(root.path("inputFieldName")), inputValue(root.path("inputFields").path(COMPANY_INPUT)),
                text(fetch.path("q")), text(fetch.path("after")));
    }

    // HubSpot sends an input either as its bare value or as {"type": "STATIC_VALUE", "value": ...}; both are accepted.
    private static String inputValue(JsonNode field) {
        return field.isObject() ? text(field.path("value")) : text(field);
    }

    private static String text(JsonNode node) {
        if (node == null || node.isMissingNode() || node.isNull() || node.isContainerNode()) {
            return null;
        }
        String value = node.asText();
        return value.isBlank() ? null : value;
    }
}
