package dev.ledgerbridge.auth;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Who this service is to the OIDC provider's tokens. Defaults in the module's
 * {@code META-INF/microprofile-config.properties}.
 */
@ConfigMapping(prefix = "ledgerbridge.auth")
public interface AuthConfig {

    /**
     * The OIDC provider's realm URL ({@code OIDC_AUTH_SERVER_URL}): the JWKS and the token endpoint are under it
     * (Keycloak's paths).
     */
    String serverUrl();

    /** The issuer the tokens must name ({@code OIDC_ISSUER}; Keycloak's is the realm URL). */
    String issuer();

    /**
     * The audience a caller's token must name to use this service's protected paths: the service's client id at the
     * provider (the application name by default, e.g. {@code document-service}).
     */
    String audience();

    /** The role the admin API requires ({@code admin}), read from the token's {@code realm_access.roles}. */
    @WithDefault("admin")
    String adminRole();
}
