package dev.ledgerbridge.sandbox.oidc;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The sandbox as the OIDC provider of LedgerBridge's internal service tokens (issue 8): in production the cluster's
 * (e.g. Keycloak) issues them; locally and in tests the sandbox does, with Keycloak's paths.
 */
@ConfigMapping(prefix = "ledgerbridge.sandbox.oidc")
public interface OidcConfig {

    /** The realm in the paths ({@code /realms/<realm>/...}); default {@code ledgerbridge}. */
    @WithDefault("ledgerbridge")
    String realm();

    /** Lifetime of an access token; default {@code PT5M} (Keycloak's default). */
    @WithDefault("PT5M")
    Duration tokenLifetime();

    /** Issuer base when it must not follow the request's host, e.g. {@code http://sandbox:8090}; default none. */
    Optional<String> issuerBase();

    /** The confidential clients allowed the client-credentials grant, by client id. */
    Map<String, Client> clients();

    /** One confidential client. */
    interface Client {

        /** Its client secret. */
        String secret();

        /** Audiences it may ask a token for (the services whose API it calls). */
        List<String> audiences();

        /** Roles its tokens carry (in {@code realm_access.roles} and {@code groups}); default none. */
        Optional<List<String>> roles();
    }
}
