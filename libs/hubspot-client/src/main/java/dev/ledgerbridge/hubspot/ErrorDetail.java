package dev.ledgerbridge.hubspot;

import java.util.List;
import java.util.Map;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** One detail entry of a HubSpot error body ({@code ErrorDetail}); every field may be absent. */
@RegisterForReflection // Jackson (de)serialises it inside this library, outside Quarkus REST.
public record ErrorDetail(String message, String code, String in, String subCategory, Map<String, List<String>> context) {
}
