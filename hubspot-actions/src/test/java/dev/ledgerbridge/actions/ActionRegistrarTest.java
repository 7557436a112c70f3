package dev.ledgerbridge.actions;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.patchRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import dev.ledgerbridge.actions.ActionDefinitions.Definition;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The register command against HubSpot's definition endpoints in WireMock: create, leave alone, update. */
class ActionRegistrarTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PATH = "/automation/v4/actions/1";

    private WireMockServer hubspot;

    @BeforeEach
    void start() {
        hubspot = new WireMockServer(wireMockConfig().dynamicPort());
        hubspot.start();
        hubspot.stubFor(post(urlPathEqualTo(PATH)).willReturn(aResponse().withStatus(201)
                .withHeader("Content-Type", "application/json").withBody("{\"id\": \"1000001\", \"revisionId\": \"1\"}")));
        hubspot.stubFor(patch(urlPathMatching(PATH + "/[0-9]+")).willReturn(okJson("{\"id\": \"1000001\", \"revisionId\": \"2\"}")));
    }

    @AfterEach
    void stop() {
        hubspot.stop();
    }

    @Test
    void shouldCreateEveryDefinitionTheAppLacksWithTheDeveloperKey() {
        stubList(JSON.createArrayNode());

        Result result = run("--app-id", "1", "--base-url", "http://gateway.example", "--hubspot-url", hubspot.baseUrl(),
                "--developer-api-key", "dev-key");

        assertEquals(0, result.exitCode(), result.err());
        hubspot.verify(7, postRequestedFor(urlPathEqualTo(PATH)).withQueryParam("hapikey", equalTo("dev-key")));
        hubspot.verify(0, patchRequestedFor(anyUrl()));
        assertTrue(result.out().contains("7 action definitions of app 1: 7 created, 0 updated, 0 unchanged."), result.out());
    }

    @Test
    void shouldChangeNothingWhenHubSpotHoldsTheDefinitionsAsShipped() {
        // As HubSpot stores them: ids and revisions added, defaults filled in, our fields unchanged.
        ArrayNode stored = JSON.createArrayNode();
        int id = 1000001;
        for (Definition definition : ActionDefinitions.load(URI.create("http://gateway.example"))) {
            ObjectNode copy = definition.definition().deepCopy();
            copy.put("id", Integer.toString(id++));
            copy.put("revisionId", "3");
            ((ObjectNode) copy.path("inputFields").get(0).path("typeDefinition")).put("externalOptions", true);
            stored.add(copy);
        }
        stubList(stored);

        Result result = run("--app-id", "1", "--base-url", "http://gateway.example/", "--hubspot-url", hubspot.baseUrl());

        assertEquals(0, result.exitCode(), result.err());
        hubspot.verify(0, postRequestedFor(anyUrl()));
        hubspot.verify(0, patchRequestedFor(anyUrl()));
        assertTrue(result.out().contains("No change: all 7 action definitions of app 1 are up to date."), result.out());
    }

    @Test
    void shouldUpdateOnlyTheDefinitionsThatDifferSuchAsAfterANewGatewayUrl() throws Exception {
        ArrayNode stored = JSON.createArrayNode();
        int id = 1000001;
        for (Definition definition : ActionDefinitions.load(URI.create("http://gateway.example"))) {
            ObjectNode copy = definition.definition().deepCopy();
            copy.put("id", Integer.toString(id++));
            if (definition.action().equals("create-estimate")) {
                copy.put("actionUrl", "http://old-gateway.example/hubspot/actions/create-estimate");
            }
            stored.add(copy);
        }
        stubList(stored);

        Result result = run("--app-id", "1", "--base-url", "http://gateway.example", "--hubspot-url", hubspot.baseUrl());

        assertEquals(0, result.exitCode(), result.err());
        hubspot.verify(0, postRequestedFor(anyUrl()));
        hubspot.verify(1, patchRequestedFor(urlPathEqualTo(PATH + "/1000002")));
        JsonNode sent = JSON.readTree(hubspot.findAll(patchRequestedFor(anyUrl())).get(0).getBodyAsString());
        assertEquals("http://gateway.example/hubspot/actions/create-estimate", sent.path("actionUrl").asText());
        assertFalse(sent.has("functions"), "functions are not part of a PATCH");
        assertTrue(result.out().contains("updated: create-estimate (1000002)"), result.out());
    }

    @Test
    void shouldRefuseACallWithoutAppId() {
        Result result = run("--base-url", "http://gateway.example");

        assertEquals(2, result.exitCode());
        assertTrue(result.err().contains("--app-id is required"), result.err());
        assertEquals(0, hubspot.getAllServeEvents().size());
    }

    @Test
    void shouldFailWithExitCode1WhenHubSpotRefuses() {
        hubspot.stubFor(get(urlPathEqualTo(PATH)).willReturn(aResponse().withStatus(401)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"status\": \"error\", \"message\": \"The API key provided is invalid.\", \"category\": \"INVALID_AUTHENTICATION\"}")));

        Result result = run("--app-id", "1", "--hubspot-url", hubspot.baseUrl(), "--developer-api-key", "wrong");

        assertEquals(1, result.exitCode());
        assertTrue(result.err().startsWith("Registration failed"), result.err());
        assertFalse(result.err().contains("wrong"), "the key never appears in messages");
    }

    private void stubList(ArrayNode results) {
        ObjectNode page = JSON.createObjectNode();
        page.set("results", results);
        hubspot.stubFor(get(urlPathEqualTo(PATH)).willReturn(okJson(page.toString())));
    }

    private record Result(int exitCode, String out, String err) {
    }

    private static Result run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = RegisterActions.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }
}
