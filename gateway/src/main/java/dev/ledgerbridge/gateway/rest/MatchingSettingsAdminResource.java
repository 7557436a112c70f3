package dev.ledgerbridge.gateway.rest;

import dev.ledgerbridge.gateway.client.ContactSyncSettingsClient;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * Admin API for a company's customer-matching settings (R8): a proxy of contact-sync-service's settings API, whose
 * answers (including its 400 and 409 bodies) reach the caller unchanged.
 */
// TODO(issue 8): operator authentication, like every /admin endpoint; the actor header then comes from the token.
@Path("/admin/v1/companies/{realmId}/matching-settings")
@Produces(MediaType.APPLICATION_JSON)
public class MatchingSettingsAdminResource {

    private final ContactSyncSettingsClient settings;

    public MatchingSettingsAdminResource(ContactSyncSettingsClient settings) {
        this.settings = settings;
    }

    /** The company's mode, filters and version. */
    @GET
    public Uni<Response> get(@PathParam("realmId") String realmId) {
        return settings.get(requireRealm(realmId)).map(MatchingSettingsAdminResource::ok);
    }

    /** Stores a change ({@code expectedVersion} required) in the name of {@code X-LedgerBridge-Actor}. */
    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<Response> put(@PathParam("realmId") String realmId,
            @HeaderParam(ContactSyncSettingsClient.ACTOR_HEADER) String actor, String body) {
        return settings.put(requireRealm(realmId), actor, body).map(MatchingSettingsAdminResource::ok);
    }

    /** Audited changes, newest first; {@code limit} 1-500 (contact-sync checks it). */
    @GET
    @Path("/history")
    public Uni<Response> history(@PathParam("realmId") String realmId, @QueryParam("limit") Integer limit) {
        return settings.history(requireRealm(realmId), limit).map(MatchingSettingsAdminResource::ok);
    }

    static String requireRealm(String realmId) {
        if (realmId == null || !realmId.matches("[0-9]{1,32}")) {
            throw new IllegalArgumentException("realmId must be a numeric QuickBooks company id");
        }
        return realmId;
    }

    private static Response ok(String body) {
        return Response.ok(body, MediaType.APPLICATION_JSON).build();
    }
}
