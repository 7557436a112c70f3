package dev.ledgerbridge.sandbox.hubspot;

import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

import java.util.regex.Pattern;

/**
 * Bearer authentication and the per-portal rate limit on HubSpot's API paths ({@code /crm/...},
 * {@code /automation/v4/...}), answered with HubSpot's 401 / 429 bodies and X-HubSpot-RateLimit-* headers.
 */
public class HubSpotAuthFilter {

    private static final String DECISION = "ledgerbridge.hubspot.rate";
    // Action definition management also accepts the app's developer key (?hapikey=), as HubSpot's legacy v4 API does.
    private static final Pattern DEFINITIONS = Pattern.compile("^/?automation/v4/actions/\\d+(/.*)?$");

    private final HubSpotTokens tokens;
    private final HubSpotRateLimiter limiter;
    private final HubSpotSandboxConfig config;

    public HubSpotAuthFilter(HubSpotTokens tokens, HubSpotRateLimiter limiter, HubSpotSandboxConfig config) {
        this.tokens = tokens;
        this.limiter = limiter;
        this.config = config;
    }

    @ServerRequestFilter(priority = Priorities.AUTHENTICATION)
    public Response authenticate(ContainerRequestContext ctx) {
        String path = ctx.getUriInfo().getPath();
        if (!isHubSpotApi(path)) {
            return null;
        }
        String key;
        String hapikey = ctx.getUriInfo().getQueryParameters().getFirst("hapikey");
        if (hapikey != null && DEFINITIONS.matcher(path).matches()) {
            if (!config.developerApiKey().equals(hapikey)) {
                return HubSpotError.response(401, "INVALID_AUTHENTICATION", "The API key provided is invalid.");
            }
            key = "developer";
        } else {
            String auth = ctx.getHeaderString(HttpHeaders.AUTHORIZATION);
            String token = auth != null && auth.regionMatches(true, 0, "Bearer ", 0, 7) ? auth.substring(7).trim() : null;
            HubSpotTokens.Check check = tokens.check(token);
            if (check == HubSpotTokens.Check.EXPIRED) {
                return HubSpotError.response(401, "EXPIRED_AUTHENTICATION",
                        "The OAuth token used to make this call expired. Refresh it and retry.");
            }
            if (check != HubSpotTokens.Check.VALID) {
                return HubSpotError.response(401, "INVALID_AUTHENTICATION", token == null
                        ? "Authentication credentials not found. This API supports OAuth 2.0 authentication."
                        : "Authentication credentials are invalid for this portal.");
            }
            key = "portal-" + config.portalId();
        }
        HubSpotRateLimiter.Decision d = limiter.acquire(key);
        ctx.setProperty(DECISION, d);
        if (!d.allowed()) {
            Response.ResponseBuilder r = Response.fromResponse(HubSpotError.response(429, "RATE_LIMITS",
                    "You have reached your ten_secondly_rolling limit."));
            return withHeaders(r, d).build();
        }
        return null;
    }

    @ServerResponseFilter
    public void rateHeaders(ContainerRequestContext request, ContainerResponseContext response) {
        Object d = request.getProperty(DECISION);
        if (d instanceof HubSpotRateLimiter.Decision decision && response.getStatus() != 429) {
            response.getHeaders().putSingle("X-HubSpot-RateLimit-Max", decision.max());
            response.getHeaders().putSingle("X-HubSpot-RateLimit-Remaining", decision.remaining());
            response.getHeaders().putSingle("X-HubSpot-RateLimit-Interval-Milliseconds", decision.windowMillis());
        }
    }

    private static Response.ResponseBuilder withHeaders(Response.ResponseBuilder r, HubSpotRateLimiter.Decision d) {
        return r.header("X-HubSpot-RateLimit-Max", d.max())
                .header("X-HubSpot-RateLimit-Remaining", d.remaining())
                .header("X-HubSpot-RateLimit-Interval-Milliseconds", d.windowMillis());
    }

    static boolean isHubSpotApi(String path) {
        String p = path.startsWith("/") ? path : "/" + path;
        return p.startsWith("/crm/") || p.startsWith("/automation/v4/");
    }
}
