package dev.ledgerbridge.gateway;

import java.util.Map;

/**
 * A verified, parsed HubSpot workflow-action execution request (domain brief 2.2).
 *
 * @param inputFields the action's input values as text (HubSpot may send numbers or strings), absent ones missing
 */
public record ActionRequest(String callbackId, long portalId, String objectType, String objectId,
        Map<String, String> inputFields) {

    public ActionRequest {
        inputFields = inputFields == null ? Map.of() : Map.copyOf(inputFields);
    }

    /** The input's value, or null when absent or blank. */
    public String input(String name) {
        String value = inputFields.get(name);
        return value == null || value.isBlank() ? null : value.trim();
    }
}
