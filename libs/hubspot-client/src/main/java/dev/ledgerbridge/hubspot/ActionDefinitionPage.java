package dev.ledgerbridge.hubspot;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * One page of custom workflow action definitions ({@code CollectionResponsePublicActionDefinitionForwardPaging});
 * definitions stay JSON trees because their schema is large and evolves.
 */
@RegisterForReflection // Jackson (de)serialises it inside this library, outside Quarkus REST.
public record ActionDefinitionPage(List<JsonNode> results, Paging paging) {

    public ActionDefinitionPage {
        results = results == null ? List.of() : List.copyOf(results);
    }
}
