package dev.ledgerbridge.sandbox.qbo.rest;

import dev.ledgerbridge.sandbox.qbo.service.IntuitTokenService;
import dev.ledgerbridge.sandbox.qbo.service.IntuitTokenService.OAuthException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.jboss.resteasy.reactive.RestQuery;

/**
 * Intuit's authorize page ({@code GET /connect/oauth2}): the simulated user consents at once and picks the
 * company named by the sandbox-only {@code realmId} parameter, else the one set through
 * {@link IntuitTokenService#setAuthorizeRealm(String)}, else the configured default (the US company).
 */
@Path("/connect/oauth2")
public class IntuitAuthorizeResource {

    private static final String ACCOUNTING_SCOPE = "com.intuit.quickbooks.accounting";

    private final IntuitTokenService tokens;

    public IntuitAuthorizeResource(IntuitTokenService tokens) {
        this.tokens = tokens;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Response authorize(@RestQuery("client_id") String clientId, @RestQuery("response_type") String responseType,
            @RestQuery String scope, @RestQuery("redirect_uri") String redirectUri, @RestQuery String state,
            @RestQuery String realmId) {
        // Without a valid client or redirect there is nowhere safe to send the user back to.
        if (clientId == null || !tokens.isClientId(clientId)) {
            throw new OAuthException(400, "invalid_client");
        }
        if (redirectUri == null || redirectUri.isBlank()) {
            throw new OAuthException(400, "invalid_request");
        }
        if (!"code".equals(responseType)) {
            return redirect(redirectUri, state, "error", "unsupported_response_type");
        }
        if (scope == null || !List.of(scope.split(" ")).contains(ACCOUNTING_SCOPE)) {
            return redirect(redirectUri, state, "error", "invalid_scope");
        }
        String realm = realmId != null ? realmId : tokens.authorizeRealm();
        if (!tokens.knowsRealm(realm)) {
            return redirect(redirectUri, state, "error", "access_denied");
        }
        String code = tokens.issueCode(realm, redirectUri);
        return redirect(redirectUri, state, "code", code, "realmId", realm);
    }

    /** Builds the redirect by hand: UriBuilder would treat braces in {@code state} as templates. */
    private static Response redirect(String redirectUri, String state, String... pairs) {
        StringBuilder location = new StringBuilder(redirectUri).append(redirectUri.contains("?") ? '&' : '?');
        List<String> parameters = new ArrayList<>(List.of(pairs));
        if (state != null) {
            parameters.add("state");
            parameters.add(state);
        }
        for (int i = 0; i < parameters.size(); i += 2) {
            if (i > 0) {
                location.append('&');
            }
            location.append(parameters.get(i)).append('=')
                    .append(URLEncoder.encode(parameters.get(i + 1), StandardCharsets.UTF_8));
        }
        return Response.status(302).location(URI.create(location.toString())).build();
    }
}
