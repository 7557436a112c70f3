package dev.ledgerbridge.sandbox.qbo.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ledgerbridge.sandbox.qbo.service.IntuitTokenService;
import dev.ledgerbridge.sandbox.qbo.service.IntuitTokenService.OAuthException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

/**
 * Intuit's revoke endpoint ({@code POST /v2/oauth2/tokens/revoke}): {@code {"token":"..."}} (or a form field)
 * revokes the whole grant behind an access or refresh token; unknown tokens still answer 200 (RFC 7009).
 */
@Path("/v2/oauth2/tokens/revoke")
public class IntuitRevokeResource {

    private final IntuitTokenService tokens;
    private final ObjectMapper mapper;

    public IntuitRevokeResource(IntuitTokenService tokens, ObjectMapper mapper) {
        this.tokens = tokens;
        this.mapper = mapper;
    }

    @POST
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    public Response revoke(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType, String body) {
        IntuitClientAuth.require(tokens, authorization);
        tokens.revoke(tokenFrom(contentType, body));
        return Response.ok().build();
    }

    private String tokenFrom(String contentType, String body) {
        if (body == null || body.isBlank()) {
            throw new OAuthException(400, "invalid_request");
        }
        if (contentType != null && contentType.startsWith(MediaType.APPLICATION_FORM_URLENCODED)) {
            for (String pair : body.split("&")) {
                if (pair.startsWith("token=")) {
                    return URLDecoder.decode(pair.substring(6), StandardCharsets.UTF_8);
                }
            }
            throw new OAuthException(400, "invalid_request");
        }
        try {
            JsonNode json = mapper.readTree(body);
            if (!json.path("token").isTextual()) {
                throw new OAuthException(400, "invalid_request");
            }
            return json.get("token").asText();
        } catch (JsonProcessingException e) {
            throw new OAuthException(400, "invalid_request");
        }
    }
}
