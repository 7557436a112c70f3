package dev.ledgerbridge.hubspot;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;

/**
 * WireMock transformer that answers a batch read with one record per input id, in reverse input order, because
 * HubSpot does not promise that results follow the order of {@code inputs}.
 */
final class ReversedBatchResults implements ResponseDefinitionTransformerV2 {

    static final String NAME = "reversed-batch-results";
    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public ResponseDefinition transform(ServeEvent serveEvent) {
        try {
            JsonNode request = JSON.readTree(serveEvent.getRequest().getBodyAsString());
            List<String> ids = new ArrayList<>();
            request.path("inputs").forEach(input -> ids.add(input.path("id").asText()));
            Collections.reverse(ids);
            ObjectNode body = JSON.createObjectNode().put("status", "COMPLETE")
                    .put("startedAt", "2026-03-02T10:00:00Z").put("completedAt", "2026-03-02T10:00:01Z");
            ArrayNode results = body.putArray("results");
            for (String id : ids) {
                ObjectNode result = results.addObject().put("id", id).put("archived", false);
                result.putObject("properties").put("name", "line " + id);
            }
            return ResponseDefinitionBuilder.like(serveEvent.getResponseDefinition()).but()
                    .withHeader("Content-Type", "application/json")
                    .withBody(JSON.writeValueAsString(body)).build();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public boolean applyGlobally() {
        return false;
    }

    @Override
    public String getName() {
        return NAME;
    }

    static int inputCount(String requestBody) {
        try {
            return JSON.readTree(requestBody).path("inputs").size();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
