package dev.ledgerbridge.auth;

import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.security.HttpSecurityPolicy;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The {@code ledgerbridge-admin} policy for the admin API (settings, connections, executions): a token for this
 * service (as {@link ServiceAudiencePolicy}) that also carries the admin role. A service's own token, valid for the
 * internal API, is refused here with 403.
 */
@ApplicationScoped
public class AdminPolicy implements HttpSecurityPolicy {

    /** The name to use in {@code quarkus.http.auth.permission.<name>.policy}. */
    public static final String NAME = "ledgerbridge-admin";

    private final ServiceAudiencePolicy audience;
    private final AuthConfig config;

    public AdminPolicy(ServiceAudiencePolicy audience, AuthConfig config) {
        this.audience = audience;
        this.config = config;
    }

    @Override
    public Uni<CheckResult> checkPermission(RoutingContext request, Uni<SecurityIdentity> identity,
            AuthorizationRequestContext requestContext) {
        return identity.map(id -> audience.isForThisService(id) && id.hasRole(config.adminRole())
                ? CheckResult.PERMIT : CheckResult.DENY);
    }

    @Override
    public String name() {
        return NAME;
    }
}
