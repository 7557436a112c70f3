package dev.ledgerbridge.gateway.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ledgerbridge.gateway.ConnectionVendor;
import io.quarkus.oidc.client.OidcClient;
import io.quarkus.oidc.client.OidcClientException;
import io.quarkus.oidc.client.OidcClients;
import io.quarkus.oidc.client.Tokens;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.util.Map;
import java.util.Set;

/**
 * The vendors' OAuth token endpoints through {@code quarkus-oidc-client}'s named clients {@code intuit} and
 * {@code hubspot}: code exchange, refresh and (Intuit) revocation. Failures are classified here, once:
 * {@link GrantRefusedException} when the vendor refused the grant, {@link TokenEndpointUnavailableException} for
 * everything else.
 */
// OidcClientException carries neither the HTTP status nor a parsed body: its message is the endpoint's raw error body
// (or "OIDC Server is not available" when no answer came). A refusal is recognised by its OAuth error code in that body;
// a 5xx page, a timeout or an unparsable body is transient. The body itself is never logged or passed on.
@ApplicationScoped
public class VendorTokenEndpoints {

    /** Intuit's RFC 6749 code and HubSpot's status values that mean "this grant is dead". */
    private static final Set<String> REFUSALS = Set.of("invalid_grant", "BAD_REFRESH_TOKEN", "BAD_AUTH_CODE");

    private final OidcClients clients;
    private final ObjectMapper json;

    public VendorTokenEndpoints(OidcClients clients, ObjectMapper json) {
        this.clients = clients;
        this.json = json;
    }

    /** {@code grant_type=authorization_code} with the redirect URI the authorize request carried. */
    public Uni<Tokens> exchangeCode(ConnectionVendor vendor, String code, String redirectUri) {
        return Uni.createFrom().deferred(() -> client(vendor).getTokens(Map.of("code", code, "redirect_uri", redirectUri)))
                .onFailure().transform(e -> classify(vendor, e));
    }

    /** {@code grant_type=refresh_token}. */
    public Uni<Tokens> refresh(ConnectionVendor vendor, String refreshToken) {
        return Uni.createFrom().deferred(() -> client(vendor).refreshTokens(refreshToken))
                .onFailure().transform(e -> classify(vendor, e));
    }

    /** Revokes the whole Intuit grant behind a refresh token; an unavailable endpoint fails transiently. */
    public Uni<Void> revokeQuickBooks(String refreshToken) {
        return Uni.createFrom().deferred(() -> client(ConnectionVendor.QUICKBOOKS).revokeAccessToken(refreshToken))
                .onFailure().transform(e -> classify(ConnectionVendor.QUICKBOOKS, e))
                .invoke(revoked -> {
                    if (!revoked) {
                        throw new TokenEndpointUnavailableException(ConnectionVendor.QUICKBOOKS, "revocation answered 503");
                    }
                })
                .replaceWithVoid();
    }

    private OidcClient client(ConnectionVendor vendor) {
        return clients.getClient(vendor == ConnectionVendor.QUICKBOOKS ? "intuit" : "hubspot");
    }

    /** Maps an OIDC client failure to a refusal of the grant or a transient failure. */
    RuntimeException classify(ConnectionVendor vendor, Throwable failure) {
        if (failure instanceof GrantRefusedException || failure instanceof TokenEndpointUnavailableException) {
            return (RuntimeException) failure;
        }
        if (failure instanceof OidcClientException && failure.getMessage() != null) {
            String error = errorCode(failure.getMessage());
            if (error != null && REFUSALS.contains(error)) {
                return new GrantRefusedException(vendor, error);
            }
            return new TokenEndpointUnavailableException(vendor, error == null ? "no OAuth error code in the answer"
                    : "error " + error);
        }
        return new TokenEndpointUnavailableException(vendor, failure.getClass().getSimpleName());
    }

    /** {@code error} (RFC 6749, Intuit) or {@code status} (HubSpot) of a JSON error body; null when there is none. */
    private String errorCode(String body) {
        try {
            JsonNode node = json.readTree(body);
            if (node != null && node.path("error").isTextual()) {
                return safe(node.get("error").asText());
            }
            if (node != null && node.path("status").isTextual()) {
                return safe(node.get("status").asText());
            }
        } catch (IOException e) {
            // not JSON: a proxy's error page, "OIDC Server is not available", ...
        }
        return null;
    }

    /** Error codes are short identifiers; anything else is not echoed (it could carry more than a code). */
    private static String safe(String code) {
        return code.matches("[A-Za-z0-9_.-]{1,64}") ? code : null;
    }
}
