package dev.ledgerbridge.sandbox.hubspot;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.time.Duration;
import java.util.Map;

/** Sandbox-only controls of the HubSpot half: change the rate limit, expire an access token. */
@Path("/_sandbox/hubspot")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class HubSpotSandboxAdminResource {

    /** New rate limit: requests per window of windowMillis. */
    public record RateLimitSettings(int requests, long windowMillis) {
    }

    private final HubSpotRateLimiter limiter;
    private final HubSpotTokens tokens;

    public HubSpotSandboxAdminResource(HubSpotRateLimiter limiter, HubSpotTokens tokens) {
        this.limiter = limiter;
        this.tokens = tokens;
    }

    @PUT
    @Path("/rate-limit")
    public Map<String, Object> rateLimit(RateLimitSettings settings) {
        if (settings == null || settings.requests() < 1 || settings.windowMillis() < 1) {
            throw HubSpotApiException.validation("requests and windowMillis must be positive.");
        }
        limiter.configure(settings.requests(), Duration.ofMillis(settings.windowMillis()));
        return Map.of("requests", settings.requests(), "windowMillis", settings.windowMillis());
    }

    @POST
    @Path("/tokens/{token}/expire")
    @Consumes(MediaType.WILDCARD)
    public Response expire(@PathParam("token") String token) {
        tokens.expire(token);
        return Response.noContent().build();
    }
}
