package dev.ledgerbridge.hubspot;

import java.util.function.UnaryOperator;

import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.type.TypeFactory;

import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpMethod;

/**
 * Custom workflow action definitions of one app ({@code /automation/v4/actions/{appId}}), kept as JSON trees in
 * HubSpot's {@code PublicActionDefinition} shape. Obtain it from {@link HubSpotPortal#actionDefinitions(long)}
 * (Bearer token) or {@link HubSpotClient#actionDefinitions(long, String)} (developer API key).
 */
public final class HubSpotActionDefinitions {

    private static final JavaType NODE = TypeFactory.defaultInstance().constructType(JsonNode.class);
    private static final JavaType PAGE = TypeFactory.defaultInstance().constructType(ActionDefinitionPage.class);

    private final HubSpotHttp http;
    private final long appId;
    private final UnaryOperator<ApiCall.Builder> auth;

    HubSpotActionDefinitions(HubSpotHttp http, long appId, UnaryOperator<ApiCall.Builder> auth) {
        this.http = http;
        this.appId = appId;
        this.auth = auth;
    }

    /** The app whose definitions this handle manages. */
    public long appId() {
        return appId;
    }

    /** {@code POST /automation/v4/actions/{appId}} ({@code PublicActionDefinitionEgg}); returns the stored definition. */
    public Uni<JsonNode> create(JsonNode definition) {
        ApiCall call = auth.apply(ApiCall.builder(HttpMethod.POST, "/automation/v4/actions/{appId}", app())
                .body(http.toJson(definition), ApiCall.JSON)).build();
        return http.read(call, NODE);
    }

    /** One page of {@code GET /automation/v4/actions/{appId}}; pass null {@code after} for the first page. */
    public Uni<ActionDefinitionPage> list(String after) {
        ApiCall call = auth.apply(ApiCall.builder(HttpMethod.GET, "/automation/v4/actions/{appId}", app())
                .query("after", after)
                .retryable(true)).build();
        return http.read(call, PAGE);
    }

    /** {@code GET /automation/v4/actions/{appId}/{definitionId}}; emits null when it does not exist (404). */
    public Uni<JsonNode> get(String definitionId) {
        ApiCall call = auth.apply(ApiCall.builder(HttpMethod.GET, "/automation/v4/actions/{appId}/{definitionId}",
                app(), definitionId)
                .retryable(true)).build();
        return http.readOrNull(call, NODE);
    }

    /** {@code PATCH /automation/v4/actions/{appId}/{definitionId}} ({@code PublicActionDefinitionPatch}). */
    public Uni<JsonNode> update(String definitionId, JsonNode patch) {
        ApiCall call = auth.apply(ApiCall.builder(HttpMethod.PATCH, "/automation/v4/actions/{appId}/{definitionId}",
                app(), definitionId)
                .body(http.toJson(patch), ApiCall.JSON)).build();
        return http.read(call, NODE);
    }

    private String app() {
        return Long.toString(appId);
    }
}
