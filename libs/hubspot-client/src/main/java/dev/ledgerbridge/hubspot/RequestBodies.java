package dev.ledgerbridge.hubspot;

import java.util.List;
import java.util.Map;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * Request bodies this client serialises, named after their schemas in HubSpot's OpenAPI specs.
 */
final class RequestBodies {

    private RequestBodies() {
    }

    /** {@code BatchReadInputSimplePublicObjectId}: the spec requires {@code propertiesWithHistory}, sent empty. */
    @RegisterForReflection // Jackson serialises it inside this library, outside Quarkus REST.
    record BatchRead(List<String> properties, List<String> propertiesWithHistory, List<ObjectId> inputs) {
    }

    /** {@code SimplePublicObjectInput}. */
    @RegisterForReflection // Jackson serialises it inside this library, outside Quarkus REST.
    record Properties(Map<String, String> properties) {
    }

    /** {@code SimplePublicObjectInputForCreate}: the spec requires {@code associations}, sent empty when none. */
    @RegisterForReflection // Jackson serialises it inside this library, outside Quarkus REST.
    record Create(Map<String, String> properties, List<AssociationInput> associations) {

        Create {
            associations = associations == null ? List.of() : associations;
        }
    }

    /** {@code SimplePublicObjectBatchInputUpsert}: the unique property's value as {@code id}, named by {@code idProperty}. */
    @RegisterForReflection // Jackson serialises it inside this library, outside Quarkus REST.
    record UpsertItem(String id, String idProperty, Map<String, String> properties) {
    }

    /** {@code BatchInput*}: {@code {"inputs": [...]}}. */
    @RegisterForReflection // Jackson serialises it inside this library, outside Quarkus REST.
    record Inputs<T>(List<T> inputs) {
    }
}
