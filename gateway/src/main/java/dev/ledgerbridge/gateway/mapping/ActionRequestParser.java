package dev.ledgerbridge.gateway.mapping;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ledgerbridge.gateway.ActionRequest;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Parses HubSpot's execution request (domain brief 2.2) from the raw body the signature was checked on. Lenient about
 * shapes HubSpot varies (ids and inputs as numbers or strings), strict about what the journal needs.
 */
@ApplicationScoped
public class ActionRequestParser {

    /** HubSpot's callback ids look like {@code ap-102670506-56776413549-7-0}. */
    private static final Pattern CALLBACK_ID = Pattern.compile("[A-Za-z0-9._:-]{1,200}");
    private static final Pattern OBJECT_ID = Pattern.compile("\\d{1,18}");
    /** A name ({@code DEAL}) or an object type id ({@code 0-3}, {@code 2-123456}). */
    private static final Pattern OBJECT_TYPE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{0,63}");

    private final ObjectMapper json;

    public ActionRequestParser(ObjectMapper json) {
        this.json = json;
    }

    /** The request, or {@link InvalidActionRequestException} naming the first unusable field. */
    public ActionRequest parse(byte[] body) {
        JsonNode root;
        try {
            // Duplicate keys and trailing content are refused: two readers of one body must never see two requests.
            root = json.reader().with(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
                    .with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).readTree(body);
        } catch (IOException e) {
            // Also too deep nesting, invalid UTF-8 and truncation; Jackson's message may quote the body, so not used.
            throw new InvalidActionRequestException("the body is not JSON");
        }
        if (root == null || root.isMissingNode() || !root.isObject()) {
            throw new InvalidActionRequestException("the body is not a JSON object");
        }
        JsonNode callback = root.get("callbackId");
        if (callback == null || callback.isNull() || callback.isTextual() && callback.asText().isBlank()) {
            throw new InvalidActionRequestException("callbackId is missing");
        }
        if (!callback.isTextual()) {
            throw new InvalidActionRequestException("callbackId is not a string");
        }
        String callbackId = callback.asText().trim();
        if (!CALLBACK_ID.matcher(callbackId).matches()) {
            // It names the journal row and every log line of the execution: only HubSpot's own characters.
            throw new InvalidActionRequestException("callbackId has characters HubSpot callback ids do not have");
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
        if (!OBJECT_ID.matcher(objectId).matches()) {
            // It becomes part of HubSpot API paths: digits only, never a path or query fragment.
            throw new InvalidActionRequestException("object.objectId is not a HubSpot record id (digits)");
        }
        if (!OBJECT_TYPE.matcher(objectType).matches()) {
            throw new InvalidActionRequestException("object.objectType is not a HubSpot object type");
        }
        JsonNode portal = root.path("origin").get("portalId");
        if (portal == null || !(portal.isIntegralNumber() && portal.canConvertToLong()
                || portal.isTextual() && portal.asText().matches("\\d{1,18}"))) {
            throw new InvalidActionRequestException("origin.portalId is missing or not a number");
        }
        long portalId = portal.isNumber() ? portal.asLong() : Long.parseLong(portal.asText());
        if (portalId <= 0) {
            throw new InvalidActionRequestException("origin.portalId is not a HubSpot account id");
        }
        JsonNode fields = root.get("inputFields");
        if (fields != null && !fields.isNull() && !fields.isObject()) {
            throw new InvalidActionRequestException("inputFields is not a JSON object");
        }
        return new ActionRequest(callbackId, portalId, objectType.toUpperCase(java.util.Locale.ROOT), objectId,
                inputs(fields));
    }

    // An object or array where HubSpot sends text is kept as its JSON text, so the input's own check refuses it
    // (INVALID_INPUT) instead of the action silently running with the input's default.
    private static Map<String, String> inputs(JsonNode fields) {
        Map<String, String> inputs = new LinkedHashMap<>();
        if (fields != null && fields.isObject()) {
            fields.fields().forEachRemaining(field -> {
                JsonNode value = field.getValue();
                String text = value.isContainerNode() ? value.toString() : text(value);
                if (text != null) {
                    inputs.put(field.getKey(), text);
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
