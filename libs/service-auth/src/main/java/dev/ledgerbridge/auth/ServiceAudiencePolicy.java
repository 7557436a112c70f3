package dev.ledgerbridge.auth;

import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.security.HttpSecurityPolicy;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * The {@code ledgerbridge-service} policy: the caller's token (already verified for signature, issuer and expiry by
 * smallrye-jwt; a bad one never gets here, it is 401) must name this service in {@code aud}. No token at all is a
 * denial of an anonymous identity, which Quarkus answers with 401 and a Bearer challenge; a valid token for another
 * service is a denial of an authenticated identity: 403.
 *
 * <p>The audience is checked here, not by smallrye-jwt ({@code mp.jwt.verify.audiences}), because a verifier that
 * checks it answers 401: a well-signed token for the wrong service is an authorisation failure, not a failed login.
 */
@ApplicationScoped
public class ServiceAudiencePolicy implements HttpSecurityPolicy {

    /** The name to use in {@code quarkus.http.auth.permission.<name>.policy}. */
    public static final String NAME = "ledgerbridge-service";

    private final AuthConfig config;

    public ServiceAudiencePolicy(AuthConfig config) {
        this.config = config;
    }

    @Override
    public Uni<CheckResult> checkPermission(RoutingContext request, Uni<SecurityIdentity> identity,
            AuthorizationRequestContext requestContext) {
        return identity.map(id -> isForThisService(id) ? CheckResult.PERMIT : CheckResult.DENY);
    }

    @Override
    public String name() {
        return NAME;
    }

    boolean isForThisService(SecurityIdentity identity) {
        if (identity == null || identity.isAnonymous()
                || !(identity.getPrincipal() instanceof JsonWebToken token)) {
            return false;
        }
        var audience = token.getAudience();
        return audience != null && audience.contains(config.audience());
    }
}
