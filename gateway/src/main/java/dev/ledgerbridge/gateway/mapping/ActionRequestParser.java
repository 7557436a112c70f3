package dev.ledgerbridge.gateway.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ledgerbridge.gateway.ActionRequest;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Parses HubSpot's execution request (domain brief 2.2) from the raw body the signature was checked on. Lenient about
 * shapes HubSpot varies (ids and inputs as numbers or strings), strict about what the journal needs.
 */
@ApplicationScoped
public class ActionRequestParser {

    private final ObjectMapper json;

    public ActionRequestParser(ObjectMapper json) {
        this.json = json;
    }

    /** The request, or {@link InvalidActionRequestException} naming the first unusable field. */
    public ActionRequest parse(byte[] body) {
        JsonNode root;
        try {
            root = json.readTree(body);
        } catch (IOException e) {
            throw new InvalidActionRequestException("the body is not JSON");
        }
        if (root == null || !root.isObject()) {
            throw new InvalidActionRequestException("the body is not a JSON object");
        }
        String callbackId = text(root.get("callbackId"));
        if (callbackId == null) {
            throw new InvalidActionRequestException("callbackId is missing");
        }
        JsonNode object = root.get("object");
        if (object == null || !object.isObject()) {
            throw new InvalidActionRequestException("object is missing");
        }
        String objectId = text(object.get("objectId"));
        String objectType = text(object.get("objectType"));
        if (objectId == null || objectType == null) {
            throw new InvalidActionRequestException("object.objectId and object.objectType are required");
        }
        JsonNode portal = root.path("origin").get("portalId");
        if (portal == null || !(portal.canConvertToLong() || portal.asText("").matches("\\d{1,18}"))) {
            throw new InvalidActionRequestException("origin.portalId is missing or not a number");
        }
        long portalId = portal.isNumber() ? portal.asLong() : Long.parseLong(portal.asText());
        return new ActionRequest(callbackId, portalId, objectType.toUpperCase(java.util.Locale.ROOT), objectId,
                inputs(root.get("inputFields")));
    }

    private static Map<String, String> inputs(JsonNode fields) {
        Map<String, String> inputs = new LinkedHashMap<>();
        if (fields != null && fields.isObject()) {
            fields.fields().forEachRemaining(field -> {
                String value = text(field.getValue());
                if (value != null) {
                    inputs.put(field.getKey(), value);
                }
            });
        }
        return inputs;
    }

    private static String text(JsonNode node) {
        if (node == null || node.isNull() || node.isContainerNode()) {
            return null;
        }
        String value = node.asText();
        return value == null || value.isBlank() ? null : value.trim();
    }

    /** The execution request cannot be used (answered 400). */
    public static class InvalidActionRequestException extends RuntimeException {

        public InvalidActionRequestException(String message) {
            super(message, null, false, false);
        }
    }
}
