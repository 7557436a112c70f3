package dev.ledgerbridge.sandbox.hubspot;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * HubSpot's error body ({@code status, message, correlationId, category}); also written by the admin
 * layer's Vert.x filter outside Quarkus REST, hence the reflection registration.
 */
@RegisterForReflection
@JsonInclude(JsonInclude.Include.NON_NULL)
public record HubSpotError(String status, String message, String correlationId, String category,
                           Map<String, List<String>> context, Map<String, String> links) {

    /** A fresh error with a random correlation id, as HubSpot gives every failed request one. */
    public static HubSpotError of(String category, String message) {
        return new HubSpotError("error", message, UUID.randomUUID().toString(), category, null, null);
    }

    /** The whole HTTP response for this error. */
    public static Response response(int status, String category, String message) {
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(of(category, message)).build();
    }
}
