package dev.ledgerbridge.hubspot;

import java.util.List;
import java.util.Map;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * HubSpot's error body ({@code status}, {@code message}, {@code correlationId}, {@code category}, {@code errors[]});
 * every field is optional because HubSpot omits them freely (OAuth errors carry {@code status} such as
 * {@code BAD_REFRESH_TOKEN}, CRM errors carry {@code status: "error"} plus a {@code category}).
 */
@RegisterForReflection // Jackson (de)serialises it inside this library, outside Quarkus REST.
public record HubSpotError(String status, String message, String correlationId, String category, String subCategory,
        List<ErrorDetail> errors, Map<String, List<String>> context, Map<String, String> links) {
}
