package dev.ledgerbridge.sandbox.qbo.rest;

import dev.ledgerbridge.sandbox.qbo.service.IntuitTokenService;
import dev.ledgerbridge.sandbox.qbo.service.IntuitTokenService.IntuitTokens;
import dev.ledgerbridge.sandbox.qbo.service.IntuitTokenService.OAuthException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;

/**
 * Intuit's token endpoint ({@code POST /oauth2/v1/tokens/bearer}): form-encoded, HTTP Basic client auth,
 * {@code authorization_code} and {@code refresh_token} grants; failures are {@code {"error":"..."}}.
 */
@Path("/oauth2/v1/tokens/bearer")
public class IntuitTokenResource {

    private final IntuitTokenService tokens;

    public IntuitTokenResource(IntuitTokenService tokens) {
        this.tokens = tokens;
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.APPLICATION_JSON)
    public IntuitTokens token(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @FormParam("grant_type") String grantType, @FormParam("code") String code,
            @FormParam("redirect_uri") String redirectUri, @FormParam("refresh_token") String refreshToken) {
        IntuitClientAuth.require(tokens, authorization);
        if ("authorization_code".equals(grantType)) {
            return tokens.exchangeCode(code, redirectUri);
        }
        if ("refresh_token".equals(grantType)) {
            return tokens.refresh(refreshToken);
        }
        throw new OAuthException(400, "unsupported_grant_type");
    }
}
