package dev.ledgerbridge.sandbox.oidc;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.UriInfo;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Mints the provider's access tokens: Keycloak's claims for a client-credentials grant, signed with the realm key. */
@ApplicationScoped
public class OidcTokenIssuer {

    private final OidcConfig config;
    private final OidcKeys keys;
    private final ObjectMapper json;

    public OidcTokenIssuer(OidcConfig config, OidcKeys keys, ObjectMapper json) {
        this.config = config;
        this.keys = keys;
        this.json = json;
    }

    /**
     * A signed token for the client: {@code iss}, {@code sub}/{@code azp} of its service account, {@code aud} (one
     * value or an array, as Keycloak writes it), {@code iat}/{@code exp} from {@code issuedAt} and the lifetime, and
     * its roles in {@code realm_access.roles} and {@code groups}.
     */
    public String issue(String clientId, OidcConfig.Client client, List<String> audiences, String issuer,
            Instant issuedAt, long lifetimeSeconds) {
        ObjectNode claims = json.createObjectNode()
                .put("exp", issuedAt.getEpochSecond() + lifetimeSeconds)
                .put("iat", issuedAt.getEpochSecond())
                .put("jti", UUID.randomUUID().toString())
                .put("iss", issuer)
                .put("sub", "service-account-" + clientId)
                .put("typ", "Bearer")
                .put("azp", clientId)
                .put("preferred_username", "service-account-" + clientId);
        if (audiences.size() == 1) {
            claims.put("aud", audiences.get(0));
        } else {
            ArrayNode aud = claims.putArray("aud");
            audiences.forEach(aud::add);
        }
        List<String> roles = client.roles().orElse(List.of());
        ArrayNode realmRoles = claims.putObject("realm_access").putArray("roles");
        ArrayNode groups = claims.putArray("groups");
        roles.forEach(realmRoles::add);
        roles.forEach(groups::add);
        return keys.sign(claims);
    }

    /** The issuer: {@code issuer-base} or the request's scheme and authority, then {@code /realms/<realm>}. */
    public String issuer(UriInfo uri) {
        String base = config.issuerBase().orElseGet(() -> {
            var requestUri = uri.getBaseUri();
            return requestUri.getScheme() + "://" + requestUri.getAuthority();
        });
        return (base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + "/realms/" + config.realm();
    }
}
