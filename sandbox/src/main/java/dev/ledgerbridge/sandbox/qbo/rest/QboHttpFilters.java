package dev.ledgerbridge.sandbox.qbo.rest;

import dev.ledgerbridge.sandbox.qbo.QboClock;
import dev.ledgerbridge.sandbox.qbo.service.IntuitTokenService;
import dev.ledgerbridge.sandbox.qbo.service.IntuitTokenService.Authentication;
import dev.ledgerbridge.sandbox.qbo.service.QboThrottle;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.UUID;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * What QBO's gateway does before and after every API call under {@code /v3/company/{realmId}}: bearer token check
 * (401/403 with the gateway's lower-case bodies), the per-company throttle (429) and the {@code intuit_tid}
 * header. Paths outside the QBO and Intuit OAuth prefixes are left alone (the HubSpot half shares the server).
 */
public class QboHttpFilters {

    static final String API_PREFIX = "/v3/company/";
    static final String TID_HEADER = "intuit_tid";

    private final IntuitTokenService tokens;
    private final QboThrottle throttle;
    private final QboClock clock;

    public QboHttpFilters(IntuitTokenService tokens, QboThrottle throttle, QboClock clock) {
        this.tokens = tokens;
        this.throttle = throttle;
        this.clock = clock;
    }

    @ServerRequestFilter
    public Response guardCompanyApi(ContainerRequestContext context) {
        String path = context.getUriInfo().getPath();
        if (!path.startsWith(API_PREFIX)) {
            return null;
        }
        String rest = path.substring(API_PREFIX.length());
        String realmId = rest.contains("/") ? rest.substring(0, rest.indexOf('/')) : rest;
        String header = context.getHeaderString(HttpHeaders.AUTHORIZATION);
        String token = header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)
                ? header.substring(7).trim() : null;
        Authentication authentication = tokens.authenticate(token);
        if (authentication instanceof Authentication.Invalid invalid) {
            return Response.status(401)
                    .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"Intuit\", error=\"invalid_token\"")
                    .type(MediaType.APPLICATION_JSON_TYPE)
                    .entity(QboFaultBodies.authenticationFailed(invalid.reason()))
                    .build();
        }
        if (!((Authentication.Valid) authentication).realmId().equals(realmId)) {
            return Response.status(403)
                    .type(MediaType.APPLICATION_JSON_TYPE)
                    .entity(QboFaultBodies.authorizationFailed(realmId))
                    .build();
        }
        if (!throttle.tryAcquire(realmId)) {
            return Response.status(429)
                    .type(MediaType.APPLICATION_JSON_TYPE)
                    .entity(QboFaultBodies.throttled(clock.now(), throttle.perSecond(), throttle.perMinute()))
                    .build();
        }
        return null;
    }

    @ServerResponseFilter
    public void addIntuitTid(ContainerRequestContext request, ContainerResponseContext response) {
        String path = request.getUriInfo().getPath();
        if (path.startsWith(API_PREFIX) || path.startsWith("/oauth2/") || path.startsWith("/connect/oauth2")
                || path.startsWith("/v2/oauth2/")) {
            response.getHeaders().putSingle(TID_HEADER, "1-" + UUID.randomUUID().toString().replace("-", ""));
        }
    }
}
