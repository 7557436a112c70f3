package dev.ledgerbridge.hubspot;

import java.util.List;
import java.util.Map;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** Error entry of a batch response ({@code StandardError}); {@code context.ids} names the failed inputs. */
@RegisterForReflection // Jackson (de)serialises it inside this library, outside Quarkus REST.
public record BatchError(String status, String category, String message, String id, Map<String, List<String>> context,
        List<ErrorDetail> errors) {

    /** Ids HubSpot lists under {@code context.ids}, empty when absent. */
    public List<String> contextIds() {
        return context == null || context.get("ids") == null ? List.of() : context.get("ids");
    }
}
