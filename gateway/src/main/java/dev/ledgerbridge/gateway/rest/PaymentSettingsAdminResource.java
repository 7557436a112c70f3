package dev.ledgerbridge.gateway.rest;

import dev.ledgerbridge.gateway.client.PaymentSettingsClient;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * Admin API for a company's payment settings (issue 7, contract C): deposit account, fee expense account, fee payment
 * account, fee vendor, refund-from account and payment method. A proxy of payments-bridge-service, which checks each
 * against the company's QBO accounts and vendors; its answers (including 4xx bodies such as 422
 * {@code ACCOUNT_TYPE_NOT_ALLOWED}) reach the caller unchanged.
 */
// TODO(issue 8): operator authentication, like every /admin endpoint.
@Path("/admin/v1/companies/{realmId}/payment-settings")
@Produces(MediaType.APPLICATION_JSON)
public class PaymentSettingsAdminResource {

    private final PaymentSettingsClient settings;

    public PaymentSettingsAdminResource(PaymentSettingsClient settings) {
        this.settings = settings;
    }

    /** The company's payment settings. */
    @GET
    public Uni<Response> get(@PathParam("realmId") String realmId) {
        return settings.get(MatchingSettingsAdminResource.requireRealm(realmId)).map(PaymentSettingsAdminResource::ok);
    }

    /** Stores the settings once payments-bridge has validated them against QBO. */
    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<Response> put(@PathParam("realmId") String realmId, String body) {
        return settings.put(MatchingSettingsAdminResource.requireRealm(realmId), body)
                .map(PaymentSettingsAdminResource::ok);
    }

    private static Response ok(String body) {
        return Response.ok(body, MediaType.APPLICATION_JSON).build();
    }
}
